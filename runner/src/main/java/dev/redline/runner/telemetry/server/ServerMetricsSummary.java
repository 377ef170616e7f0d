package dev.redline.runner.telemetry.server;

import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.telemetry.series.SeriesStore;
import dev.redline.runner.telemetry.summary.RunWindow;
import dev.redline.runner.telemetry.summary.SeriesSummary;

import java.util.List;
import java.util.Map;

/**
 * The inference server's side of a run: per endpoint its scrape report and engine, every series
 * summarised over the window, and the headline metrics per endpoint.
 *
 * @param endpoints  one report per configured URL (missing targets included)
 * @param engines    engine recognised per endpoint URL (as configured)
 * @param series     every series summarised over the window
 * @param meta       type and HELP by metric name
 * @param keyMetrics headline metrics per endpoint URL
 */
public record ServerMetricsSummary(RunWindow window, List<TargetReport> endpoints, Map<String, Engine> engines,
                                   List<SeriesSummary> series, Map<String, SeriesStore.Meta> meta,
                                   Map<String, List<KeyMetric>> keyMetrics) {

    public long endpointsSuccessful() {
        return endpoints.stream().filter(TargetReport::reachable).count();
    }

    /** The headline metric {@code key} of {@code endpointUrl}, or null. */
    public KeyMetric keyMetric(String endpointUrl, String key) {
        for (KeyMetric m : keyMetrics.getOrDefault(endpointUrl, List.of())) {
            if (m.key().equals(key)) return m;
        }
        return null;
    }

    /** The summary of one series by endpoint, name and labels, or null. */
    public SeriesSummary find(String endpointUrl, String name, Map<String, String> labels) {
        for (SeriesSummary s : series) {
            if (s.id().endpoint().equals(endpointUrl) && s.id().name().equals(name) && s.id().labels().equals(labels)) {
                return s;
            }
        }
        return null;
    }
}
