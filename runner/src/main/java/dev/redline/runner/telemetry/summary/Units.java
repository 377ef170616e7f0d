package dev.redline.runner.telemetry.summary;

/** Unit of a Prometheus metric inferred from its name suffix (the naming conventions), or null. */
public final class Units {
    private Units() { }

    public static String infer(String name) {
        String n = name.endsWith("_total") ? name.substring(0, name.length() - 6) : name;
        if (n.endsWith("_seconds")) return "seconds";
        if (n.endsWith("_milliseconds") || n.endsWith("_ms")) return "milliseconds";
        if (n.endsWith("_us")) return "microseconds";
        if (n.endsWith("_bytes")) return "bytes";
        if (n.endsWith("_perc") || n.endsWith("_ratio") || n.endsWith("_usage") || n.endsWith("_utilization")
                || n.endsWith("_hit_rate")) return "ratio";
        if (n.endsWith("_percent")) return "percent";
        if (n.endsWith("_tokens") || n.endsWith("_length")) return "tokens";
        if (n.endsWith("_requests") || n.endsWith("_reqs")) return "requests";
        return null;
    }
}
