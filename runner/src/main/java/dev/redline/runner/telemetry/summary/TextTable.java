package dev.redline.runner.telemetry.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain fixed-width console table: a title, a header row, data rows, and notes under it. */
public final class TextTable {
    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public TextTable(String title, String... header) {
        this.title = title;
        rows.add(header);
    }

    public TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    public TextTable note(String note) {
        notes.add(note);
        return this;
    }

    public int dataRows() {
        return rows.size() - 1;
    }

    public static String num(Double d) {
        if (d == null || !Double.isFinite(d)) return "-";
        double a = Math.abs(d);
        if (a != 0 && a < 1) return String.format(Locale.ROOT, "%.4f", d);
        if (a >= 100000) return String.format(Locale.ROOT, "%.0f", d);
        return String.format(Locale.ROOT, "%.2f", d);
    }

    public String render() {
        int cols = 0;
        for (String[] r : rows) cols = Math.max(cols, r.length);
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i] == null ? 1 : r[i].length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        for (int ri = 0; ri < rows.size(); ri++) {
            String[] r = rows.get(ri);
            for (int i = 0; i < cols; i++) {
                String cell = i < r.length && r[i] != null ? r[i] : "";
                if (i == 0) sb.append(String.format("%-" + w[i] + "s", cell));
                else sb.append("  ").append(String.format("%" + w[i] + "s", cell));
            }
            sb.append('\n');
            if (ri == 0) {
                int total = 0;
                for (int x : w) total += x + 2;
                sb.append("-".repeat(Math.max(0, total - 2))).append('\n');
            }
        }
        for (String n : notes) sb.append(n).append('\n');
        return sb.toString();
    }
}
