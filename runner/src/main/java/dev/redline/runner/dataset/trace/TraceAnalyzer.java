package dev.redline.runner.dataset.trace;

import dev.redline.runner.stats.Statistics;
import dev.redline.runner.stats.Stats;

import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.file.JsonlRecords;
import dev.redline.runner.dataset.file.SourceRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Analyses a mooncake-style trace ({@code timestamp} ms, {@code input_length}, {@code output_length},
 * {@code hash_ids}). Prefix-cache figures replay the records in timestamp order against an infinite cache: a record
 * hits on its leading hash ids that earlier records already sent, up to its first unseen id.
 */
public final class TraceAnalyzer {
    private record Rec(int index, Long timestamp, int isl, Integer osl, List<Long> hashIds) { }

    private final int blockSize;
    private final double windowSeconds;

    public TraceAnalyzer(int blockSize, double windowSeconds) {
        if (blockSize < 1) throw new IllegalArgumentException("--block-size must be at least 1, got " + blockSize);
        if (!(windowSeconds > 0)) throw new IllegalArgumentException("--window-seconds must be greater than 0, got " + windowSeconds);
        this.blockSize = blockSize;
        this.windowSeconds = windowSeconds;
    }

    public TraceAnalysis analyze(Path file) {
        List<Rec> recs = new ArrayList<>();
        for (SourceRecord r : JsonlRecords.read(file)) {
            Long ts = r.number("timestamp");
            if (ts != null && ts < 0) throw r.error("timestamp", "must be >= 0 ms, got " + ts);
            Long isl = r.number("input_length");
            if (isl == null) throw r.error("input_length", "is required for analysis");
            if (isl < 0 || isl > Integer.MAX_VALUE) throw r.error("input_length", "must be a non-negative integer, got " + isl);
            Long osl = r.number("output_length");
            List<Long> ids = r.longs("hash_ids");
            recs.add(new Rec(recs.size(), ts, isl.intValue(), osl == null ? null : osl.intValue(), ids == null ? List.of() : ids));
        }
        return analyze(recs);
    }

    private TraceAnalysis analyze(List<Rec> recs) {
        List<Integer> isls = recs.stream().map(Rec::isl).toList();
        List<Integer> osls = recs.stream().map(Rec::osl).filter(o -> o != null).toList();
        List<Rec> ordered = new ArrayList<>(recs);
        ordered.sort(Comparator.comparingLong((Rec r) -> r.timestamp == null ? 0 : r.timestamp).thenComparingInt(Rec::index));

        // arrivals
        List<Long> ts = ordered.stream().map(Rec::timestamp).filter(t -> t != null).toList();
        double duration = ts.isEmpty() ? 0 : (ts.get(ts.size() - 1) - ts.get(0)) / 1000.0;
        List<TraceAnalysis.Window> windows = new ArrayList<>();
        if (!ts.isEmpty()) {
            long first = ts.get(0);
            int n = (int) Math.floor(duration / windowSeconds) + 1;
            long[] counts = new long[n];
            for (long t : ts) counts[(int) Math.min(n - 1, Math.floor((t - first) / 1000.0 / windowSeconds))]++;
            for (int i = 0; i < n; i++) windows.add(new TraceAnalysis.Window(i * windowSeconds, counts[i], counts[i] / windowSeconds));
        }
        Double meanRate = duration > 0 ? ts.size() / duration : null;

        // hash blocks and prefixes
        Map<Long, Integer> blockUsers = new HashMap<>();
        Map<List<Long>, Integer> prefixCount = new HashMap<>();
        Map<Long, Integer> firstBlocks = new HashMap<>();
        long refs = 0;
        long withIds = 0;
        for (Rec r : recs) {
            if (r.hashIds.isEmpty()) continue;
            withIds++;
            refs += r.hashIds.size();
            for (Long id : new HashSet<>(r.hashIds)) blockUsers.merge(id, 1, Integer::sum);
            for (int i = 1; i <= r.hashIds.size(); i++) prefixCount.merge(List.copyOf(r.hashIds.subList(0, i)), 1, Integer::sum);
            firstBlocks.merge(r.hashIds.get(0), 1, Integer::sum);
        }
        long reusedBlocks = blockUsers.values().stream().filter(c -> c > 1).count();
        long prefixOccurrences = prefixCount.values().stream().mapToLong(Integer::longValue).sum();
        long reusedOccurrences = prefixCount.values().stream().filter(c -> c > 1).mapToLong(Integer::longValue).sum();
        long groups = firstBlocks.values().stream().filter(c -> c > 1).count();

        // infinite-cache replay in arrival order
        Set<Long> seen = new HashSet<>();
        double hitSum = 0;
        long cachedTokens = 0;
        long promptTokens = 0;
        for (Rec r : ordered) {
            if (r.hashIds.isEmpty()) continue;
            int leading = 0;
            while (leading < r.hashIds.size() && seen.contains(r.hashIds.get(leading))) leading++;
            hitSum += (double) leading / r.hashIds.size();
            cachedTokens += Math.min((long) leading * blockSize, r.isl);
            promptTokens += r.isl;
            seen.addAll(r.hashIds);
        }
        if (recs.isEmpty()) throw new DatasetFormatException("the trace has no records");
        return new TraceAnalysis(recs.size(), stats(isls), stats(osls), duration, meanRate, windowSeconds,
                windows, blockSize, withIds, refs, blockUsers.size(), reusedBlocks,
                refs == 0 ? 0 : (double) (refs - blockUsers.size()) / refs,
                prefixCount.size(), groups, prefixOccurrences == 0 ? 0 : (double) reusedOccurrences / prefixOccurrences,
                withIds == 0 ? 0 : hitSum / withIds, promptTokens == 0 ? 0 : (double) cachedTokens / promptTokens);
    }

    /** Population statistics of the lengths (null when there are none). */
    private static Stats stats(List<Integer> values) {
        return Statistics.of(values.stream().mapToDouble(Integer::doubleValue).toArray(), values.size());
    }
}
