package dev.redline.runner.metrics;

/** Failed requests grouped by error code and type; {@code message} is the first message seen (may be null). */
public record ErrorSummaryEntry(int code, String type, String message, long count) {
}
