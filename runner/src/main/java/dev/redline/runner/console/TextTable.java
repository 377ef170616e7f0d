package dev.redline.runner.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A box-drawn console table in the style of Rich's HEAVY_HEAD box (what AIPerf prints for its metrics and
 * telemetry tables): a centred title, heavy header, light body, then free-text notes under it. Cells may
 * span several lines; each column is right- or left-justified.
 */
public final class TextTable {
    private final String title;
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[][]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A table whose first column (the row label) is left-justified and the others (numbers) right-justified. */
    public TextTable(String title, String... headers) {
        this(title, headers, labelThenNumbers(headers.length));
    }

    public TextTable(String title, String[] headers, boolean[] rightAligned) {
        this.title = title;
        this.headers = headers;
        this.rightAligned = rightAligned;
    }

    private static boolean[] labelThenNumbers(int cols) {
        boolean[] right = new boolean[cols];
        Arrays.fill(right, true);
        if (cols > 0) right[0] = false;
        return right;
    }

    /** Adds a row of one-line cells; missing or null cells are blank. */
    public TextTable row(String... cells) {
        String[][] row = new String[headers.length][];
        for (int c = 0; c < headers.length; c++) {
            row[c] = new String[] {c < cells.length && cells[c] != null ? cells[c] : ""};
        }
        rows.add(row);
        return this;
    }

    /** Adds a row; each cell is a list of lines. */
    public TextTable addRow(String[]... cells) {
        rows.add(cells);
        return this;
    }

    /** A line printed under the table. */
    public TextTable note(String note) {
        notes.add(note);
        return this;
    }

    public int dataRows() {
        return rows.size();
    }

    /** A telemetry figure: 4 decimals below 1, none from 100 000, else 2; "-" when absent or not finite. */
    public static String num(Double d) {
        if (d == null || !Double.isFinite(d)) return "-";
        double a = Math.abs(d);
        if (a != 0 && a < 1) return String.format(Locale.ROOT, "%.4f", d);
        if (a >= 100000) return String.format(Locale.ROOT, "%.0f", d);
        return String.format(Locale.ROOT, "%.2f", d);
    }

    public String render() {
        int cols = headers.length;
        int[] width = new int[cols];
        for (int c = 0; c < cols; c++) width[c] = headers[c].length();
        for (String[][] row : rows) {
            for (int c = 0; c < cols; c++) for (String line : row[c]) width[c] = Math.max(width[c], line.length());
        }
        StringBuilder sb = new StringBuilder();
        int total = 1;
        for (int w : width) total += w + 3;
        if (title != null) sb.append(" ".repeat(Math.max(0, (total - title.length()) / 2))).append(title).append('\n');
        rule(sb, width, '┏', '━', '┳', '┓');
        line(sb, width, '┃', headers);
        rule(sb, width, '┡', '━', '╇', '┩');
        for (String[][] row : rows) {
            int height = 1;
            for (String[] cell : row) height = Math.max(height, cell.length);
            for (int l = 0; l < height; l++) {
                String[] parts = new String[cols];
                for (int c = 0; c < cols; c++) parts[c] = l < row[c].length ? row[c][l] : "";
                line(sb, width, '│', parts);
            }
        }
        rule(sb, width, '└', '─', '┴', '┘');
        for (String n : notes) sb.append(n).append('\n');
        return sb.toString();
    }

    private void line(StringBuilder sb, int[] width, char sep, String[] parts) {
        sb.append(sep);
        for (int c = 0; c < parts.length; c++) {
            String pad = " ".repeat(width[c] - parts[c].length());
            sb.append(' ').append(rightAligned[c] ? pad + parts[c] : parts[c] + pad).append(' ').append(sep);
        }
        sb.append('\n');
    }

    private static void rule(StringBuilder sb, int[] width, char left, char fill, char mid, char right) {
        sb.append(left);
        for (int c = 0; c < width.length; c++) {
            sb.append(String.valueOf(fill).repeat(width[c] + 2)).append(c == width.length - 1 ? right : mid);
        }
        sb.append('\n');
    }
}
