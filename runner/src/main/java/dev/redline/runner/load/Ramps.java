package dev.redline.runner.load;

import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Step ramps (AIPerf): a limit starts at 1 and grows by one at evenly spaced instants, reaching the
 * target exactly at the ramp's end. Timers are armed for each step; cancel them when the phase ends.
 */
final class Ramps {
    private Ramps() { }

    /** The instant (ns from phase start) at which the limit becomes {@code k + 1}, for k = 1..target-1. */
    static long stepAtNs(int k, int target, long rampNs) {
        return rampNs * k / (target - 1);
    }

    static List<Long> schedule(Vertx vertx, int target, long rampNs, IntConsumer setLimit) {
        List<Long> ids = new ArrayList<>();
        if (rampNs <= 0 || target <= 1) return ids;
        for (int k = 1; k < target; k++) {
            int limit = k + 1;
            long at = stepAtNs(k, target, rampNs);
            ids.add(vertx.setTimer(Math.max(1, at / 1_000_000), id -> setLimit.accept(limit)));
        }
        return ids;
    }
}
