package dev.redline.runner.telemetry.server;

import java.util.List;

/**
 * Which server metric feeds which headline number, per engine: the first candidate the endpoint
 * exposes wins. Names follow scrape-targets.md (vLLM old and new, SGLang, TensorRT-LLM in both
 * prefixes, Dynamo frontend/component, TGI). Counter names are matched with and without _total.
 */
final class KeyMetricCatalog {
    enum Kind { HISTOGRAM_MS, GAUGE_SUM, GAUGE_MEAN_PERCENT, COUNTER_TOTAL, RATIO_PERCENT }

    /** A headline metric: how to compute it and where to look. For RATIO, candidates come in pairs. */
    record Definition(String key, String title, String unit, Kind kind, List<String> candidates) { }

    static final List<Definition> DEFINITIONS = List.of(
            new Definition("server_time_to_first_token", "Server TTFT", "ms", Kind.HISTOGRAM_MS, List.of(
                    "vllm:time_to_first_token_seconds", "sglang:time_to_first_token_seconds",
                    "trtllm_time_to_first_token_seconds", "trtllm:time_to_first_token_seconds",
                    "dynamo_frontend_time_to_first_token_seconds")),
            new Definition("server_queue_time", "Server queue time", "ms", Kind.HISTOGRAM_MS, List.of(
                    "vllm:request_queue_time_seconds", "sglang:queue_time_seconds",
                    "trtllm_request_queue_time_seconds", "trtllm:request_queue_time_seconds",
                    "tgi_request_queue_duration")),
            new Definition("server_inter_token_latency", "Server ITL", "ms", Kind.HISTOGRAM_MS, List.of(
                    "vllm:inter_token_latency_seconds", "vllm:time_per_output_token_seconds",
                    "sglang:inter_token_latency_seconds", "sglang:time_per_output_token_seconds",
                    "trtllm_time_per_output_token_seconds", "trtllm:time_per_output_token_seconds",
                    "dynamo_frontend_inter_token_latency_seconds", "tgi_request_mean_time_per_token_duration")),
            new Definition("server_request_latency", "Server e2e latency", "ms", Kind.HISTOGRAM_MS, List.of(
                    "vllm:e2e_request_latency_seconds", "sglang:e2e_request_latency_seconds",
                    "trtllm_e2e_request_latency_seconds", "trtllm:e2e_request_latency_seconds",
                    "dynamo_frontend_request_duration_seconds", "tgi_request_duration")),
            new Definition("kv_cache_usage", "KV-cache usage", "%", Kind.GAUGE_MEAN_PERCENT, List.of(
                    "vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc", "sglang:token_usage",
                    "trtllm_kv_cache_utilization", "trtllm:kv_cache_utilization",
                    "dynamo_component_kvstats_gpu_cache_usage_percent")),
            new Definition("requests_running", "Requests running", "requests", Kind.GAUGE_SUM, List.of(
                    "vllm:num_requests_running", "sglang:num_running_reqs", "trtllm_num_requests_running",
                    "trtllm:num_requests_running", "dynamo_frontend_inflight_requests", "tgi_batch_current_size")),
            new Definition("requests_waiting", "Requests waiting", "requests", Kind.GAUGE_SUM, List.of(
                    "vllm:num_requests_waiting", "sglang:num_queue_reqs", "trtllm_num_requests_waiting",
                    "trtllm:num_requests_waiting", "dynamo_frontend_queued_requests", "tgi_queue_size")),
            new Definition("prefix_cache_hit_rate", "Prefix-cache hit rate", "%", Kind.RATIO_PERCENT, List.of(
                    "vllm:prefix_cache_hits", "vllm:prefix_cache_queries",
                    "vllm:gpu_prefix_cache_hits", "vllm:gpu_prefix_cache_queries")),
            new Definition("prefix_cache_hit_rate", "Prefix-cache hit rate", "%", Kind.GAUGE_MEAN_PERCENT, List.of(
                    "sglang:cache_hit_rate", "trtllm_kv_cache_hit_rate", "trtllm:kv_cache_hit_rate",
                    "dynamo_component_kvstats_gpu_prefix_cache_hit_rate")),
            new Definition("prompt_tokens", "Prompt tokens", "tokens", Kind.COUNTER_TOTAL, List.of(
                    "vllm:prompt_tokens", "sglang:prompt_tokens", "trtllm_prompt_tokens", "trtllm:prompt_tokens",
                    "dynamo_frontend_input_sequence_tokens", "tgi_request_input_length")),
            new Definition("generation_tokens", "Generation tokens", "tokens", Kind.COUNTER_TOTAL, List.of(
                    "vllm:generation_tokens", "sglang:generation_tokens", "trtllm_generation_tokens",
                    "trtllm:generation_tokens", "dynamo_frontend_output_tokens", "dynamo_frontend_output_sequence_tokens",
                    "tgi_request_generated_tokens")),
            new Definition("requests_completed", "Requests completed", "requests", Kind.COUNTER_TOTAL, List.of(
                    "vllm:request_success", "sglang:num_requests", "trtllm_request_success",
                    "trtllm:request_success", "dynamo_frontend_requests", "tgi_request_success"))
    );

    private KeyMetricCatalog() { }
}
