package dev.redline.runner.timeslice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.telemetry.TelemetrySession;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --slice-duration} in a profile run: anchors the grid when profiling starts, takes every
 * profiling record on the record-processing thread, and writes the timeslice exports after the run.
 * Off (every call a no-op) without a slice duration.
 */
public final class TimeSliceStage {
    private final double sliceSeconds;
    private final TimeSliceAccumulator slices;

    private TimeSliceStage(double sliceSeconds, TimeSliceAccumulator slices) {
        this.sliceSeconds = sliceSeconds;
        this.slices = slices;
    }

    public static TimeSliceStage forSpec(BenchmarkSpec spec, MetricsContext ctx) {
        Double s = spec.getArtifacts() == null ? null : spec.getArtifacts().getSliceDuration();
        return s == null ? new TimeSliceStage(0, null) : new TimeSliceStage(s, new TimeSliceAccumulator(ctx, s));
    }

    /** The profiling phase starts now (first profiling phase only; later calls are ignored). */
    public void profilingStarting(long perfNs) {
        if (slices != null) slices.start(perfNs);
    }

    /** The run's mean network RTT (ms): each slice gets the network_adjusted_* metrics too, as in AIPerf. */
    public void networkRtt(double ms) {
        if (slices != null) slices.networkRtt(ms);
    }

    /** Record-processing thread. */
    public void add(RequestRecord r) {
        if (slices != null) slices.add(r);
    }

    /**
     * Writes {@code <prefix>_timeslices.json/.csv} into {@code dir}; returns the slices (empty when off).
     *
     * @param telemetry the run's telemetry session (its samples are summarised per slice), or null
     */
    public List<TimeSlice> write(Path dir, String prefix, TelemetrySession telemetry, JsonNode inputConfig)
            throws IOException {
        if (slices == null) return List.of();
        List<TimeSlice> out = slices.slices(telemetry == null ? null : new SliceTelemetry(telemetry));
        TimeSliceExport.write(dir, prefix, sliceSeconds, out, inputConfig);
        return out;
    }
}
