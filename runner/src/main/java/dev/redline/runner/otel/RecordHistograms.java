package dev.redline.runner.otel;

import dev.redline.runner.metrics.MetricUnit;
import dev.redline.runner.metrics.RecordMetricsView;
import dev.redline.runner.metrics.RecordOutcome;
import dev.redline.runner.record.ErrorInfo;
import dev.redline.runner.record.RequestRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;

import java.util.HashMap;
import java.util.Map;

/**
 * AIPerf's "metrics" stream: every value of a record's metrics (those its per-record export writes) recorded into a
 * histogram, under the GenAI convention's name and unit where one exists (seconds, tokens), else as
 * {@code aiperf.<tag>} in the base unit (ns for times). Runs on the record thread; instruments and attribute
 * sets are built once and reused, so a record allocates nothing but the SDK's own bookkeeping.
 */
final class RecordHistograms {
    private static final AttributeKey<String> WORKER = AttributeKey.stringKey("aiperf.worker.id");
    private static final AttributeKey<String> PROCESSOR = AttributeKey.stringKey("aiperf.record_processor.id");
    private static final AttributeKey<String> PHASE = AttributeKey.stringKey("aiperf.benchmark_phase");
    private static final AttributeKey<Boolean> CANCELLED = AttributeKey.booleanKey("aiperf.was_cancelled");
    private static final AttributeKey<Boolean> HAS_ERROR = AttributeKey.booleanKey("aiperf.has_error");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");

    private final Meter meter;
    private final RecordMetricsView view;
    /** gen_ai.operation.name, gen_ai.provider.name, gen_ai.request.model. */
    private final Attributes genAi;
    private final Map<String, DoubleHistogram> histograms = new HashMap<>();
    private final Map<String, GenAiConventions.SpecMetric> specs = new HashMap<>();
    /** Attribute sets by (worker, phase, cancelled, error type) and kind (aiperf / duration / token). */
    private final Map<Long, Attributes[]> attributes = new HashMap<>();
    private final Visitor visitor = new Visitor();

    RecordHistograms(Meter meter, RecordMetricsView view, Attributes genAi) {
        this.meter = meter;
        this.view = view;
        this.genAi = genAi;
    }

    void record(RequestRecord r) {
        ErrorInfo error = RecordOutcome.errorOf(r);
        visitor.attrs = attributesOf(r, error);
        try {
            view.visit(r, visitor);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the visitor does no I/O
        }
    }

    private Attributes[] attributesOf(RequestRecord r, ErrorInfo error) {
        int errorType = GenAiConventions.errorTypeIndex(error);
        boolean warmup = r.phase() == RequestRecord.Phase.WARMUP;
        long key = ((long) r.workerId() << 8) | (warmup ? 1 << 4 : 0) | (r.cancelled() ? 1 << 3 : 0) | errorType;
        Attributes[] sets = attributes.get(key);
        if (sets != null) return sets;
        Attributes aiperf = Attributes.builder()
                .put(WORKER, String.valueOf(r.workerId()))
                .put(PROCESSOR, "0")
                .put(PHASE, warmup ? "warmup" : "profiling")
                .put(CANCELLED, r.cancelled())
                .put(HAS_ERROR, error != null)
                .build();
        var duration = aiperf.toBuilder().putAll(genAi);
        if (errorType > 0) duration.put(ERROR_TYPE, GenAiConventions.ERROR_TYPES[errorType]);
        sets = new Attributes[] {aiperf, duration.build(), aiperf.toBuilder().putAll(genAi).put(TOKEN_TYPE, "output").build()};
        attributes.put(key, sets);
        return sets;
    }

    private DoubleHistogram histogram(String tag, MetricUnit unit) {
        DoubleHistogram h = histograms.get(tag);
        if (h != null) return h;
        GenAiConventions.SpecMetric spec = GenAiConventions.forTag(tag);
        if (spec != null) {
            specs.put(tag, spec);
            h = meter.histogramBuilder(spec.name()).setUnit(spec.unit())
                    .setDescription("GenAI semconv metric: " + spec.name())
                    .setExplicitBucketBoundariesAdvice(spec.buckets()).build();
        } else {
            h = meter.histogramBuilder(GenAiConventions.PREFIX + tag).setUnit(unit.baseLabel())
                    .setDescription("AIPerf streaming metric: " + tag).build();
        }
        histograms.put(tag, h);
        return h;
    }

    private final class Visitor implements RecordMetricsView.Visitor {
        Attributes[] attrs;

        @Override
        public void scalar(String tag, double value, MetricUnit unit) {
            DoubleHistogram h = histogram(tag, unit);
            GenAiConventions.SpecMetric spec = specs.get(tag);
            if (spec == null) {
                h.record(unit.toBase(value), attrs[0]);
            } else if (spec.seconds()) {
                h.record(unit.toBase(value) / 1e9, attrs[1]);
            } else {
                h.record(unit.toBase(value), attrs[2]);
            }
        }

        @Override
        public void list(String tag, double[] values, MetricUnit unit) {
            for (double v : values) scalar(tag, v, unit);
        }
    }
}
