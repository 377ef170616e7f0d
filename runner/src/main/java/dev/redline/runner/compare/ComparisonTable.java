package dev.redline.runner.compare;

import dev.redline.compare.MetricComparison;
import dev.redline.compare.RegressionReport;
import dev.redline.runner.console.TextTable;

import java.nio.file.Path;
import java.util.Locale;

/** The console form of a comparison: one row per gated figure with its evidence. */
final class ComparisonTable {
    private static final String[] HEADERS = {"Metric", "Stat", "Baseline", "New", "Change", "CI", "U test p", "n base/new", "Verdict"};
    private static final boolean[] RIGHT = {false, false, true, true, true, true, true, true, false};

    private ComparisonTable() { }

    static String render(RegressionReport report, Path base, Path current) {
        String level = String.format(Locale.ROOT, "%.0f%%", (1 - 2 * report.alpha()) * 100);
        String[] headers = HEADERS.clone();
        headers[5] = level + " CI";
        TextTable t = new TextTable("Redline | " + base + " -> " + current, headers, RIGHT);
        for (MetricComparison m : report.metrics()) {
            String unit = m.getUnit() == null || m.getUnit().isEmpty() ? "" : " " + m.getUnit();
            t.addRow(cell(m.getMetric()), cell(m.getStat()), cell(num(m.getBaseline()) + unit), cell(num(m.getCurrent()) + unit),
                    cell(pct(m.getChangePercent())), cell(m.getCiLowPercent() == null ? "" : pct(m.getCiLowPercent()) + ".." + pct(m.getCiHighPercent())),
                    cell(m.getMannWhitneyP() == null ? "" : String.format(Locale.ROOT, "%.3g", m.getMannWhitneyP())),
                    cell(m.getBaselineSamples() == null ? "" : m.getBaselineSamples() + "/" + m.getCurrentSamples()),
                    cell(m.getVerdict().name() + (m.getNote() == null ? "" : ": " + m.getNote())));
        }
        return t.render();
    }

    private static String[] cell(String s) { return new String[] {s}; }

    private static String num(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String pct(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%+.1f%%", d);
    }
}
