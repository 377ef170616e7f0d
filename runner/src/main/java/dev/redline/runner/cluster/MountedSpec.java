package dev.redline.runner.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecException;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import dev.redline.runner.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The spec file the operator mounts into runner pods. It may be a plain benchmark spec, or the
 * Benchmark's whole {@code spec} (benchmark fields next to {@code runners}, {@code output}, {@code slo},
 * ...), optionally with the benchmark fields under {@code benchmark:}. The runner keeps what it needs of
 * the Kubernetes-only parts ({@code runners.replicas}, {@code output.objectStore}) and ignores the rest.
 *
 * @param objectStore the {@code output.objectStore} part, or null
 */
public record MountedSpec(BenchmarkSpec benchmark, Integer replicas, JsonNode objectStore) {
    private static final List<String> KUBERNETES_ONLY = List.of("runners", "output", "slo", "apiKeySecretRef",
            "api_key_secret_ref", "ttlSecondsAfterFinished", "ttl_seconds_after_finished", "cancel");

    public static MountedSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("--spec: " + file + " not found; mount the Benchmark's spec ConfigMap there or pass --spec FILE");
        } catch (IOException e) {
            throw new BadInputException("--spec: cannot read " + file + " (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = SpecReader.mapper().readTree(text);
        } catch (IOException e) {
            throw new BadInputException("--spec: " + file + " is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new BadInputException("--spec: " + file + " must hold a mapping (the Benchmark spec)");
        }
        JsonNode runners = obj.path("runners");
        Integer replicas = runners.hasNonNull("replicas") ? runners.get("replicas").asInt() : null;
        JsonNode output = obj.path("output");
        JsonNode store = output.hasNonNull("objectStore") ? output.get("objectStore") : output.get("object_store");
        ObjectNode benchmark = obj.get("benchmark") instanceof ObjectNode b ? b.deepCopy() : obj.deepCopy();
        benchmark.remove(KUBERNETES_ONLY);
        BenchmarkSpec spec;
        try {
            spec = SpecReader.bind(benchmark, file.toString(), BenchmarkSpec.class);
        } catch (SpecException e) {
            throw new BadInputException("--spec: " + e.getMessage());
        }
        List<Violation> violations = SpecValidator.validate(spec);
        if (!violations.isEmpty()) throw new BadInputException("--spec: " + file + ": " + violations.get(0));
        return new MountedSpec(spec, replicas, store);
    }
}
