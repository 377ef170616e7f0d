package dev.redline.plan.search;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric tags and statistics a search may name: the tags of a Redline profile export (AIPerf's), the
 * ones that exist only for streamed responses, and {@code good_request_fraction}, which a search derives
 * from the export (good / (valid + errors), AIPerf's max-goodput recipe constraint). The runner's metric
 * registry is checked against this list by a test, so the CLI and the operator accept the same tags.
 */
public final class SearchMetrics {
    public static final String GOOD_REQUEST_FRACTION = "good_request_fraction";

    public static final Set<String> STREAMING_ONLY = Set.of("time_to_first_token", "time_to_second_token",
            "time_to_first_output_token", "inter_token_latency", "inter_chunk_latency", "output_token_throughput_per_user",
            "prefill_throughput_per_user", "decode_duration", "network_adjusted_time_to_first_token",
            "network_adjusted_time_to_first_output_token");

    /** Every tag of the profile export (runner MetricRegistry), plus the derived fraction. */
    public static final Set<String> TAGS = Set.of("time_to_first_token", "time_to_second_token",
            "time_to_first_output_token", "request_latency", "inter_token_latency", "inter_chunk_latency",
            "output_token_throughput_per_user", "prefill_throughput_per_user", "e2e_output_token_throughput",
            "decode_duration", "output_sequence_length", "input_sequence_length", "output_token_count",
            "reasoning_token_count", "effective_latency", "send_lag", "error_isl", "usage_prompt_tokens",
            "usage_completion_tokens", "usage_total_tokens", "usage_reasoning_tokens", "usage_prompt_tokens_diff_pct",
            "usage_completion_tokens_diff_pct", "usage_reasoning_tokens_diff_pct", "osl_mismatch_diff_pct",
            "http_req_connection_reused", "http_req_blocked", "http_req_connecting", "http_req_sending",
            "http_req_waiting", "http_req_receiving", "http_req_duration",
            "output_token_throughput", "request_throughput", "goodput", "request_error_rate", "request_count",
            "error_request_count", "rate_limited_request_count", "good_request_count", "total_token_throughput", "benchmark_duration", "total_isl",
            "total_osl", "total_output_tokens", "total_reasoning_tokens", "total_error_isl", "usage_discrepancy_count",
            "osl_mismatch_count", "min_request_timestamp", "max_response_timestamp", "image_latency", "image_throughput", "num_images",
            "rtfx", "audio_duration", "video_inference_time", "video_peak_memory", "client_added_latency", "client_added_ttft",
            "network_rtt", "network_adjusted_request_latency", "network_adjusted_time_to_first_token",
            "network_adjusted_time_to_first_output_token",
            // speculative decoding (vLLM's per-request object): a search may maximise acceptance under a latency SLA
            "spec_decode_acceptance_length", "spec_decode_draft_acceptance_rate", "spec_decode_accepted_per_verified",
            "spec_decode_steps", "spec_decode_accepted_draft_tokens", "spec_decode_draft_tokens", "total_spec_decode_steps",
            "total_accepted_draft_tokens", "total_draft_tokens", "spec_decode_token_weighted_acceptance_length",
            "spec_decode_overall_draft_acceptance_rate", GOOD_REQUEST_FRACTION);

    /** Statistics an objective may use (AIPerf's Objective.stat). */
    public static final List<String> OBJECTIVE_STATS = List.of("avg", "p50", "p90", "p95", "p99");

    /** Statistics an SLA filter may use (AIPerf's SLAFilter.stat). */
    public static final List<String> SLA_STATS = List.of("avg", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95",
            "p99", "min", "max");

    private SearchMetrics() { }

    public static boolean known(String tag) { return TAGS.contains(tag); }

    public static boolean streamingOnly(String tag) { return STREAMING_ONLY.contains(tag); }

    public static Set<String> sortedTags() { return new TreeSet<>(TAGS); }
}
