package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.config.ConfigSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code redline config schema}: the JSON Schema of a config file, from the same Java types as the CRD. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of a config file (made from the schema the Benchmark CRD is generated with).")
public class ConfigSchemaCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the schema to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(ConfigSchema.build()) + "\n";
        if (output == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(output, json, StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("wrote the config JSON Schema to " + output);
        }
        return 0;
    }
}
