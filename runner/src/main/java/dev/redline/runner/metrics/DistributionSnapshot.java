package dev.redline.runner.metrics;

/**
 * A distribution in portable form: count and sum, the HdrHistogram as base64 of its compressed
 * encoding, and optionally the exact values (null when left out to keep the snapshot small).
 */
public record DistributionSnapshot(long count, double sum, long negatives, String histogram, double[] values) {
}
