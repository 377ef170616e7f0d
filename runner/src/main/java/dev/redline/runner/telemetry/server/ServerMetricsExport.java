package dev.redline.runner.telemetry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.telemetry.series.SeriesId;
import dev.redline.runner.telemetry.series.SeriesStore;
import dev.redline.runner.telemetry.series.Timeline;
import dev.redline.runner.telemetry.summary.Csv;
import dev.redline.runner.telemetry.summary.SeriesSummary;
import dev.redline.runner.telemetry.summary.SeriesTimeslices;
import dev.redline.runner.telemetry.summary.Units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code server_metrics_export.json} (AIPerf's shape: summary with per-endpoint info, metrics by
 * name with one entry per series) and {@code server_metrics_export.csv} (one section per metric type).
 */
public final class ServerMetricsExport {
    public static final String JSON_FILE = "server_metrics_export.json";
    public static final String CSV_FILE = "server_metrics_export.csv";
    public static final String JSONL_FILE = "server_metrics_export.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ServerMetricsExport() { }

    public static void write(ServerMetricsSummary s, Path dir) throws IOException {
        write(s, dir, List.of("json", "csv"), null, null);
    }

    /**
     * Writes the formats asked for (--server-metrics-formats): json, csv, and jsonl (every scrape, from {@code store}).
     *
     * @param sliceSeconds {@code --slice-duration}: each JSON series gets its timeslices (from {@code store}); null for none
     */
    public static void write(ServerMetricsSummary s, Path dir, List<String> formats, SeriesStore store, Double sliceSeconds)
            throws IOException {
        Files.createDirectories(dir);
        if (formats.contains("json")) {
            JSON.writeValue(dir.resolve(JSON_FILE).toFile(), toJson(s, store, sliceSeconds));
        }
        if (formats.contains("csv")) Files.writeString(dir.resolve(CSV_FILE), toCsv(s));
        if (formats.contains("jsonl") && store != null) ScrapeJsonl.write(store, dir.resolve(JSONL_FILE));
    }

    public static Map<String, Object> toJson(ServerMetricsSummary s) {
        return toJson(s, null, null);
    }

    /** With {@code store} and {@code sliceSeconds}, every series carries AIPerf's timeslices and counters its slice rate statistics. */
    public static Map<String, Object> toJson(ServerMetricsSummary s, SeriesStore store, Double sliceSeconds) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", "1.0");
        root.put("generator", "redline");
        Map<String, Object> summary = new LinkedHashMap<>();
        // AIPerf lists the endpoints (configured, and those that answered)
        summary.put("endpoints_configured", s.endpoints().stream().map(r -> r.target().url()).toList());
        summary.put("endpoints_successful", s.endpoints().stream().filter(TargetReport::reachable).map(r -> r.target().url()).toList());
        summary.put("start_time", Instant.ofEpochMilli(s.window().startWallMillis()).toString());
        summary.put("end_time", Instant.ofEpochMilli(s.window().endWallMillis()).toString());
        summary.put("duration_seconds", s.window().seconds());
        long startNs = s.window().startWallMillis() * 1_000_000L;
        Map<String, Object> profiling = new LinkedHashMap<>();
        profiling.put("start_ns", startNs);
        profiling.put("end_ns", startNs + (s.window().endNanos() - s.window().startNanos()));
        summary.put("phase_time_ranges", Map.of("profiling", profiling));
        Map<String, Object> info = new LinkedHashMap<>();
        for (TargetReport r : s.endpoints()) {
            Map<String, Object> m = r.toMap();
            m.put("engine", s.engines().getOrDefault(r.target().url(), Engine.UNKNOWN).label());
            info.put(r.target().url(), m);
        }
        summary.put("endpoint_info", info);
        root.put("summary", summary);

        Map<String, Object> keys = new LinkedHashMap<>();
        s.keyMetrics().forEach((url, list) -> {
            Map<String, Object> k = new LinkedHashMap<>();
            for (KeyMetric m : list) k.put(m.key(), m.toMap());
            keys.put(url, k);
        });
        root.put("metrics_phase", "profiling");
        root.put("key_metrics", keys);
        Slicer slicer = store == null || sliceSeconds == null ? null : new Slicer(store, new SeriesTimeslices(s.window(), sliceSeconds));

