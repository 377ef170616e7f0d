package dev.redline.runner.telemetry.gpu;

import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.telemetry.summary.RunWindow;

import java.util.List;

/** The GPUs' side of a run: exporter reports and one summary per GPU found. */
public record GpuTelemetrySummary(RunWindow window, List<TargetReport> endpoints, List<GpuSummary> gpus) {

    /** Sum over GPUs of the energy over the window (J); null when no GPU reported energy or power. */
    public Double totalEnergyJoules() {
        double sum = 0;
        boolean any = false;
        for (GpuSummary g : gpus) {
            if (g.energy() != null) {
                sum += g.energy();
                any = true;
            }
        }
        return any ? sum : null;
    }

    /** Sum over GPUs of the mean power gauge in the window (W), AIPerf's total_gpu_power. */
    public Double totalMeanPowerWatts() {
        double sum = 0;
        boolean any = false;
        for (GpuSummary g : gpus) {
            if (g.meanPowerWatts() != null) {
                sum += g.meanPowerWatts();
                any = true;
            }
        }
        return any ? sum : null;
    }

    public boolean hasData() {
        return !gpus.isEmpty();
    }
}
