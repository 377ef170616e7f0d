package dev.redline.runner.telemetry.scrape;

/**
 * One URL to scrape and what it is for. A target with a {@link LocalSource} is read from this machine (a vendor
 * GPU CLI) instead of over HTTP; its URL is then a name such as {@code local:pynvml}.
 */
public record ScrapeTarget(String url, Role role, LocalSource local) {
    public enum Role { SERVER, GPU }

    /** Exposition text produced on this machine. */
    @FunctionalInterface
    public interface LocalSource {
        String read(java.time.Duration timeout) throws java.io.IOException;
    }

    public ScrapeTarget(String url, Role role) {
        this(url, role, null);
    }
}
