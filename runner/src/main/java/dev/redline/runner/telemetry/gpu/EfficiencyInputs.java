package dev.redline.runner.telemetry.gpu;

/**
 * Run totals the GPU efficiency metrics need, from the request records of the profiling phase.
 *
 * @param outputTokens               total output tokens of valid requests
 * @param inputTokens                total input tokens of valid requests
 * @param requests                   valid request count
 * @param durationSeconds            profiling phase duration
 * @param concurrency                configured concurrency (users), or null for rate mode
 * @param meanRequestLatencySeconds  mean request latency, or null
 * @param goodputRequestsPerSecond   goodput, or null when no SLOs were given
 */
public record EfficiencyInputs(long outputTokens, long inputTokens, long requests, double durationSeconds,
                               Double concurrency, Double meanRequestLatencySeconds, Double goodputRequestsPerSecond) { }
