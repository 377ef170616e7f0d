package dev.redline.runner.cli;

import dev.redline.runner.BadInputException;
import dev.redline.runner.config.ConfigLoader;
import dev.redline.runner.config.LoadedConfig;
import dev.redline.runner.config.ResolvedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code redline config show FILE}: the file after substitution, templates and shorthands, with the defaults written out. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a config file resolved: variables and templates applied, AIPerf shorthands expanded, defaults filled.")
public class ConfigShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfigFileArgument file = new ConfigFileArgument();

    @Option(names = "--format", paramLabel = "yaml|json", description = "Output format. Default yaml.")
    String format = "yaml";

    @Override
    public Integer call() throws IOException {
        if (!format.equals("yaml") && !format.equals("json")) throw new BadInputException("--format: use yaml or json, not '" + format + "'");
        LoadedConfig c = new ConfigLoader().load(file.file());
        var tree = ResolvedConfig.envelope(c);
        String text = format.equals("json") ? new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n"
                : ResolvedConfig.yaml(tree);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
