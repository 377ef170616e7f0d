package dev.redline.runner.plot.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Apache ECharts from its Maven artifact (org.mvnpm:echarts, the npm package repackaged) on the class
 * path: the script is inlined into dashboard.html, so the page needs no network when viewed.
 */
final class ChartLibrary {
    private static final String POM = "/META-INF/maven/org.mvnpm/echarts/pom.properties";

    private ChartLibrary() { }

    static String version() {
        try (InputStream in = ChartLibrary.class.getResourceAsStream(POM)) {
            if (in == null) throw new IllegalStateException("ECharts is missing from the class path (" + POM + "); rebuild redline.jar");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String script() {
        String path = "/META-INF/resources/_static/echarts/" + version() + "/dist/echarts.min.js";
        return resource(ChartLibrary.class, path);
    }

    static String resource(Class<?> owner, String path) {
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the class path; rebuild redline.jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
