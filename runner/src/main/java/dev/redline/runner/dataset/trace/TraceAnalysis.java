package dev.redline.runner.dataset.trace;

import dev.redline.runner.stats.Stats;

import java.util.List;

/**
 * Statistics of a mooncake-style trace, as {@code redline analyze-trace} prints and exports them.
 *
 * @param requests               number of records
 * @param isl                    input_length distribution
 * @param osl                    output_length distribution (records that have one)
 * @param durationSeconds        last minus first timestamp, 0 without timestamps
 * @param meanArrivalRate        requests per second over the duration (null when it is 0)
 * @param arrivals               request counts per window of {@code windowSeconds}
 * @param blockSize              tokens per hash block assumed for token-weighted figures
 * @param requestsWithHashIds    records that carry hash_ids
 * @param blockReferences        hash ids over all records
 * @param uniqueBlocks           distinct hash ids
 * @param reusedBlocks           distinct hash ids used by more than one record
 * @param blockReuseRatio        (blockReferences - uniqueBlocks) / blockReferences
 * @param uniquePrefixes         distinct hash-id prefixes (every leading run of every record)
 * @param prefixGroups           distinct first blocks shared by two or more records
 * @param prefixReuseRatio       share of prefix occurrences whose prefix occurs more than once
 * @param cacheHitRate           mean over records of (leading blocks already seen) / (blocks), infinite cache, in order
 * @param tokenCacheHitRate      cached prompt tokens / all prompt tokens of records with hash_ids, same simulation,
 *                               cached tokens = min(leading blocks seen × blockSize, input_length)
 */
public record TraceAnalysis(long requests, Stats isl, Stats osl, double durationSeconds,
                            Double meanArrivalRate, double windowSeconds, List<Window> arrivals, int blockSize,
                            long requestsWithHashIds, long blockReferences, long uniqueBlocks, long reusedBlocks,
                            double blockReuseRatio, long uniquePrefixes, long prefixGroups, double prefixReuseRatio,
                            double cacheHitRate, double tokenCacheHitRate) {

    /** Requests that arrived in [startSeconds, startSeconds + window). */
    public record Window(double startSeconds, long requests, double ratePerSecond) { }
}
