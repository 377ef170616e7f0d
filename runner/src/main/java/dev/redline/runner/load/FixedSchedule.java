package dev.redline.runner.load;

import dev.redline.api.v1alpha1.FixedScheduleSpec;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Dataset;
import dev.redline.runner.dataset.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Trace replay (AIPerf fixed schedule): each conversation's first turn fires at phase start +
 * (timestamp - zero) ms, in timestamp order; identical timestamps fire together. Zero is the first
 * replayed timestamp with auto-offset, else the start offset, else 0. Start/end offsets crop the trace
 * inclusively. Later turns follow their delay after the previous turn completes. Timestamps must be
 * non-negative and sorted; anything else is rejected with a one-line message.
 */
public final class FixedSchedule {
    /** One replayed entry: the send offset from phase start and its conversation. */
    public record Entry(long offsetNs, long timestampMs, Conversation conversation) { }

    private final List<Entry> entries;
    private final long zeroMs;

    private FixedSchedule(List<Entry> entries, long zeroMs) {
        this.entries = entries;
        this.zeroMs = zeroMs;
    }

    public static boolean hasTimestamps(Dataset d) {
        List<Conversation> cs = d.conversations();
        return !cs.isEmpty() && cs.get(0).turns().get(0).timestampMs() != null;
    }

    public static FixedSchedule build(Dataset dataset, FixedScheduleSpec spec) {
        Long start = spec == null ? null : spec.getStartOffsetMs();
        Long end = spec == null ? null : spec.getEndOffsetMs();
        boolean auto = spec == null || spec.resolvedAutoOffset();
        List<Conversation> kept = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (Conversation c : dataset.conversations()) {
            Turn first = c.turns().get(0);
            if (first.timestampMs() == null) {
                throw new IllegalArgumentException("trace entry " + c.id() + " has no timestamp; a fixed schedule needs a timestamp on every entry");
            }
            long ts = first.timestampMs();
            if (ts < 0) {
                throw new IllegalArgumentException("trace entry " + c.id() + " has negative timestamp " + ts + " ms; timestamps must be >= 0");
            }
            if (ts < previous) {
                throw new IllegalArgumentException("trace timestamps are not sorted: entry " + c.id() + " (" + ts
                        + " ms) comes after " + previous + " ms; sort the trace by timestamp");
            }
            previous = ts;
            if (start != null && ts < start) continue;
            if (end != null && ts > end) continue;
            kept.add(c);
        }
        long zero = auto && !kept.isEmpty() ? kept.get(0).turns().get(0).timestampMs() : (start != null ? start : 0);
        List<Entry> entries = new ArrayList<>(kept.size());
        for (Conversation c : kept) {
            long ts = c.turns().get(0).timestampMs();
            entries.add(new Entry(Math.max(0, ts - zero) * 1_000_000L, ts, c));
        }
        return new FixedSchedule(List.copyOf(entries), zero);
    }

    public List<Entry> entries() { return entries; }

    public int size() { return entries.size(); }

    public long zeroMs() { return zeroMs; }

    /** The arrival offsets, in replay order. */
    ArrivalSchedule schedule() {
        return new ArrivalSchedule() {
            private int next;

            @Override
            public long nextOffsetNs() {
                return next < entries.size() ? entries.get(next++).offsetNs() : -1;
            }
        };
    }

    /** Session n replays entry n. */
    LongFunction<SessionRun> sessions(SessionSource source) {
        return sn -> sn < entries.size() ? source.open(sn, entries.get((int) sn).conversation()) : null;
    }
}
