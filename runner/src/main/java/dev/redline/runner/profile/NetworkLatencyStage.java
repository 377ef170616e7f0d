package dev.redline.runner.profile;

import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.NetworkLatencySpec;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.netlatency.NetworkLatencyProber;
import dev.redline.runner.netlatency.ProbeTarget;
import dev.redline.runner.timeslice.TimeSliceStage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Network-latency calibration around the profiling phases (AIPerf's --network-latency-*): with probing, TCP-connect
 * probes to every URL's host:port from the first profiling phase until the load is done; then the mean RTT (probed,
 * or the fixed --network-latency-mean) goes to the metrics, which add the network_adjusted_* metrics. Off: no-ops.
 */
final class NetworkLatencyStage implements AutoCloseable {
    /** The run's export key for the probes' statistics (AIPerf's NetworkLatencyResults). */
    static final String EXTENSION = "network_latency";

    private final NetworkLatencySpec spec;
    private final List<String> urls;
    private final Path jsonl;
    private final RunLog log;
    private NetworkLatencyProber prober;

    private NetworkLatencyStage(NetworkLatencySpec spec, List<String> urls, Path jsonl, RunLog log) {
        this.spec = spec;
        this.urls = urls;
        this.jsonl = jsonl;
        this.log = log;
    }

    static NetworkLatencyStage of(BenchmarkSpec spec, List<String> urls, ArtifactLayout layout, RunLog log) {
        NetworkLatencySpec n = spec.getNetworkLatency() == null ? new NetworkLatencySpec() : spec.getNetworkLatency();
        return new NetworkLatencyStage(n, urls, layout.networkLatencyJsonl(), log);
    }

    /** Starts the probes when the first profiling phase starts (AIPerf probes the profiling phase, not the warmup). */
    void profilingStarting() {
        if (!spec.probes() || prober != null) return;
        List<ProbeTarget> targets = ProbeTarget.of(urls);
        if (targets.isEmpty()) {
            log.warn("Network latency: no host:port in the URLs to probe; no network_adjusted_* metrics");
            return;
        }
        try {
            prober = NetworkLatencyProber.start(targets, spec.resolvedPingInterval(), jsonl, log::warn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Network latency: probing " + targets.stream().map(ProbeTarget::key).toList() + " every "
                + spec.resolvedPingInterval() + " s");
    }

    /** Stops the probes (with the final top-up probes) once the load is done. */
    void loadDone() {
        if (prober != null) prober.stop();
    }

    /** Gives the mean RTT to the run's metrics and time slices, and says which RTT was subtracted. */
    void applyTo(RecordMetricsAccumulator profiling, TimeSliceStage slices) {
        double rttMs = rttMs();
        if (!(rttMs > 0)) return;
        profiling.networkRtt(rttMs);
        slices.networkRtt(rttMs);
        if (spec.fixedMeanMs() != null) {
            log.info(String.format(Locale.ROOT, "Network latency calibration: subtracting a fixed mean RTT of %.3f ms"
                    + " from latency metrics (network_adjusted_* metrics)", rttMs));
        } else {
            log.info(String.format(Locale.ROOT, "Network latency calibration: subtracting measured mean RTT of %.3f ms"
                    + " (over %d TCP-handshake probes) from latency metrics (network_adjusted_* metrics)", rttMs,
                    prober.summary().successes()));
        }
    }

    /** The RTT to subtract in ms: the fixed mean, the probes' mean, or NaN (off, or no probe succeeded: said once). */
    private double rttMs() {
        if (spec.fixedMeanMs() != null) return spec.fixedMeanMs();
        if (prober == null) return Double.NaN;
        double ns = prober.summary().meanRttNs();
        if (Double.isNaN(ns)) log.warn("Network latency calibration enabled but no successful RTT probes were collected;"
                + " skipping network_adjusted_* metrics");
        return ns / 1e6;
    }

    /** Adds the probes' per-target statistics to the summary JSON (probing runs only). */
    void addTo(ProfileExport export) {
        if (prober != null) export.putExtension(EXTENSION, prober.summary().toJson());
    }

    @Override
    public void close() {
        if (prober != null) prober.close();
    }
}
