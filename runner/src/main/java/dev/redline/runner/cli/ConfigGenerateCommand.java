package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.config.SpecReader;
import dev.redline.runner.config.ResolvedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code redline config generate [profile flags] [-o FILE]}: the config file a {@code profile} with the same flags
 * would run (schemaVersion 2.0 envelope, camelCase keys; list flags and --variant give its sweep section, the
 * multi-run flags its multiRun section), validated; {@code redline profile -f FILE} then runs the same benchmark.
 * It takes every profile option (it is the profile command with another action).
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false, preprocessor = MagicLists.Preprocessor.class,
        description = "Write the config file that profile would run with these flags (validated); takes every profile option.")
public class ConfigGenerateCommand extends ProfileCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the YAML to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        ConfigEnvelope env = buildEnvelope();
        ObjectNode tree = SpecReader.mapper().valueToTree(env);
        ObjectNode root = SpecReader.mapper().createObjectNode();
        root.put("schemaVersion", ConfigEnvelope.SCHEMA_VERSION);
        tree.remove("schemaVersion");
        root.setAll(tree);
        String yaml = "# Written by redline config generate; run it with: redline profile -f <this file>\n" + ResolvedConfig.yaml(root);
        if (output == null) {
            commandSpec.commandLine().getOut().print(yaml);
            commandSpec.commandLine().getOut().flush();
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(output, yaml, StandardCharsets.UTF_8);
            commandSpec.commandLine().getOut().println("wrote " + output + " (run it with redline profile -f " + output + ")");
        }
        return 0;
    }
}
