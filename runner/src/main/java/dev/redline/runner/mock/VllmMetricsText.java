package dev.redline.runner.mock;

import dev.redline.runner.mock.fault.FaultKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@link MockMetrics} as Prometheus text exposition (0.0.4) with vLLM's metric names, so a
 * scraper written for vLLM reads the mock unchanged. Hand-written on purpose: it fakes one server's format.
 */
final class VllmMetricsText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private VllmMetricsText() {}

    static String render(MockMetrics metrics) {
        List<MockMetrics.ModelStats> models = new ArrayList<>(metrics.models());
        models.sort(Comparator.comparing(m -> m.model));
        StringBuilder out = new StringBuilder(4096);
        boolean sim = metrics.isSimulated();
        gauge(out, "vllm:num_requests_running", "Number of requests in model execution batches.", models,
                m -> sim ? m.engineRunning.get() : m.running.get());
        gauge(out, "vllm:num_requests_waiting", "Number of requests waiting to be processed.", models,
                m -> sim ? m.engineWaiting.get() : 0);
        counter(out, "vllm:prompt_tokens_total", "Number of prefill tokens processed.", models, m -> m.promptTokens.sum());
        counter(out, "vllm:generation_tokens_total", "Number of generation tokens processed.", models, m -> m.generationTokens.sum());
        counter(out, "vllm:request_success_total", "Count of successfully processed requests.", models, m -> m.success.sum());
        histogram(out, "vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", models, m -> m.ttft);
        histogram(out, "vllm:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.", models, m -> m.itl);
        histogram(out, "vllm:e2e_request_latency_seconds", "Histogram of e2e request latency in seconds.", models, m -> m.e2e);
        faults(out, metrics);
        if (sim) engineSeries(out, models, metrics.kvCacheUsage());
        if (metrics.specDecode()) specDecodeSeries(out, models);
        return out.toString();
    }

    /** The series only a batching engine has (--engine sim): KV cache, prefix cache, preemptions, queue time. */
    private static void engineSeries(StringBuilder out, List<MockMetrics.ModelStats> models, double kvUsage) {
        header(out, "vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", "gauge");
        for (MockMetrics.ModelStats m : models) {
            out.append("vllm:kv_cache_usage_perc").append(label(m)).append(' ')
                    .append(String.format(Locale.ROOT, "%.6f", kvUsage)).append('\n');
        }
        counter(out, "vllm:prefix_cache_queries_total", "Prefix cache queries, in terms of number of queried tokens.",
                models, m -> m.prefixQueries.sum());
        counter(out, "vllm:prefix_cache_hits_total", "Prefix cache hits, in terms of number of cached tokens.",
                models, m -> m.prefixHits.sum());
        counter(out, "vllm:num_preemptions_total", "Cumulative number of preemption from the engine.", models,
                m -> m.preemptions.sum());
        histogram(out, "vllm:request_queue_time_seconds", "Histogram of time spent in WAITING phase for request.",
                models, m -> m.queueTime);
    }

    /** vLLM's spec-decode counters, with --spec-decode-draft-tokens: what the per-request objects sent, summed. */
    private static void specDecodeSeries(StringBuilder out, List<MockMetrics.ModelStats> models) {
        counter(out, "vllm:spec_decode_num_drafts_total", "Number of spec decoding drafts.", models, m -> m.specDrafts.sum());
        counter(out, "vllm:spec_decode_num_draft_tokens_total", "Number of draft tokens.", models, m -> m.specDraftTokens.sum());
        counter(out, "vllm:spec_decode_num_accepted_tokens_total", "Number of accepted tokens.", models,
                m -> m.specAcceptedTokens.sum());
    }

    private interface Value {
        long of(MockMetrics.ModelStats m);
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, List<MockMetrics.ModelStats> models, Value v) {
        header(out, name, help, "gauge");
        for (MockMetrics.ModelStats m : models) {
            out.append(name).append(label(m)).append(' ').append(v.of(m)).append(".0\n");
        }
    }

    private static void counter(StringBuilder out, String name, String help, List<MockMetrics.ModelStats> models, Value v) {
        // TYPE names the family without _total, as prometheus_client writes it.
        header(out, name.substring(0, name.length() - "_total".length()), help, "counter");
        for (MockMetrics.ModelStats m : models) {
            out.append(name).append(label(m)).append(' ').append(v.of(m)).append(".0\n");
        }
    }

    private static void histogram(StringBuilder out, String name, String help, List<MockMetrics.ModelStats> models,
                                  java.util.function.Function<MockMetrics.ModelStats, MockMetrics.Histogram> which) {
        header(out, name, help, "histogram");
        for (MockMetrics.ModelStats m : models) {
            MockMetrics.Histogram h = which.apply(m);
            String model = escape(m.model);
            long cumulative = 0;
            for (int i = 0; i <= h.bounds.length; i++) {
                cumulative += h.counts[i].sum();
                String le = i < h.bounds.length ? Double.toString(h.bounds[i]) : "+Inf";
                out.append(name).append("_bucket{le=\"").append(le).append("\",model_name=\"").append(model)
                        .append("\"} ").append(cumulative).append(".0\n");
            }
            out.append(name).append("_count").append(label(m)).append(' ').append(h.count.sum()).append(".0\n");
            out.append(name).append("_sum").append(label(m)).append(' ')
                    .append(String.format(Locale.ROOT, "%.9f", h.sum.sum())).append('\n');
        }
    }

    /** Not a vLLM series: what the mock injected per fault kind, so a test can compare the client's counts. */
    private static void faults(StringBuilder out, MockMetrics metrics) {
        String name = "redline_mock_faults_injected_total";
        header(out, "redline_mock_faults_injected", "Responses that carried an injected fault, by kind.", "counter");
        for (FaultKind kind : FaultKind.values()) {
            out.append(name).append("{kind=\"").append(kind.wireName()).append("\"} ")
                    .append(metrics.faultsInjected(kind)).append(".0\n");
        }
    }

    private static String label(MockMetrics.ModelStats m) {
        return "{model_name=\"" + escape(m.model) + "\"}";
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
