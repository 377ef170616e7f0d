package dev.redline.runner.cli;

import dev.redline.runner.BadInputException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** The config file of a {@code config} subcommand: {@code FILE}, or AIPerf's {@code --config-file FILE}. */
public class ConfigFileArgument {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The config file (YAML or JSON).")
    Path positional;

    @Option(names = {"--config-file"}, paramLabel = "FILE", description = "The config file, as AIPerf names it (instead of FILE).")
    Path option;

    Path file() {
        if (positional != null && option != null && !positional.equals(option)) {
            throw new BadInputException("give the config file once: FILE or --config-file, not both");
        }
        Path f = positional != null ? positional : option;
        if (f == null) throw new BadInputException("a config file is needed: FILE or --config-file FILE");
        return f;
    }
}
