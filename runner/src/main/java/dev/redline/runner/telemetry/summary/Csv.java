package dev.redline.runner.telemetry.summary;

import java.util.Locale;

/** CSV cell quoting and number formatting shared by the telemetry exports. */
public final class Csv {
    private Csv() { }

    public static String cell(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    public static String num(Object o) {
        if (o == null) return "";
        if (o instanceof Double d) return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "";
        return o.toString();
    }

    public static String row(Object... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append(',');
            Object c = cells[i];
            sb.append(c instanceof String s ? cell(s) : num(c));
        }
        return sb.append('\n').toString();
    }
}
