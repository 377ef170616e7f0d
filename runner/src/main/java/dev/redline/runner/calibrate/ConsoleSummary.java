package dev.redline.runner.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The calibration report as a two-column console table. */
final class ConsoleSummary {
    private ConsoleSummary() { }

    static String render(CalibrationReport r) {
        List<String[]> rows = new ArrayList<>();
        if (r.nonStreaming() != null) rows.add(row("Max requests/s, non-streaming", f(r.nonStreaming().maxRequestsPerSec(), 0)
                + " (concurrency " + r.nonStreaming().atConcurrency() + ")"));
        if (r.streaming() != null) rows.add(row("Max requests/s, streaming", f(r.streaming().maxRequestsPerSec(), 0)
                + " (concurrency " + r.streaming().atConcurrency() + ")"));
        if (r.maxConcurrentStreams() != null) {
            rows.add(row("Max concurrent streams sustained", Integer.toString(r.maxConcurrentStreams().sustained())));
        }
        CalibrationReport.ClientLatency lat = r.clientAddedLatency();
        if (lat != null) {
            rows.add(row("Client-added TTFT p50/p99 (ms)", pct(lat.ttftAddedMs()) + " at " + lat.concurrency() + " streams"));
            rows.add(row("Client-added ITL p50/p99 (ms)", pct(lat.itlAddedMs()) + " (mock TTFT " + f(lat.mockTtftMs(), 1)
                    + " ms, ITL " + f(lat.mockItlMs(), 1) + " ms)"));
            if (lat.chunkAddedStampedMs() != null) {
                rows.add(row("At the source: per chunk p50/p99/max", pct3(lat.chunkAddedStampedMs())
                        + " ms (receive - mock's send stamp)"));
            }
            if (lat.ttftAddedStampedMs() != null) {
                rows.add(row("At the source: TTFT p50/p99/max", pct3(lat.ttftAddedStampedMs())
                        + " ms (TTFT - time the mock held it)"));
            }
        }
        CalibrationReport.SendLag lag = r.sendLag();
        if (lag != null) {
            rows.add(row("Send lag p50/p99 (ms)", pct(lag.lagMs()) + " at " + f(lag.requestedRate(), 0) + " req/s "
                    + lag.arrivalPattern()));
            rows.add(row("Achieved / requested rate", lag.achievedRatio() == null ? "n/a" : f(lag.achievedRatio(), 4)));
            rows.add(row("Achieved / schedule's own rate", lag.achievedVsSchedule() == null ? "n/a" : f(lag.achievedVsSchedule(), 4)));
        }
        rows.add(row("Runner CPU (s) / wall (s)", f(r.runner().cpuSeconds(), 1) + " / " + f(r.runner().wallSeconds(), 1)
                + (r.mock().equals("in-process") ? " (includes the in-process mocks)" : "")));
        rows.add(row("Heap peak / live / max (MiB)", mib(r.runner().heapPeakBytes()) + " / " + mib(r.runner().heapLiveBytes())
                + " / " + mib(r.runner().heapMaxBytes())));
        int w = rows.stream().mapToInt(x -> x[0].length()).max().orElse(10);
        StringBuilder sb = new StringBuilder("Redline | Client calibration (" + r.machine().cores() + " cores, "
                + r.machine().jvm() + ")\n");
        for (String[] x : rows) sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %s%n", x[0], x[1]));
        return sb.toString();
    }

    private static String[] row(String k, String v) {
        return new String[] {k, v};
    }

    private static String pct(CalibrationReport.Percentiles p) {
        return p == null ? "n/a" : f(p.p50(), 3) + " / " + f(p.p99(), 3);
    }

    private static String pct3(CalibrationReport.Percentiles p) {
        return f(p.p50(), 3) + " / " + f(p.p99(), 3) + " / " + f(p.max(), 3);
    }

    private static String f(double v, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", v);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }
}
