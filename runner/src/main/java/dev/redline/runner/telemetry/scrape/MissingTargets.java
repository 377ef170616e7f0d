package dev.redline.runner.telemetry.scrape;

import java.util.List;

/** One line per target that never answered or failed some scrapes, for the console and logs. */
public final class MissingTargets {
    private MissingTargets() { }

    public static String describe(List<TargetReport> reports) {
        StringBuilder sb = new StringBuilder();
        for (TargetReport r : reports) {
            if (r.failures() == 0) continue;
            if (r.target().local() != null && !r.reachable()) continue; // a missing local GPU tool is warned once, at start
            String what = r.reachable()
                    ? r.failures() + " of " + r.attempts() + " scrapes failed"
                    : "unreachable (" + r.failures() + " failed scrapes)";
            sb.append("Telemetry target ").append(r.effectiveUrl()).append(": ").append(what);
            if (r.lastError() != null) sb.append("; last error: ").append(r.lastError());
            sb.append('\n');
        }
        return sb.toString();
    }
}
