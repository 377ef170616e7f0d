package dev.redline.runner.live;

import java.util.Locale;

/**
 * The live terminal view as plain text: a fixed number of lines, so the dashboard can redraw it in
 * place. Pure: the same snapshot renders the same text.
 */
public final class DashboardView {
    /** Lines {@link #render} always returns. */
    public static final int LINES = 6;
    private static final int BAR = 40;

    private DashboardView() { }

    public static String render(LiveSnapshot s) {
        StringBuilder sb = new StringBuilder();
        line(sb, "Redline | phase %s | %s elapsed", s.phase(), clock(s.elapsedSeconds()));
        line(sb, "[%s] %s", bar(fraction(s)), progressText(s));
        line(sb, "rate %.1f req/s | in flight %d | sent %d | completed %d | errors %d",
                s.rate(), s.inFlight(), s.sent(), s.completed(), s.errors());
        line(sb, "TTFT  p50 %s  p99 %s", ms(s.ttftMs()[0]), ms(s.ttftMs()[1]));
        line(sb, "ITL   p50 %s  p99 %s", ms(s.itlMs()[0]), ms(s.itlMs()[1]));
        line(sb, "%s", s.errors() > 0 ? String.format(Locale.ROOT, "error rate %.1f%%",
                100.0 * s.errors() / Math.max(1, s.completed())) : "no errors");
        return sb.toString();
    }

    /** Done fraction of the phase: by requests when it has a count, else by time; 0 when unbounded. */
    static double fraction(LiveSnapshot s) {
        if (s.plannedRequests() > 0) return Math.min(1, (double) s.completed() / s.plannedRequests());
        if (s.plannedSeconds() > 0) return Math.min(1, s.elapsedSeconds() / s.plannedSeconds());
        return 0;
    }

    private static String progressText(LiveSnapshot s) {
        if (s.plannedRequests() > 0) return s.completed() + "/" + s.plannedRequests() + " requests";
        if (s.plannedSeconds() > 0) return clock(s.elapsedSeconds()) + "/" + clock(s.plannedSeconds());
        return s.completed() + " requests";
    }

    private static String bar(double fraction) {
        int filled = (int) Math.round(fraction * BAR);
        return "#".repeat(filled) + ".".repeat(BAR - filled);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "--" : String.format(Locale.ROOT, "%.2f ms", v);
    }

    private static String clock(double seconds) {
        long s = (long) Math.max(0, seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
