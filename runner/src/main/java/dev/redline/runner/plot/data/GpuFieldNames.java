package dev.redline.runner.plot.data;

import dev.redline.runner.telemetry.gpu.DcgmField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AIPerf's GPU telemetry field names (vendor-prefixed: {@code nvidia_gpu_utilization}, {@code amd_gfx_activity})
 * as a plot config names them, the keys Redline's exports use for the same field (docs/telemetry.md: AIPerf's
 * names without the vendor prefix), and AIPerf's display name and unit of each.
 */
public final class GpuFieldNames {
    /** AIPerf 0.13's GPU fields: display name and unit. */
    private static final Map<String, String[]> AIPERF = Map.ofEntries(
            Map.entry("nvidia_power_usage", new String[]{"NVIDIA GPU Power Usage", "W"}),
            Map.entry("nvidia_energy_consumption", new String[]{"NVIDIA Energy Consumption", "MJ"}),
            Map.entry("nvidia_gpu_utilization", new String[]{"NVIDIA GPU Utilization", "%"}),
            Map.entry("nvidia_memory_utilization", new String[]{"NVIDIA Memory Utilization", "%"}),
            Map.entry("nvidia_memory_used", new String[]{"NVIDIA GPU Memory Used", "GB"}),
            Map.entry("nvidia_temperature", new String[]{"NVIDIA GPU Temperature", "°C"}),
            Map.entry("nvidia_sm_utilization", new String[]{"NVIDIA SM Utilization", "%"}),
            Map.entry("nvidia_decoder_utilization", new String[]{"NVIDIA Decoder Utilization", "%"}),
            Map.entry("nvidia_encoder_utilization", new String[]{"NVIDIA Encoder Utilization", "%"}),
            Map.entry("nvidia_jpg_utilization", new String[]{"NVIDIA JPEG Utilization", "%"}),
            Map.entry("nvidia_xid_errors", new String[]{"NVIDIA XID Errors", "count"}),
            Map.entry("nvidia_power_violation", new String[]{"NVIDIA Power Violation", "us"}),
            Map.entry("amd_power", new String[]{"AMD GPU Power", "W"}),
            Map.entry("amd_energy_consumption", new String[]{"AMD Energy Consumption", "MJ"}),
            Map.entry("amd_gfx_activity", new String[]{"AMD GFX Activity", "%"}),
            Map.entry("amd_umc_activity", new String[]{"AMD UMC Activity", "%"}),
            Map.entry("amd_mm_activity", new String[]{"AMD MM Activity", "%"}),
            Map.entry("amd_memory_used", new String[]{"AMD GPU Memory Used", "GB"}),
            Map.entry("amd_temperature", new String[]{"AMD GPU Temperature", "°C"}),
            Map.entry("amd_ecc_uncorrectable", new String[]{"AMD ECC Uncorrectable", "count"}),
            Map.entry("amd_throttle_status", new String[]{"AMD Throttle Status", "count"}),
            // AIPerf's legacy unprefixed name of the utilization
            Map.entry("gpu_utilization", new String[]{"NVIDIA GPU Utilization", "%"}));
    /** AIPerf's GPU-activity family: a plot of one falls back to AMD's GFX activity on an AMD-only run. */
    private static final List<String> ACTIVITY = List.of("nvidia_gpu_utilization", "gpu_utilization");
    private static final String AMD_ACTIVITY = "amd_gfx_activity";

    private GpuFieldNames() { }

    /** Whether a plot config's metric names a GPU field (AIPerf's or Redline's name). */
    public static boolean isGpuField(String metric) {
        return names().contains(metric);
    }

    /** Every GPU field name a plot config may give: AIPerf's and Redline's keys (docs/telemetry.md). */
    public static List<String> names() {
        List<String> out = new ArrayList<>(AIPERF.keySet());
        for (DcgmField f : DcgmField.KNOWN) add(out, f.key());
        return out;
    }

    /** The keys the field may have in the loaded samples or slices, in order of preference. */
    public static List<String> keys(String metric) {
        List<String> out = new ArrayList<>();
        add(out, GpuSamplesReader.FIELDS.get(metric));
        add(out, metric);
        if (metric.startsWith("nvidia_")) {
            String bare = metric.substring("nvidia_".length());
            add(out, bare);
            add(out, "gpu_" + bare);
        }
        if (ACTIVITY.contains(metric)) {
            add(out, "gpu_utilization");
            add(out, AMD_ACTIVITY);
        }
        return out;
    }

    /** The field a plot shows: the one asked for, or AMD's GFX activity when an AMD-only run had only that. */
    public static String shown(String metric, String key) {
        return AMD_ACTIVITY.equals(key) ? AMD_ACTIVITY : metric;
    }

    /** AIPerf's display name and unit of a GPU field ({"NVIDIA GPU Utilization", "%"}), null when AIPerf has none. */
    public static String[] display(String name) {
        return AIPERF.get(name);
    }

    private static void add(List<String> out, String key) {
        if (key != null && !out.contains(key)) out.add(key);
    }
}
