package dev.redline.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code redline config}: work with config files without running them. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Inspect config files (AIPerf schema 2.0 envelopes or bare benchmark specs).",
        subcommands = {ConfigExpandCommand.class})
public class ConfigCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
