package dev.redline.runner.telemetry.server;

import dev.redline.runner.telemetry.scrape.MissingTargets;
import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.telemetry.summary.TextTable;

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
            String[] header = new String[STATS.length + 1];
            header[0] = "Metric";
            System.arraycopy(STATS, 0, header, 1, STATS.length);
            TextTable t = new TextTable("Server Metrics | " + r.effectiveUrl() + " (" + engine + ")", header);
            for (KeyMetric k : keys) {
                String[] row = new String[STATS.length + 1];
                row[0] = k.title() + " (" + k.unit() + ")";
                for (int i = 0; i < STATS.length; i++) row[i + 1] = k.values().containsKey(STATS[i]) ? TextTable.num(k.value(STATS[i])) : "";
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
