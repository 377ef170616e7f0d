package dev.redline.runner.metrics;

import dev.redline.runner.metrics.types.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every metric Redline computes, in registry order (ties in display order keep this order). */
public final class MetricRegistry {
    private static final List<RecordMetric> RECORD = List.of(
            new TimeToFirstTokenMetric(), new TimeToSecondTokenMetric(), new TimeToFirstOutputTokenMetric(),
            new RequestLatencyMetric(), new InterTokenLatencyMetric(), new InterChunkLatencyMetric(),
            new OutputTokenThroughputPerUserMetric(), new PrefillThroughputPerUserMetric(),
            new E2eOutputTokenThroughputMetric(), new DecodeDurationMetric(), new OutputSequenceLengthMetric(),
            new InputSequenceLengthMetric(), new OutputTokenCountMetric(), new ReasoningTokenCountMetric(),
            new EffectiveLatencyMetric(), new SendLagMetric(), new ClientAddedLatencyMetric(), new ClientAddedTtftMetric(),
            new ErrorIslMetric(), new UsagePromptTokensMetric(),
            new UsageCompletionTokensMetric(), new UsageTotalTokensMetric(), new UsageReasoningTokensMetric(),
            new UsagePromptTokensDiffMetric(), new UsageCompletionTokensDiffMetric(),
            new UsageReasoningTokensDiffMetric(), new OslMismatchDiffPctMetric(),
            new HttpReqConnectionReusedMetric(), new HttpReqBlockedMetric(), new HttpReqConnectingMetric(),
            new HttpReqSendingMetric(), new HttpReqWaitingMetric(), new HttpReqReceivingMetric(),
            new HttpReqDurationMetric(), new NumImagesMetric(), new ImageThroughputMetric(), new ImageLatencyMetric(),
            new AudioDurationMetric(), new RtfxMetric(), new VideoInferenceTimeMetric(), new VideoPeakMemoryMetric(),
            new SpecDecodeAcceptanceLengthMetric(), new SpecDecodeDraftAcceptanceRateMetric(),
            new SpecDecodeAcceptedPerVerifiedMetric(), new SpecDecodeStepsMetric(),
            new SpecDecodeAcceptedDraftTokensMetric(), new SpecDecodeDraftTokensMetric());

    private static final List<ScalarMetric> SCALAR = List.of(
            new OutputTokenThroughputMetric(), new RequestThroughputMetric(), new GoodputMetric(),
            new RequestErrorRateMetric(), new RateLimitedRequestCountMetric(), new RequestCountMetric(), new ErrorRequestCountMetric(),
            new GoodRequestCountMetric(), new TotalTokenThroughputMetric(), new BenchmarkDurationMetric(),
            new TotalIslMetric(), new TotalOslMetric(), new TotalOutputTokensMetric(),
            new TotalReasoningTokensMetric(), new TotalErrorIslMetric(), new UsageDiscrepancyCountMetric(),
            new OslMismatchCountMetric(), new MinRequestTimestampMetric(), new MaxResponseTimestampMetric(),
            new TotalSpecDecodeStepsMetric(), new TotalAcceptedDraftTokensMetric(), new TotalDraftTokensMetric(),
            new SpecDecodeTokenWeightedAcceptanceLengthMetric(), new SpecDecodeOverallDraftAcceptanceRateMetric());

    private MetricRegistry() {}

    public static List<RecordMetric> recordMetrics() { return RECORD; }

    public static List<ScalarMetric> scalarMetrics() { return SCALAR; }

    /** All metric definitions, record metrics first, then scalars, then the network-latency calibration's. */
    public static List<MetricDef> all() {
        List<MetricDef> defs = new ArrayList<>();
        RECORD.forEach(m -> defs.add(m.def()));
        SCALAR.forEach(m -> defs.add(m.def()));
        defs.addAll(NetworkAdjustment.defs());
        return defs;
    }

    public static Optional<MetricDef> find(String tag) {
        return all().stream().filter(d -> d.tag().equals(tag)).findFirst();
    }

    public static Optional<RecordMetric> findRecordMetric(String tag) {
        return RECORD.stream().filter(m -> m.tag().equals(tag)).findFirst();
    }
}
