package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.NetworkLatencySpec;
import dev.redline.runner.BadInputException;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AIPerf's network-latency calibration flags onto {@code networkLatency} of the spec, refusing the combinations
 * AIPerf refuses: automatic measures the RTT and mean sets it, so not both, and the ping interval only with
 * automatic. Fields are boxed: null = not given.
 */
public final class NetworkLatencyOptions implements SpecOptions {
    static final String AUTOMATIC = "--network-latency-automatic";
    static final String MEAN = "--network-latency-mean";
    static final String PING_INTERVAL = "--network-latency-ping-interval";

    @Option(names = AUTOMATIC,
            description = "Measure the round-trip time to each URL's host:port with TCP connects during profiling and report latencies with its mean subtracted as extra network_adjusted_* metrics, plus network_rtt (probes in profile_export_network_latency.jsonl).")
    Boolean automatic;

    @Option(names = MEAN, paramLabel = "MS",
            description = "Subtract this fixed mean round-trip time (ms) instead of probing (network_adjusted_* metrics, network_rtt).")
    Double meanMs;

    @Option(names = PING_INTERVAL, paramLabel = "SECONDS",
            description = "Seconds between the probes of --network-latency-automatic (default 1).")
    Double pingInterval;

    @Override
    public void applyTo(BenchmarkSpec spec) {
        boolean auto = Boolean.TRUE.equals(automatic);
        if (auto && meanMs != null) {
            throw new BadInputException(MEAN + ": cannot be used with " + AUTOMATIC + " (automatic measures the RTT, mean sets it); give one of them");
        }
        if (pingInterval != null && !auto) {
            throw new BadInputException(PING_INTERVAL + ": only applies with " + AUTOMATIC
                    + (meanMs != null ? ", not with " + MEAN + "; drop it" : "; add " + AUTOMATIC + " or drop it"));
        }
        if (!auto && meanMs == null) return;
        NetworkLatencySpec n = spec.networkLatency();
        n.setEnabled(true);
        n.setMeanMs(meanMs); // automatic clears a file's meanMs: it would turn the probing asked for into a fixed RTT
        if (pingInterval != null) n.setPingInterval(pingInterval);
    }

    @Override
    public Map<String, String> flagsByField() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("networkLatency.enabled", AUTOMATIC);
        m.put("networkLatency.meanMs", MEAN);
        m.put("networkLatency.pingInterval", PING_INTERVAL);
        return m;
    }
}
