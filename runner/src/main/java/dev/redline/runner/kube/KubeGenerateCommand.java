package dev.redline.runner.kube;

import dev.redline.runner.cli.ClusterEnvelope;
import dev.redline.runner.cli.ProfileCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code redline kube generate [profile flags] [deployment flags] [-o FILE]}: the Benchmark, Sweep or Search YAML that
 * {@code kube profile} would submit, for {@code kubectl apply -f} or a GitOps repository. Takes every profile option.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false, preprocessor = DottedMaps.Preprocessor.class,
        description = "Write the Benchmark, Sweep or Search resource that kube profile would submit (YAML); takes every profile option.")
public class KubeGenerateCommand extends ProfileCommand {
    @Mixin DeployOptions deploy = new DeployOptions();
    @Mixin LocalFiles.Options files = new LocalFiles.Options();

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "metadata.namespace of the resource (default: none, kubectl's namespace applies).")
    String namespace;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the YAML to FILE instead of stdout.")
    Path outputFile;

    @Option(names = "--operator", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "AIPerf's mode switch: Redline always runs through its operator; --no-operator is refused.")
    boolean operator;

    @Override
    public Integer call() throws IOException {
        KubeProfileCommand.requireOperator(operator);
        ClusterEnvelope ce = ClusterEnvelope.of(this);
        HasMetadata resource = KubeManifest.build(ce, deploy, namespace);
        io.fabric8.kubernetes.api.model.ConfigMap localFiles = LocalFiles.pack(resource, files);
        String yaml = KubeManifest.yaml(resource, localFiles);
        if (outputFile == null) {
            commandSpec.commandLine().getOut().print(yaml);
            commandSpec.commandLine().getOut().flush();
        } else {
            Path parent = outputFile.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(outputFile, yaml, StandardCharsets.UTF_8);
            commandSpec.commandLine().getOut().println("wrote " + resource.getKind() + " " + resource.getMetadata().getName()
                    + (localFiles == null ? "" : " and ConfigMap " + localFiles.getMetadata().getName() + " (its local files)") + " to " + outputFile
                    + " (submit it with kubectl apply -f " + outputFile + ")");
        }
        return 0;
    }
}
