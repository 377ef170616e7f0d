package dev.redline.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.plan.Observation;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.aggregate.AggregateCsv;
import dev.redline.plan.aggregate.AggregateJson;
import dev.redline.plan.aggregate.CollatedAggregate;
import dev.redline.plan.aggregate.ConfidenceAggregate;
import dev.redline.plan.aggregate.FailedRun;
import dev.redline.plan.aggregate.SweepAggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes an experiment's aggregate files where {@link ExperimentLayout} puts them. */
final class AggregateFiles {
    private final String version;

    AggregateFiles(String version) {
        this.version = version;
    }

    /** A variation's confidence aggregate (JSON, CSV) and, with several successful runs, the collated per-request export. */
    void variation(Path dir, Observation o, Map<TrialOutcome, Path> runDirs, double confidenceLevel, double cooldownSeconds) {
        if (dir == null || !o.anySucceeded()) return;
        ConfidenceAggregate agg = ConfidenceAggregate.of(o.trials(), confidenceLevel, cooldownSeconds);
        write(dir.resolve(AggregateJson.CONFIDENCE_FILE), AggregateJson.pretty(AggregateJson.confidence(agg, version)));
        write(dir.resolve(AggregateCsv.CONFIDENCE_FILE), AggregateCsv.confidence(agg));
        if (o.successful().size() < 2) return;
        Map<String, Map<String, double[]>> samples = new LinkedHashMap<>();
        for (TrialOutcome t : o.successful()) {
            Map<String, double[]> values = RequestSamples.all(runDirs.get(t).resolve(RequestSamples.FILE));
            if (!values.isEmpty()) samples.put(t.label(), values);
        }
        if (samples.isEmpty()) return; // --export-level summary: no per-request values
        List<FailedRun> failed = agg.failedRuns();
        write(dir.resolve(AggregateJson.COLLATED_FILE), AggregateJson.pretty(AggregateJson.collated(CollatedAggregate.of(samples),
                o.trials().size(), failed, cooldownSeconds, version)));
    }

    void sweep(Path dir, SweepAggregate s) {
        write(dir.resolve(AggregateJson.SWEEP_FILE), AggregateJson.pretty(AggregateJson.sweep(s)));
        write(dir.resolve(AggregateCsv.SWEEP_FILE), AggregateCsv.sweep(s));
    }

    void samplingDesign(Path file, JsonNode design) {
        write(file, AggregateJson.pretty(design));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
