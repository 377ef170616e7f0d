package dev.redline.runner.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A box-drawn text table in the style of Rich's HEAVY_HEAD box (what AIPerf prints): a centred title,
 * heavy header, light body. Cells may span several lines; columns are right- or left-justified.
 */
public final class TextTable {
    private final String title;
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[][]> rows = new ArrayList<>();

    public TextTable(String title, String[] headers, boolean[] rightAligned) {
        this.title = title;
        this.headers = headers;
        this.rightAligned = rightAligned;
    }

    /** Adds a row; each cell is a list of lines. */
    public void addRow(String[]... cells) { rows.add(cells); }

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
