package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code redline config generate [profile flags] [-o FILE]}: the config file a {@code profile} with the same flags
 * would run (schemaVersion 2.0 envelope, camelCase keys), validated; {@code redline profile -f FILE} then runs the same
 * benchmark.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the config file that profile would run with these flags (validated).")
public class ConfigGenerateCommand implements Callable<Integer> {
    @Spec CommandSpec command;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the YAML to FILE instead of stdout.")
    Path output;

    @Option(names = {"-f", "--config"}, paramLabel = "FILE", description = "A config file to start from; the flags override it.")
    Path configFile;

    @Mixin EndpointOptions endpoint = new EndpointOptions();
    @Mixin LoadOptions load = new LoadOptions();
    @Mixin DatasetOptions dataset = new DatasetOptions();
    @Mixin TelemetryOptions telemetry = new TelemetryOptions();
    @Mixin OutputOptions outputs = new OutputOptions();
    @Mixin RuntimeOptions runtime = new RuntimeOptions();

    @Override
    public Integer call() throws IOException {
        SpecBuilder builder = new SpecBuilder(List.of(endpoint, load, dataset, telemetry, outputs, runtime), command);
        BenchmarkSpec spec = builder.build(configFile);
        builder.validate(spec);
        ObjectNode root = SpecReader.mapper().createObjectNode();
        root.put("schemaVersion", "2.0");
        root.set("benchmark", SpecReader.mapper().valueToTree(spec));
        if (builder.loaded() != null) builder.loaded().document().experiment().forEach(root::set);
        String yaml = "# Written by redline config generate; run it with: redline profile -f <this file>\n"
                + dev.redline.runner.config.ResolvedConfig.yaml(root);
        if (output == null) {
            command.commandLine().getOut().print(yaml);
            command.commandLine().getOut().flush();
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(output, yaml, StandardCharsets.UTF_8);
            command.commandLine().getOut().println("wrote " + output + " (run it with redline profile -f " + output + ")");
        }
        return 0;
    }
}
