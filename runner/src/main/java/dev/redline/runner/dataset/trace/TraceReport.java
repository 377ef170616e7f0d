package dev.redline.runner.dataset.trace;

import dev.redline.runner.stats.Stats;

import java.util.Locale;

/** The console table of a {@link TraceAnalysis}. */
public final class TraceReport {
    private TraceReport() { }

    public static String console(TraceAnalysis a) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Requests: %d   duration: %.3f s   mean arrival rate: %s%n", a.requests(),
                a.durationSeconds(), a.meanArrivalRate() == null ? "n/a" : String.format(Locale.ROOT, "%.3f req/s", a.meanArrivalRate())));
        sb.append(String.format(Locale.ROOT, "%-22s %10s %10s %10s %10s %10s %10s %10s%n", "Tokens", "avg", "std", "min", "p50", "p90", "p99", "max"));
        row(sb, "input_length (ISL)", a.isl());
        row(sb, "output_length (OSL)", a.osl());
        sb.append(String.format(Locale.ROOT, "Hash blocks: %d references, %d unique, %d reused by 2+ requests (block reuse %.2f%%) in %d requests%n",
                a.blockReferences(), a.uniqueBlocks(), a.reusedBlocks(), 100 * a.blockReuseRatio(), a.requestsWithHashIds()));
        sb.append(String.format(Locale.ROOT, "Prefixes: %d unique, %d shared first blocks, prefix reuse %.2f%%%n",
                a.uniquePrefixes(), a.prefixGroups(), 100 * a.prefixReuseRatio()));
        sb.append(String.format(Locale.ROOT, "Theoretical prefix-cache hit rate (infinite cache, block size %d): %.2f%% of blocks per request, %.2f%% of prompt tokens%n",
                a.blockSize(), 100 * a.cacheHitRate(), 100 * a.tokenCacheHitRate()));
        if (!a.arrivals().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "Arrivals per %.0f s window:%n", a.windowSeconds()));
            for (TraceAnalysis.Window w : a.arrivals()) {
                sb.append(String.format(Locale.ROOT, "  %10.1f s  %8d requests  %10.3f req/s%n", w.startSeconds(), w.requests(), w.ratePerSecond()));
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Stats d) {
        if (d == null) {
            sb.append(String.format(Locale.ROOT, "%-22s %10s%n", name, "n/a"));
            return;
        }
        sb.append(String.format(Locale.ROOT, "%-22s %10.1f %10.1f %10.0f %10.1f %10.1f %10.1f %10.0f%n", name,
                d.avg(), d.std(), d.min(), d.p50(), d.p90(), d.p99(), d.max()));
    }
}
