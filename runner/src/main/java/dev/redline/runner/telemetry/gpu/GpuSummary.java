package dev.redline.runner.telemetry.gpu;

import dev.redline.runner.stats.Stats;
import dev.redline.runner.stats.Statistics;

import java.util.Map;

/**
 * One GPU over the run window.
 *
 * @param metrics             per field key: stats of the samples inside the window, in display units
 * @param fields              the DCGM field behind each key
 * @param energyJoules        energy counter increase over the window (J), null without the counter
 * @param powerIntegralJoules integral of the power samples over the window (J), the cross-check
 * @param coveredSeconds      seconds of the window that the power samples cover
 */
public record GpuSummary(GpuIdentity gpu, Map<String, Stats> metrics, Map<String, DcgmField> fields,
                         Double energyJoules, Double powerIntegralJoules, double coveredSeconds) {

    /** Energy used for efficiency: the counter when present, else the power integral. */
    public Double energy() {
        return energyJoules != null ? energyJoules : powerIntegralJoules;
    }

    public String energySource() {
        return energyJoules != null ? "energy_counter" : powerIntegralJoules != null ? "power_integral" : "none";
    }

    public Double meanPowerWatts() {
        Stats d = metrics.get("gpu_power_usage");
        return d == null || d.count() == 0 ? null : d.avg();
    }

    public Stats metric(String key) {
        return metrics.get(key);
    }
}
