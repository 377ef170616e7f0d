package dev.redline.runner.telemetry.gpu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AIPerf's GPU power-efficiency metrics (reference §1.10) from the GPU summary and the run totals.
 * Energy is the sum over GPUs of each one's energy over the window.
 */
public final class GpuEfficiency {
    private GpuEfficiency() { }

    /** A metric tag with its unit and value (null when it cannot be computed). */
    public record Metric(String tag, String unit, Double value) { }

    public static Map<String, Metric> compute(GpuTelemetrySummary gpu, EfficiencyInputs in) {
        Map<String, Metric> m = new LinkedHashMap<>();
        Double energy = gpu.totalEnergyJoules();
        Double power = energy != null && in.durationSeconds() > 0 ? energy / in.durationSeconds() : null;
        put(m, "total_gpu_power", "W", gpu.totalMeanPowerWatts());
        put(m, "total_gpu_energy", "J", energy);
        put(m, "average_gpu_power", "W", power);
        put(m, "output_tokens_per_joule", "tokens/J", div(in.outputTokens(), energy));
        put(m, "energy_per_output_token", "mJ/token", energy == null ? null : div(energy * 1000, (double) in.outputTokens()));
        put(m, "energy_per_total_token", "mJ/token",
                energy == null ? null : div(energy * 1000, (double) (in.outputTokens() + in.inputTokens())));
        Double perRequest = energy == null ? null : div(energy, (double) in.requests());
        put(m, "energy_per_request", "J/request", perRequest);
        put(m, "energy_per_user", "J/user", energy == null || in.concurrency() == null ? null : div(energy, in.concurrency()));
        double seconds = in.durationSeconds();
        put(m, "performance_per_watt", "requests/s/W", seconds > 0 ? div(in.requests() / seconds, power) : null);
        put(m, "output_tps_per_watt", "tokens/s/W", seconds > 0 ? div(in.outputTokens() / seconds, power) : null);
        put(m, "goodput_per_watt", "requests/s/W",
                in.goodputRequestsPerSecond() == null ? null : div(in.goodputRequestsPerSecond(), power));
        put(m, "energy_delay_product", "J·s",
                perRequest == null || in.meanRequestLatencySeconds() == null ? null : perRequest * in.meanRequestLatencySeconds());
        return m;
    }

    private static void put(Map<String, Metric> m, String tag, String unit, Double v) {
        m.put(tag, new Metric(tag, unit, v == null || !Double.isFinite(v) ? null : v));
    }

    private static Double div(double a, Double b) {
        return b == null || b == 0 ? null : a / b;
    }
}
