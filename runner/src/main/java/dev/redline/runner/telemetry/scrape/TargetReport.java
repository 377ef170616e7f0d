package dev.redline.runner.telemetry.scrape;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened when scraping one target: attempts, failures and the last error, so a report can say
 * what was missing. Updated by scraper threads; reads return a consistent snapshot.
 */
public final class TargetReport {
    private final ScrapeTarget target;
    private String effectiveUrl;
    private long attempts;
    private long successes;
    private long failures;
    private long skippedBusy;
    private long malformedLines;
    private long uniqueUpdates;
    private long totalLatencyNanos;
    private long firstSuccessNanos = Long.MIN_VALUE;
    private long lastSuccessNanos = Long.MIN_VALUE;
    private String lastError;
    private String note;
    private int lastBodyHash;

    public TargetReport(ScrapeTarget target) {
        this.target = target;
        this.effectiveUrl = target.url();
    }

    public ScrapeTarget target() { return target; }
    public synchronized String effectiveUrl() { return effectiveUrl; }
    public synchronized long attempts() { return attempts; }
    public synchronized long successes() { return successes; }
    public synchronized long failures() { return failures; }
    public synchronized long skippedBusy() { return skippedBusy; }
    public synchronized long malformedLines() { return malformedLines; }
    public synchronized String lastError() { return lastError; }
    public synchronized String note() { return note; }
    public synchronized boolean reachable() { return successes > 0; }

    /** Monotonic time of the first successful scrape, or Long.MIN_VALUE when none. */
    public synchronized long firstSuccessNanos() { return firstSuccessNanos; }

    public synchronized double avgLatencyMillis() {
        return successes == 0 ? Double.NaN : totalLatencyNanos / 1e6 / successes;
    }

    synchronized void attempt() { attempts++; }
    synchronized void busy() { skippedBusy++; }

    synchronized void success(long atNanos, long latencyNanos, int malformed, int bodyHash) {
        successes++;
        totalLatencyNanos += latencyNanos;
        malformedLines += malformed;
        if (successes == 1 || bodyHash != lastBodyHash) uniqueUpdates++;
        lastBodyHash = bodyHash;
        if (firstSuccessNanos == Long.MIN_VALUE) firstSuccessNanos = atNanos;
        lastSuccessNanos = atNanos;
    }

    synchronized void failure(String error) {
        failures++;
        lastError = error;
    }

    synchronized void redirect(String newUrl, String why) {
        effectiveUrl = newUrl;
        note = why;
    }

    /** The report entry as the exports write it. */
    public synchronized Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", effectiveUrl);
        if (!effectiveUrl.equals(target.url())) m.put("configured_url", target.url());
        m.put("reachable", successes > 0);
        m.put("total_fetches", attempts);
        m.put("successful_fetches", successes);
        m.put("failed_fetches", failures);
        m.put("skipped_busy", skippedBusy);
        m.put("unique_updates", uniqueUpdates);
        m.put("avg_fetch_latency_ms", successes == 0 ? null : avgLatencyMillis());
        m.put("malformed_lines", malformedLines);
        m.put("duration_seconds", successes > 1 ? (lastSuccessNanos - firstSuccessNanos) / 1e9 : 0.0);
        if (lastError != null) m.put("last_error", lastError);
        if (note != null) m.put("note", note);
        return m;
    }
}
