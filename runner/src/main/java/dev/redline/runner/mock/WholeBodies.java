package dev.redline.runner.mock;

/** Non-streaming {@code chat.completion} and {@code text_completion} bodies (one per request). */
final class WholeBodies {
    private WholeBodies() {}

    static String build(boolean chat, String id, long created, String model, GenerationJob job) {
        StringBuilder b = new StringBuilder(256 + job.outputTokens * 8);
        b.append(ChunkTemplates.objectHead(id, chat ? "chat.completion" : "text_completion", created, model));
        b.append("\"choices\":[{\"index\":0,");
        if (chat) {
            b.append("\"message\":{\"role\":\"assistant\",\"content\":").append(JsonText.quote(job.contentText()));
            if (job.reasoningTokens > 0) b.append(",\"reasoning_content\":").append(JsonText.quote(job.reasoningText()));
            b.append('}');
        } else {
            b.append("\"text\":").append(JsonText.quote(job.contentText())).append(",\"logprobs\":null");
        }
        b.append(",\"finish_reason\":\"").append(job.finishReason).append("\"}],\"usage\":")
                .append(ChunkTemplates.usageJson(job.promptTokens, job.outputTokens, job.reasoningTokens));
        String metrics = job.metricsJson();
        if (metrics != null) b.append(",\"metrics\":").append(metrics);
        b.append('}');
        return b.toString();
    }
}
