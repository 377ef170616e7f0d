package dev.redline.runner.telemetry.scrape;

import dev.redline.runner.telemetry.prometheus.ParsedExposition;

/** Receives each successful scrape; called from scraper threads, one call per target at a time. */
@FunctionalInterface
public interface ScrapeSink {
    void accept(ScrapeTarget target, long monoNanos, long wallMillis, ParsedExposition exposition);
}
