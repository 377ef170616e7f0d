package dev.redline.runner.export;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.Runs;
import dev.redline.runner.metrics.TestRecord;

/** A small streaming chat run with one failure, fed through the real accumulator. */
final class Fixtures {
    private Fixtures() {}

    static BenchmarkResults chatRun() { return chatRun(Runs.CHAT_STREAMING); }

    static BenchmarkResults chatRun(MetricsContext ctx) {
        return Runs.results(ctx,
                TestRecord.startAt(1000).chunks(1020, 1030, 1060).tokens(100, 4, 0).build(),
                TestRecord.startAt(1500).chunks(1540, 1560, 3500).tokens(2000, 1500, 0).build(),
                TestRecord.startAt(1800).fail(500, "Internal Server Error", "upstream, \"exploded\"").tokens(50, -1, -1).build());
    }
}
