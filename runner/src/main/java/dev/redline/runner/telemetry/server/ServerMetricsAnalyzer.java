package dev.redline.runner.telemetry.server;

import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.telemetry.series.SeriesStore;
import dev.redline.runner.telemetry.series.Timeline;
import dev.redline.runner.telemetry.summary.RunWindow;
import dev.redline.runner.telemetry.summary.SeriesSummary;
import dev.redline.runner.telemetry.summary.Summarizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the scraped server series into a {@link ServerMetricsSummary} for a run window. */
public final class ServerMetricsAnalyzer {
    private ServerMetricsAnalyzer() { }

    public static ServerMetricsSummary analyze(SeriesStore store, List<TargetReport> reports, RunWindow window) {
        Summarizer summarizer = new Summarizer(window.startNanos(), window.endNanos());
        Map<String, List<Timeline>> byEndpoint = new LinkedHashMap<>();
        for (Timeline t : store.timelines()) {
            byEndpoint.computeIfAbsent(t.id().endpoint(), k -> new ArrayList<>()).add(t);
        }
        List<SeriesSummary> series = new ArrayList<>();
        Map<String, SeriesStore.Meta> meta = new LinkedHashMap<>();
        Map<String, Engine> engines = new LinkedHashMap<>();
        Map<String, List<KeyMetric>> keys = new LinkedHashMap<>();
        for (TargetReport r : reports) {
            String url = r.target().url();
            List<Timeline> timelines = byEndpoint.getOrDefault(url, List.of());
            long first = firstScrape(timelines);
            Set<String> names = new LinkedHashSet<>();
            for (Timeline t : timelines) {
                names.add(t.id().name());
                SeriesSummary s = summarizer.summarize(t, first);
                if (s != null) series.add(s);
                meta.putIfAbsent(t.id().name(), store.meta(t.id().name()));
            }
            engines.put(url, timelines.isEmpty() ? Engine.UNKNOWN : Engine.detect(names));
            keys.put(url, new KeyMetricsCalculator(timelines, window.startNanos(), window.endNanos(), first).compute());
        }
        return new ServerMetricsSummary(window, reports, engines, series, meta, keys);
    }

    /** The endpoint's first scrape: series that appear later were created during the run. */
    public static long firstScrape(List<Timeline> timelines) {
        long first = Long.MAX_VALUE;
        for (Timeline t : timelines) {
            if (!t.points().isEmpty()) first = Math.min(first, t.points().get(0).monoNanos());
        }
        return first;
    }
}
