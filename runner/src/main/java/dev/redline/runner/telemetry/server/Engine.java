package dev.redline.runner.telemetry.server;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Inference engines recognised by their metric name prefixes. */
public enum Engine {
    VLLM("vllm", "vllm:"),
    SGLANG("sglang", "sglang:"),
    TRTLLM("tensorrt-llm", "trtllm_", "trtllm:"),
    DYNAMO("dynamo", "dynamo_"),
    TGI("tgi", "tgi_"),
    TRITON("triton", "nv_inference_"),
    UNKNOWN("unknown");

    private final String label;
    private final String[] prefixes;

    Engine(String label, String... prefixes) {
        this.label = label;
        this.prefixes = prefixes;
    }

    public String label() { return label; }

    /**
     * The engine most metric names belong to. Dynamo passes engine metrics through (with a trtllm_
     * prefix, for example), so any dynamo_ family marks the endpoint as Dynamo.
     */
    public static Engine detect(Collection<String> metricNames) {
        Map<Engine, Integer> counts = new EnumMap<>(Engine.class);
        for (String n : metricNames) {
            for (Engine e : values()) {
                for (String p : e.prefixes) {
                    if (n.startsWith(p)) counts.merge(e, 1, Integer::sum);
                }
            }
        }
        if (counts.containsKey(DYNAMO)) return DYNAMO;
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(UNKNOWN);
    }
}
