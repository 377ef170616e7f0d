package dev.redline.runner.export;

import java.time.Instant;

/** Run-level facts the summary export carries next to the metrics. */
public record RunInfo(String redlineVersion, String benchmarkId, Instant startTime, Instant endTime,
                      boolean wasCancelled) {
}
