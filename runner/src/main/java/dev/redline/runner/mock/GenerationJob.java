package dev.redline.runner.mock;

/** One text-generation request being served: its sizes, words and metric bookkeeping. */
final class GenerationJob {
    final long request;
    final long receivedNanos;
    final int promptTokens;
    final int outputTokens;
    final int reasoningTokens;
    final boolean includeUsage;
    final String finishReason;
    /** The prompt's text (the simulated engine hashes its token blocks for the prefix cache). */
    final String promptText;
    final String modelName;
    /** The client asked for send stamps ({@link dev.redline.runner.client.SourceStamp}). */
    final boolean stamps;
    long firstTokenNanos;
    private final SpecDecodeSim specDecode;
    private final long wordOffset;
    private final MockMetrics metrics;
    private final MockMetrics.ModelStats model;

    GenerationJob(MockContext ctx, long request, long receivedNanos, InferenceRequest req, boolean reasons) {
        this.request = request;
        this.stamps = req.stamps;
        this.receivedNanos = receivedNanos;
        this.promptTokens = ctx.promptTokens.applyAsInt(req.promptText);
        this.outputTokens = req.maxTokens > 0 ? req.maxTokens : ctx.options.defaultOutputTokens();
        this.reasoningTokens = reasons ? Math.min(ctx.options.reasoningTokens(), outputTokens) : 0;
        this.includeUsage = req.includeUsage;
        this.finishReason = req.maxTokens > 0 ? "length" : "stop";
        this.promptText = req.promptText;
        this.modelName = req.model;
        this.wordOffset = ctx.plan.wordOffset(request);
        this.metrics = ctx.metrics;
        this.specDecode = ctx.specDecode;
        this.model = ctx.metrics.model(req.model);
    }

    /** It is being served (not refused): counts it as running, with its prompt tokens. */
    void started() {
        metrics.started(model, promptTokens);
    }

    MockMetrics.ModelStats model() {
        return model;
    }

    /** The bytes of token {@code i} (" word"): reasoning words first, then content words. */
    byte[] word(int i) {
        return i < reasoningTokens
                ? WordList.REASONING_TOKENS.token(wordOffset, i)
                : WordList.CONTENT_TOKENS.token(wordOffset, i - reasoningTokens);
    }

    String reasoningText() {
        return WordList.REASONING_TOKENS.text(wordOffset, reasoningTokens);
    }

    String contentText() {
        return WordList.CONTENT_TOKENS.text(wordOffset, outputTokens - reasoningTokens);
    }

    /** The response-root {@code metrics} object (vLLM's per-request spec-decode stats), or null when off; once per response. */
    String metricsJson() {
        return specDecode == null ? null : specDecode.metricsJson(request, outputTokens, metrics, model);
    }

    void tokensSent(int n) {
        metrics.tokensSent(model, n);
    }

    /** {@code count} gaps of {@code seconds} each between consecutive tokens. */
    void interTokenGaps(int count, double seconds) {
        for (int i = 0; i < count; i++) metrics.interToken(model, seconds);
    }

    void finished(boolean completed) {
        long end = System.nanoTime();
        double ttft = firstTokenNanos > 0 ? (firstTokenNanos - receivedNanos) / 1e9 : -1;
        metrics.finished(model, completed, ttft, (end - receivedNanos) / 1e9);
    }
}
