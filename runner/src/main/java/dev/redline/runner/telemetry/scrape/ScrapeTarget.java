package dev.redline.runner.telemetry.scrape;

/** One URL to scrape and what it is for. */
public record ScrapeTarget(String url, Role role) {
    public enum Role { SERVER, GPU }
}
