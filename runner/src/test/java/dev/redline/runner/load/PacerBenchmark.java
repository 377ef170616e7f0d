package dev.redline.runner.load;

import dev.redline.api.v1alpha1.LoadType;
import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;

import java.util.concurrent.CountDownLatch;

/**
 * Rate-fidelity benchmark (not a test; run by hand, see docs/load.md): paces constant-rate arrivals for
 * a few seconds with the dedicated pacer thread and, for comparison, with chained Vert.x event-loop
 * timers (millisecond resolution), and prints achieved rate and dispatch lateness.
 *
 * <pre>java -cp runner/target/classes:runner/target/test-classes:$(cat cp.txt) dev.redline.runner.load.PacerBenchmark [seconds]</pre>
 */
public final class PacerBenchmark {
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        System.out.printf("%-14s %10s %12s %10s %10s %10s %9s%n", "pacer", "target/s", "achieved/s", "p50 us", "p99 us", "max us", "reanchor");
        for (double rate : new double[]{100, 1_000, 5_000, 20_000, 50_000}) {
            pacer(rate, seconds);
            timers(rate, seconds);
        }
    }

    private static void pacer(double rate, double seconds) {
        Histogram lag = new Histogram(3_600_000_000_000L, 3);
        long[] count = {0, 0, 0};
        RateSchedule s = new RateSchedule(rate, 0, new IntervalSampler(LoadType.CONSTANT, 1, 1));
        Pacer p = new Pacer(Clock.SYSTEM, s, OpenLoopPhase.MAX_CATCH_UP_NS, (long) (seconds * 1e9), intended -> {
            long now = System.nanoTime();
            lag.recordValue(Math.max(0, now - intended));
            if (count[0] == 0) count[1] = now;
            count[2] = now;
            count[0]++;
            return true;
        });
        p.runFrom(System.nanoTime());
        print("thread+spin", rate, count, lag, p.reanchors());
    }

    /** Baseline: each arrival schedules the next with a millisecond event-loop timer against the absolute target. */
    private static void timers(double rate, double seconds) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        Histogram lag = new Histogram(3_600_000_000_000L, 3);
        long[] count = {0, 0, 0};
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        double gap = 1e9 / rate;
        CountDownLatch done = new CountDownLatch(1);
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            long now = System.nanoTime();
            long n = count[0];
            long due = start + (long) (n * gap);
            while (due <= now && due < end) { // fire everything due (timers cannot wake more often than 1 ms)
                lag.recordValue(now - due);
                if (count[0] == 0) count[1] = now;
                count[2] = now;
                n = ++count[0];
                due = start + (long) (n * gap);
            }
            if (due >= end) {
                done.countDown();
                return;
            }
            vertx.setTimer(Math.max(1, (due - System.nanoTime()) / 1_000_000), id -> tick[0].run());
        };
        vertx.runOnContext(v -> tick[0].run());
        done.await();
        vertx.close().await();
        print("vertx timers", rate, count, lag, 0);
    }

    private static void print(String name, double rate, long[] count, Histogram lag, long reanchors) {
        double achieved = count[0] < 2 ? 0 : (count[0] - 1) * 1e9 / (count[2] - count[1]);
        System.out.printf("%-14s %10.0f %12.1f %10.1f %10.1f %10.1f %9d%n", name, rate, achieved,
                lag.getValueAtPercentile(50) / 1e3, lag.getValueAtPercentile(99) / 1e3, lag.getMaxValue() / 1e3, reanchors);
    }
}