        Map<String, Object> metrics = new LinkedHashMap<>();
        for (SeriesSummary ss : s.series()) {
            String name = ss.id().name();
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) metrics.computeIfAbsent(name, n -> {
                Map<String, Object> e = new LinkedHashMap<>();
                SeriesStore.Meta meta = s.meta().get(n);
                e.put("type", meta == null ? "unknown" : typeName(meta));
                e.put("description", meta == null ? null : meta.help());
                e.put("unit", Units.infer(n));
                e.put("series", new ArrayList<Map<String, Object>>());
                return e;
            });
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("endpoint_url", ss.id().endpoint());
            one.put("labels", ss.id().labels());
            Map<String, Object> stats = ss.stats();
            one.put("stats", stats);
            if (ss instanceof SeriesSummary.Histogram h) one.put("buckets", h.buckets());
            if (slicer != null) slicer.put(ss, one, stats);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) entry.get("series");
            list.add(one);
        }
        root.put("metrics", metrics);
        return root;
    }

    /** Adds AIPerf's {@code timeslices} to a series entry; a counter's rate_avg/min/max/std then come from its complete slices. */
    private record Slicer(SeriesStore store, SeriesTimeslices slices, Map<SeriesId, Timeline> byId, Map<String, Long> firstScrape) {
        Slicer(SeriesStore store, SeriesTimeslices slices) {
            this(store, slices, new LinkedHashMap<>(), new LinkedHashMap<>());
            Map<String, List<Timeline>> byEndpoint = new LinkedHashMap<>();
            for (Timeline t : store.timelines()) {
                byId.put(t.id(), t);
                byEndpoint.computeIfAbsent(t.id().endpoint(), k -> new ArrayList<>()).add(t);
            }
            byEndpoint.forEach((url, list) -> firstScrape.put(url, ServerMetricsAnalyzer.firstScrape(list)));
        }

        void put(SeriesSummary ss, Map<String, Object> entry, Map<String, Object> stats) {
            Timeline t = byId.get(ss.id());
            if (t == null) return;
            List<Map<String, Object>> list = slices.of(t, firstScrape.getOrDefault(ss.id().endpoint(), Long.MAX_VALUE));
            if (list.isEmpty()) return;
            entry.put("timeslices", list);
            if (ss instanceof SeriesSummary.Counter) {
                Stats r = SeriesTimeslices.completeRates(list);
                stats.put("rate_avg", r == null ? null : r.avg());
                stats.put("rate_min", r == null ? null : r.min());
                stats.put("rate_max", r == null ? null : r.max());
                stats.put("rate_std", r == null ? null : r.std());
            }
        }
    }

    private static String typeName(SeriesStore.Meta meta) {
        return switch (meta.type()) {
            case UNTYPED -> "unknown";
            default -> meta.type().keyword();
        };
    }

    public static String toCsv(ServerMetricsSummary s) {
        StringBuilder counters = new StringBuilder(Csv.row("Endpoint", "Metric", "Labels", "Total", "Rate (/s)", "Duration (s)"));
        StringBuilder gauges = new StringBuilder(Csv.row("Endpoint", "Metric", "Labels", "avg", "min", "max", "std",
                "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "count"));
        StringBuilder hists = new StringBuilder(Csv.row("Endpoint", "Metric", "Labels", "Count", "Sum", "avg",
                "p50_estimate", "p90_estimate", "p95_estimate", "p99_estimate"));
        StringBuilder sums = new StringBuilder(Csv.row("Endpoint", "Metric", "Labels", "Count", "Sum", "Quantiles"));
        for (SeriesSummary ss : s.series()) {
            String ep = ss.id().endpoint();
            String n = ss.id().name();
            String l = ss.id().labelsText();
            if (ss instanceof SeriesSummary.Counter c) {
                counters.append(Csv.row(ep, n, l, c.total(), c.rate(), c.seconds()));
            } else if (ss instanceof SeriesSummary.Gauge g) {
                var d = g.values();
                gauges.append(Csv.row(ep, n, l, d.avg(), d.min(), d.max(), d.std(), d.p1(), d.p5(), d.p10(), d.p25(),
                        d.p50(), d.p75(), d.p90(), d.p95(), d.p99(), d.count()));
            } else if (ss instanceof SeriesSummary.Histogram h) {
                hists.append(Csv.row(ep, n, l, h.count(), h.sum(), h.avg(), h.percentile(50), h.percentile(90),
                        h.percentile(95), h.percentile(99)));
            } else if (ss instanceof SeriesSummary.Quantiles q) {
                sums.append(Csv.row(ep, n, l, q.count(), q.sum(), q.quantiles().toString()));
            }
        }
        return "# counters\n" + counters + "\n# gauges\n" + gauges + "\n# histograms\n" + hists + "\n# summaries\n" + sums;
    }
}
