package dev.redline.runner.calibrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.Histogram;

import java.util.List;

/**
 * What {@code redline calibrate} found: this machine's client ceiling. Written as {@code calibration.json}
 * (snake_case fields, durations in ms, rates per second, memory in bytes; null where not measured).
 */
public record CalibrationReport(String redlineVersion, Machine machine, String mock, boolean quick,
                                Ceiling nonStreaming, Ceiling streaming, ClientLatency clientAddedLatency,
                                SendLag sendLag, Streams maxConcurrentStreams, Runner runner) {

    public record Machine(int cores, String jvm, List<String> jvmArgs, long maxHeapBytes, String os) { }

    public record CeilingStep(int concurrency, long requests, long errors, double seconds, double requestsPerSec,
                              Double cpuUsPerRequest) { }

    /** The highest completed requests/s over the concurrency levels tried. */
    public record Ceiling(double maxRequestsPerSec, int atConcurrency, List<CeilingStep> steps) { }

    /** Milliseconds. */
    public record Percentiles(double p50, double p90, double p99, double max) {
        static Percentiles ofNs(Histogram h, double minusMs) {
            if (h.getTotalCount() == 0) return null;
            return new Percentiles(ms(h.getValueAtPercentile(50), minusMs), ms(h.getValueAtPercentile(90), minusMs),
                    ms(h.getValueAtPercentile(99), minusMs), ms(h.getMaxValue(), minusMs));
        }

        /** ns to ms minus an offset, rounded to the microsecond. */
        private static double ms(long ns, double minusMs) {
            return Math.round(ns / 1e3 - minusMs * 1e3) / 1e3;
        }
    }

    /**
     * Measured minus configured TTFT and inter-token latency, at a given number of concurrent streams; and the
     * same measured at the source (the mock's own send stamps, so the mock's lateness is not in it): per chunk
     * receive minus send, and TTFT less the time the mock held the request.
     */
    public record ClientLatency(double mockTtftMs, double mockItlMs, int concurrency, long requests, long errors,
                                Percentiles ttftAddedMs, Percentiles itlAddedMs,
                                Percentiles chunkAddedStampedMs, Percentiles ttftAddedStampedMs) { }

    /**
     * Open-model pacing: achieved vs requested rate, achieved vs the realised schedule's rate (a Poisson
     * schedule's own rate varies by about 1/sqrt(n) around the requested mean), and the lag of each send
     * behind its schedule.
     */
    public record SendLag(String arrivalPattern, double requestedRate, Double achievedRate, Double achievedRatio,
                          Double scheduleRate, Double achievedVsSchedule, long requests, long errors, Percentiles lagMs) { }

    public record StreamStep(int streams, long requests, long errors, Double itlAddedP50Ms, Double itlAddedP99Ms,
                             Double ttftAddedP50Ms, Percentiles chunkAddedStampedMs, boolean sustained) { }

    /** The most concurrent SSE streams sustained (0 when even the first level failed). */
    public record Streams(int sustained, String criterion, List<StreamStep> steps) { }

    /** This JVM over the whole calibration (includes the mocks when they run in-process). */
    public record Runner(double wallSeconds, double cpuSeconds, long heapPeakBytes, long heapLiveBytes,
                         long heapMaxBytes) { }

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write calibration report: " + e.getOriginalMessage(), e);
        }
    }

    /** The report as a console table. */
    public String toConsole() {
        return ConsoleSummary.render(this);
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
