package dev.redline.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code redline config ...}: AIPerf's config lifecycle (init, generate, validate, show, schema, diff). */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Config files: start one from a template, write one from flags, validate, show resolved, diff, expand a sweep, print the schema.",
        subcommands = {ConfigInitCommand.class, ConfigGenerateCommand.class, ConfigValidateCommand.class,
                ConfigShowCommand.class, ConfigSchemaCommand.class, ConfigDiffCommand.class, ConfigExpandCommand.class})
public class ConfigCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
