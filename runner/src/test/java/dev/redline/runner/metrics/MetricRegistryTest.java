package dev.redline.runner.metrics;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class MetricRegistryTest {
    @Test
    void tagsAreUniqueAndCoverAiperfCatalogue() {
        List<String> tags = MetricRegistry.all().stream().map(MetricDef::tag).toList();
        assertEquals(tags.size(), new HashSet<>(tags).size(), "duplicate tag");
        for (String tag : List.of("time_to_first_token", "time_to_second_token", "time_to_first_output_token",
                "request_latency", "inter_token_latency", "inter_chunk_latency", "output_token_throughput_per_user",
                "prefill_throughput_per_user", "e2e_output_token_throughput", "decode_duration",
                "input_sequence_length", "output_sequence_length", "output_token_count", "reasoning_token_count",
                "effective_latency", "output_token_throughput", "total_token_throughput", "request_throughput",
                "goodput", "good_request_count", "request_count", "error_request_count", "request_error_rate",
                "benchmark_duration", "total_isl", "total_osl", "total_output_tokens", "total_reasoning_tokens",
                "error_isl", "total_error_isl", "usage_prompt_tokens", "usage_completion_tokens", "usage_total_tokens",
                "usage_reasoning_tokens", "usage_prompt_tokens_diff_pct", "usage_completion_tokens_diff_pct",
                "usage_discrepancy_count", "osl_mismatch_diff_pct", "osl_mismatch_count")) {
            assertTrue(MetricRegistry.find(tag).isPresent(), tag);
        }
    }

    @Test
    void recordMetricsAreRecordTypeAndScalarsAreNot() {
        MetricRegistry.recordMetrics().forEach(m -> assertEquals(MetricType.RECORD, m.def().type(), m.tag()));
        MetricRegistry.scalarMetrics().forEach(m -> assertNotEquals(MetricType.RECORD, m.def().type(), m.tag()));
    }

    @Test
    void consoleOrderMatchesAiperf() {
        Set<String> ordered = new HashSet<>();
        MetricRegistry.all().stream().filter(d -> d.displayOrder() < MetricDef.UNORDERED).forEach(d -> ordered.add(d.tag()));
        assertEquals(300, MetricRegistry.find("request_latency").orElseThrow().displayOrder());
        assertEquals(1100, MetricRegistry.find("request_count").orElseThrow().displayOrder());
        assertEquals(Set.of("time_to_first_token", "time_to_second_token", "time_to_first_output_token",
                "request_latency", "decode_duration", "inter_token_latency", "output_token_throughput_per_user",
                "e2e_output_token_throughput", "output_sequence_length", "input_sequence_length",
                "output_token_throughput", "request_throughput", "goodput", "request_error_rate", "request_count",
                "effective_latency", "send_lag", "client_added_latency", "client_added_ttft", "image_throughput",
                "image_latency", "rtfx", "audio_duration", "video_inference_time", "video_peak_memory",
                "network_adjusted_time_to_first_token", "network_adjusted_time_to_first_output_token",
                "network_adjusted_request_latency", "network_rtt",
                // AIPerf's spec-decode group (5000..5160), after every other metric
                "spec_decode_acceptance_length", "spec_decode_token_weighted_acceptance_length",
                "spec_decode_draft_acceptance_rate", "spec_decode_overall_draft_acceptance_rate",
                "spec_decode_accepted_per_verified", "spec_decode_steps", "spec_decode_accepted_draft_tokens",
                "spec_decode_draft_tokens", "total_spec_decode_steps", "total_accepted_draft_tokens", "total_draft_tokens"), ordered);
        assertEquals(5010, MetricRegistry.find("spec_decode_token_weighted_acceptance_length").orElseThrow().displayOrder());
        assertEquals(5160, MetricRegistry.find("total_draft_tokens").orElseThrow().displayOrder());
        assertEquals(101, MetricRegistry.find("network_adjusted_time_to_first_token").orElseThrow().displayOrder());
        assertEquals(211, MetricRegistry.find("network_adjusted_time_to_first_output_token").orElseThrow().displayOrder());
        assertEquals(301, MetricRegistry.find("network_adjusted_request_latency").orElseThrow().displayOrder());
        assertEquals(305, MetricRegistry.find("network_rtt").orElseThrow().displayOrder());
        assertEquals(860, MetricRegistry.find("image_throughput").orElseThrow().displayOrder());
        assertEquals(861, MetricRegistry.find("image_latency").orElseThrow().displayOrder());
        assertEquals(850, MetricRegistry.find("rtfx").orElseThrow().displayOrder());
        assertEquals(870, MetricRegistry.find("audio_duration").orElseThrow().displayOrder());
        assertEquals(310, MetricRegistry.find("video_inference_time").orElseThrow().displayOrder());
        assertEquals(311, MetricRegistry.find("video_peak_memory").orElseThrow().displayOrder());
    }
}
