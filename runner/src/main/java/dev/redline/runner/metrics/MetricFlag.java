package dev.redline.runner.metrics;

/** Properties of a metric that decide when it exists and where it is shown (AIPerf's MetricFlags). */
public enum MetricFlag {
    /** Needs a streamed response (TTFT, ITL, ...); disabled for non-streaming runs. */
    STREAMING_ONLY,
    /** Needs output tokens; disabled for endpoints that produce none (embeddings). */
    PRODUCES_TOKENS_ONLY,
    /**
     * Counts images: only for endpoint types that take images (AIPerf's SUPPORTS_IMAGE_ONLY) or produce them
     * (image_generation, image_edit, where Redline counts the generated images).
     */
    IMAGES_ONLY,
    /** Computed from error records only; absent on clean runs, never in the console table. */
    ERROR_ONLY,
    /** Higher is better: goodput SLOs compare with {@code >=}. */
    LARGER_IS_BETTER,
    /** Exported but not shown in the console table. */
    HIDDEN,
    /** Run bookkeeping (timestamps): not in the console table and not in the CSV. */
    INTERNAL,
    /** Not written per record in the JSONL export. */
    NO_INDIVIDUAL_RECORDS,
    /** Only when goodput SLOs are configured. */
    GOODPUT_ONLY,
    /** An HTTP trace phase (http_req_*): shown in the console only with {@code --show-trace-timing}. */
    HTTP_TRACE,
    /** Compares server usage with client token counts; off when the server counts are the metric source. */
    USAGE_DIFF_ONLY,
    /** Needs request audio; only for endpoint types that take audio (AIPerf's SUPPORTS_AUDIO_ONLY). */
    SUPPORTS_AUDIO_ONLY,
    /** Speculative-decoding acceptance: shown in its own console section (AIPerf's Spec Decode group), not the main table. */
    SPEC_DECODE,
    /** Read from a video generation job; only for endpoint types that produce videos (AIPerf's PRODUCES_VIDEO_ONLY). */
    PRODUCES_VIDEO_ONLY
}
