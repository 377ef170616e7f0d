package dev.redline.runner.telemetry.gpu;

import java.util.Map;

/**
 * Which GPU a DCGM series belongs to: the exporter URL, the GPU's UUID, its index on the host (label
 * {@code gpu}), model name and host name ({@code hostname}, spelled {@code Hostname} before
 * dcgm-exporter PR #655).
 */
public record GpuIdentity(String endpoint, String uuid, String index, String modelName, String hostname,
                          String migInstance) {

    public static GpuIdentity of(String endpoint, Map<String, String> labels) {
        String uuid = first(labels, "UUID", "uuid");
        String index = first(labels, "gpu", "GPU");
        String host = first(labels, "hostname", "Hostname");
        return new GpuIdentity(endpoint, uuid == null ? "" : uuid, index == null ? "" : index,
                first(labels, "modelName", "model_name"), host, labels.get("GPU_I_ID"));
    }

    /** Key that ignores the model and host labels (they can change spelling across exporter versions). */
    String key() {
        // MIG instances of one GPU share its UUID; GPU_I_ID tells them apart.
        return endpoint + "|" + (uuid.isEmpty() ? "gpu" + index : uuid) + (migInstance == null ? "" : "|mig" + migInstance);
    }

    public String displayName() {
        StringBuilder sb = new StringBuilder("GPU ").append(index.isEmpty() ? "?" : index);
        if (modelName != null) sb.append(' ').append(modelName);
        if (migInstance != null) sb.append(" MIG ").append(migInstance);
        if (!uuid.isEmpty()) sb.append(" (").append(uuid).append(')');
        if (hostname != null && !hostname.isEmpty()) sb.append(" @ ").append(hostname);
        return sb.toString();
    }

    private static String first(Map<String, String> labels, String a, String b) {
        String v = labels.get(a);
        return v != null ? v : labels.get(b);
    }
}
