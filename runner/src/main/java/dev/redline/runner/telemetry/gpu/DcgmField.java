package dev.redline.runner.telemetry.gpu;

import java.util.List;

/**
 * DCGM exporter fields Redline reports, with the exported key (AIPerf's names without the vendor
 * prefix), display unit and the factor from DCGM's unit. Fields not listed are still summarised
 * under their lower-cased DCGM name, or as a custom metrics file names them ({@link GpuMetricsFile}).
 */
public record DcgmField(String dcgmName, String key, String title, String unit, double scale) {

    public static final String POWER = "DCGM_FI_DEV_POWER_USAGE";
    public static final String ENERGY = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION";

    private static final double MIB_TO_GB = 1048576 / 1e9;

    public static final List<DcgmField> KNOWN = List.of(
            new DcgmField(POWER, "gpu_power_usage", "GPU power", "W", 1),
            new DcgmField("DCGM_FI_DEV_GPU_UTIL", "gpu_utilization", "GPU utilization", "%", 1),
            new DcgmField("DCGM_FI_PROF_GR_ENGINE_ACTIVE", "gr_engine_active", "Graphics engine active", "%", 100),
            new DcgmField("DCGM_FI_PROF_SM_ACTIVE", "sm_utilization", "SM active", "%", 100),
            new DcgmField("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", "tensor_active", "Tensor pipe active", "%", 100),
            new DcgmField("DCGM_FI_PROF_DRAM_ACTIVE", "dram_active", "DRAM active", "%", 100),
            new DcgmField("DCGM_FI_DEV_MEM_COPY_UTIL", "memory_copy_utilization", "Memory copy utilization", "%", 1),
            new DcgmField("DCGM_FI_DEV_FB_USED", "gpu_memory_used", "GPU memory used", "GB", MIB_TO_GB),
            new DcgmField("DCGM_FI_DEV_FB_FREE", "gpu_memory_free", "GPU memory free", "GB", MIB_TO_GB),
            new DcgmField("DCGM_FI_DEV_FB_RESERVED", "gpu_memory_reserved", "GPU memory reserved", "GB", MIB_TO_GB),
            new DcgmField("DCGM_FI_DEV_SM_CLOCK", "sm_clock", "SM clock", "MHz", 1),
            new DcgmField("DCGM_FI_DEV_MEM_CLOCK", "memory_clock", "Memory clock", "MHz", 1),
            new DcgmField("DCGM_FI_DEV_GPU_TEMP", "gpu_temperature", "GPU temperature", "°C", 1),
            new DcgmField("DCGM_FI_DEV_MEMORY_TEMP", "memory_temperature", "Memory temperature", "°C", 1),
            new DcgmField("DCGM_FI_DEV_XID_ERRORS", "xid_errors", "Last XID error", "", 1),
            new DcgmField("DCGM_FI_DEV_POWER_VIOLATION", "power_violation", "Power violation", "us", 1),
            new DcgmField(ENERGY, "energy_consumption", "Energy since boot", "J", 1e-3)
    );

    public static boolean isKnown(String dcgmName) {
        return KNOWN.stream().anyMatch(f -> f.dcgmName.equals(dcgmName));
    }

    public static DcgmField forName(String dcgmName) {
        return forName(dcgmName, List.of());
    }

    /** As {@link #forName(String)}, with the fields of a custom metrics file ({@link GpuMetricsFile}) before the fallback. */
    public static DcgmField forName(String dcgmName, List<DcgmField> custom) {
        for (DcgmField f : KNOWN) {
            if (f.dcgmName.equals(dcgmName)) return f;
        }
        for (DcgmField f : custom) {
            if (f.dcgmName.equals(dcgmName)) return f;
        }
        String key = dcgmName.replaceFirst("^DCGM_FI_(DEV_|PROF_)?", "").toLowerCase();
        return new DcgmField(dcgmName, key, dcgmName, "", 1);
    }

    /**
     * DCGM writes "no value" as sentinels: int64 blanks near 2^63, the FP64 blank 2^47, and (for the
     * 32-bit gauges, not the 64-bit energy counter) int32 blanks just under 2^31.
     */
    public static boolean isBlank(String dcgmName, double v) {
        if (Double.isNaN(v) || Math.abs(v) >= 9.0e18) return true;
        if (Math.abs(v - 140737488355328.0) < 1024) return true;
        return !dcgmName.equals(ENERGY) && v >= 2147483632.0 && v <= 2147483647.0;
    }
}
