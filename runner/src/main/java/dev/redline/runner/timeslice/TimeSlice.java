package dev.redline.runner.timeslice;

import dev.redline.runner.metrics.BenchmarkResults;

import java.util.Map;

/**
 * One window of the run: the metrics of the requests that started in it, and the server and GPU
 * samples scraped in it.
 *
 * @param index       0-based position on the grid
 * @param startPerfNs window start on the {@link System#nanoTime()} clock (requests and scrapes share it)
 * @param endPerfNs   window end (the last window ends with the run, so it may be shorter)
 * @param startWallNs window start, epoch ns
 * @param endWallNs   window end, epoch ns
 * @param results     metrics of the requests that started in the window; rates divide by its length
 * @param server      per server endpoint URL: headline metrics (running/waiting requests, KV cache, ...)
 * @param gpu         per GPU: power, utilisation, memory, energy over the window
 */
public record TimeSlice(int index, long startPerfNs, long endPerfNs, long startWallNs, long endWallNs,
                        BenchmarkResults results, Map<String, Map<String, Object>> server,
                        Map<String, Map<String, Object>> gpu) {
    public double seconds() {
        return (endPerfNs - startPerfNs) / 1e9;
    }
}
