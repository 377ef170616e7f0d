package dev.redline.runner.cli;

import picocli.CommandLine;

/** Version from the jar manifest (set by the build), or "dev" when run from classes. */
public class RedlineVersion implements CommandLine.IVersionProvider {
    public static String version() {
        String v = RedlineVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"redline " + version(), "Java " + System.getProperty("java.version")};
    }
}
