package dev.redline.runner.netlatency;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One TCP-connect probe: a line of {@code profile_export_network_latency.jsonl} in AIPerf's shape.
 *
 * @param timestampNs  wall clock (epoch ns) when the probe started
 * @param rttNs        handshake time by {@link System#nanoTime()}, or -1 when the probe failed
 * @param errorType    the failure's exception name (null on success)
 * @param errorMessage the failure's message (null on success)
 */
public record RttSample(long timestampNs, ProbeTarget target, long rttNs, String errorType, String errorMessage) {
    public static final String PROBE_TYPE = "tcp_connect";

    public boolean success() { return rttNs >= 0; }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("timestamp_ns", timestampNs);
        n.put("target_url", target.url());
        n.put("target_host", target.host());
        n.put("target_port", target.port());
        n.put("probe_type", PROBE_TYPE);
        if (success()) n.put("rtt_ns", rttNs);
        n.put("success", success());
        if (!success()) {
            ObjectNode error = n.putObject("error");
            error.put("type", errorType);
            error.put("message", errorMessage);
        }
        return n;
    }
}
