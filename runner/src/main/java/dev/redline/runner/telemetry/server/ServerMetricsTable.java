package dev.redline.runner.telemetry.server;

import dev.redline.runner.telemetry.scrape.MissingTargets;
import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.console.TextTable;

import java.util.ArrayList;
import java.util.List;

/** The console's second table: headline server metrics per endpoint, and what could not be scraped. */
public final class ServerMetricsTable {
    private static final String[] STATS = {"avg", "min", "max", "p50", "p90", "p99", "total", "rate", "value"};

    private ServerMetricsTable() { }

    public static String render(ServerMetricsSummary s) {
        StringBuilder out = new StringBuilder();
        for (TargetReport r : s.endpoints()) {
            String url = r.target().url();
            List<KeyMetric> keys = s.keyMetrics().getOrDefault(url, List.of());
            if (!r.reachable() && keys.isEmpty()) continue;
            String engine = s.engines().getOrDefault(url, Engine.UNKNOWN).label();
            List<String> stats = new ArrayList<>();
            for (String st : STATS) {
                if (keys.stream().anyMatch(k -> k.values().containsKey(st))) stats.add(st);
            }
            List<String> header = new ArrayList<>(List.of("Metric"));
            header.addAll(stats);
            TextTable t = new TextTable("Server Metrics | " + r.effectiveUrl() + " (" + engine + ")", header.toArray(String[]::new));
            for (KeyMetric k : keys) {
                String[] row = new String[stats.size() + 1];
                row[0] = k.title() + " (" + k.unit() + ")";
                for (int i = 0; i < stats.size(); i++) {
                    row[i + 1] = k.values().containsKey(stats.get(i)) ? TextTable.num(k.value(stats.get(i))) : "";
                }
                t.row(row);
            }
            if (keys.isEmpty()) t.note("No known inference-server metrics at this endpoint; see " + ServerMetricsExport.JSON_FILE + ".");
            if (r.malformedLines() > 0) t.note(r.malformedLines() + " malformed exposition lines were skipped.");
            out.append(t.render()).append('\n');
        }
        String missing = MissingTargets.describe(s.endpoints());
        if (!missing.isEmpty()) out.append(missing);
        return out.toString();
    }
}
