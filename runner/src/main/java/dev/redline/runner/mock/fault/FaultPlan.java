package dev.redline.runner.mock.fault;

import dev.redline.runner.mock.SeededDice;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, per inference request, which configured fault (if any) hits it. One seeded uniform draw per
 * request index (the same draw the plain {@code --error-rate} used) is compared with the cumulative rates
 * of the faults whose window is open, in the order they were given, so each request gets at most one
 * fault and the same seed and request sequence give the same faults. Windows count from the first
 * inference request. Thread-safe and lock-free (every event loop asks).
 */
public final class FaultPlan {
    private final FaultSpec[] faults;
    // window bounds in ns after the first request, precomputed: decide() runs per request on an event loop
    private final long[] startNs;
    private final long[] endNs;
    private final SeededDice dice;
    private final AtomicLong firstNanos = new AtomicLong(Long.MIN_VALUE);

    public FaultPlan(List<FaultSpec> faults, long seed) {
        validate(faults);
        this.faults = faults.toArray(new FaultSpec[0]);
        this.startNs = new long[this.faults.length];
        this.endNs = new long[this.faults.length];
        for (int i = 0; i < this.faults.length; i++) {
            FaultSpec f = this.faults[i];
            startNs[i] = (long) (f.number("start-s") * 1e9);
            endNs[i] = f.windowed() ? startNs[i] + (long) Math.min(Long.MAX_VALUE / 4.0, f.number("duration-s") * 1e9) : Long.MAX_VALUE;
        }
        this.dice = new SeededDice(seed);
    }

    /** Rejects rates of always-on faults that add up to more than 1 (a request takes one fault at most). */
    public static void validate(List<FaultSpec> faults) {
        double sum = 0;
        for (FaultSpec f : faults) if (!f.windowed()) sum += f.rate();
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the fault rates add up to %.3g; together they must be at most 1 (each request gets at most one fault)", sum));
        }
    }

    /** The fault of request {@code request} received at {@code nowNanos} ({@link System#nanoTime()}), or null. */
    public FaultSpec decide(long request, long nowNanos) {
        if (faults.length == 0) return null;
        firstNanos.compareAndSet(Long.MIN_VALUE, nowNanos);
        long since = Math.max(0, nowNanos - firstNanos.get());
        double u = dice.uniform(request, SeededDice.SLOT_ERROR);
        double cumulative = 0;
        for (int i = 0; i < faults.length; i++) {
            if (since < startNs[i] || since >= endNs[i]) continue;
            cumulative += faults[i].rate();
            if (u < cumulative) return faults[i];
        }
        return null;
    }

    public List<FaultSpec> faults() {
        return List.of(faults);
    }
}
