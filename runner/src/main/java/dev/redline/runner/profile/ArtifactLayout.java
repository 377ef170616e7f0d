package dev.redline.runner.profile;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Names and creates the run directory: {@code artifacts/<model>-<endpoint>-<load>} unless set. */
public final class ArtifactLayout {
    private final Path dir;
    private final String prefix;

    private ArtifactLayout(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
    }

    public static ArtifactLayout create(BenchmarkSpec spec) {
        String configured = spec.getArtifacts() == null ? null : spec.getArtifacts().getDir();
        Path dir = configured != null ? Path.of(configured) : Path.of("artifacts", defaultName(spec));
        try {
            Files.createDirectories(dir.resolve("logs"));
        } catch (IOException e) {
            throw new BadInputException("--artifact-dir: cannot create " + dir + " (" + e.getMessage() + "); choose a writable directory");
        }
        return new ArtifactLayout(dir, spec.getArtifacts() == null ? new dev.redline.api.v1alpha1.ArtifactsSpec().resolvedPrefix()
                : spec.getArtifacts().resolvedPrefix());
    }

    public static String defaultName(BenchmarkSpec spec) {
        String model = spec.getModels() == null || spec.getModels().isEmpty() ? "model" : spec.getModels().get(0);
        if (spec.getModels() != null && spec.getModels().size() > 1) model += "_multi";
        return model.replace('/', '_') + "-" + spec.endpoint().resolvedType().wireName() + "-" + loadName(spec);
    }

    private static String loadName(BenchmarkSpec spec) {
        PhaseSpec profiling = spec.phases().stream().filter(p -> p.resolvedKind() == PhaseKind.PROFILING)
                .findFirst().orElse(new PhaseSpec());
        LoadType type = profiling.resolvedType();
        if (type.isOpenModel() && profiling.resolvedRate() != null) return "request_rate" + profiling.resolvedRate(); // a series: its first qps (AIPerf)
        if (type == LoadType.CONCURRENCY) {
            return "concurrency" + (profiling.getConcurrency() == null ? 1 : profiling.getConcurrency());
        }
        return type.wireName();
    }

    public Path dir() { return dir; }

    public String prefix() { return prefix; }

    public Path summaryJson() { return dir.resolve(prefix + ".json"); }

    public Path summaryCsv() { return dir.resolve(prefix + ".csv"); }

    public Path recordsJsonl() { return dir.resolve("profile_export.jsonl"); }

    public Path inputsJson() { return dir.resolve("inputs.json"); }

    /** AIPerf's name: {@code profile_export_network_latency.jsonl}, or {@code <prefix>_network_latency.jsonl} with a prefix. */
    public Path networkLatencyJsonl() {
        boolean defaultPrefix = prefix.equals(new dev.redline.api.v1alpha1.ArtifactsSpec().resolvedPrefix());
        return dir.resolve(defaultPrefix ? "profile_export_network_latency.jsonl" : prefix + "_network_latency.jsonl");
    }

    public Path logFile() { return dir.resolve("logs").resolve("redline.log"); }
}
