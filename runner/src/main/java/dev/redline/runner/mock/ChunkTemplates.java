package dev.redline.runner.mock;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * Byte templates of one streaming response's SSE events. Built once per request (id and model differ);
 * a token event is then prefix + word + suffix, with no JSON tree or string formatting per token.
 */
final class ChunkTemplates implements StreamFormat {
    static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final String objectHead;
    private final byte[] contentPrefix;
    private final byte[] reasoningPrefix;
    private final byte[] tokenSuffix;
    private final byte[] roleEvent;
    private final String finishHead;
    private final String finishTail;
    private boolean chat;
    private String id;
    private long created;
    private String model;

    private ChunkTemplates(String objectHead, String contentPrefix, String reasoningPrefix, String tokenSuffix,
                           String roleEvent, String finishHead, String finishTail) {
        this.objectHead = objectHead;
        this.contentPrefix = bytes(contentPrefix);
        this.reasoningPrefix = reasoningPrefix == null ? null : bytes(reasoningPrefix);
        this.tokenSuffix = bytes(tokenSuffix);
        this.roleEvent = roleEvent == null ? null : bytes(roleEvent);
        this.finishHead = finishHead;
        this.finishTail = finishTail;
    }

    /** {@code {"id":..,"object":..,"created":..,"model":..,} } without the closing brace. */
    static String objectHead(String id, String object, long created, String model) {
        return "{\"id\":\"" + id + "\",\"object\":\"" + object + "\",\"created\":" + created
                + ",\"model\":" + JsonText.quote(model) + ",";
    }

    static ChunkTemplates chat(String id, long created, String model) {
        String head = objectHead(id, "chat.completion.chunk", created, model);
        String delta = "data: " + head + "\"choices\":[{\"index\":0,\"delta\":{";
        return new ChunkTemplates(head,
                delta + "\"content\":\"",
                delta + "\"reasoning_content\":\"",
                "\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n",
                delta + "\"role\":\"assistant\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n",
                delta + "},\"logprobs\":null,\"finish_reason\":\"",
                "\"}]}\n\n");
    }

    static ChunkTemplates completion(String id, long created, String model) {
        String head = objectHead(id, "text_completion", created, model);
        String choice = "data: " + head + "\"choices\":[{\"index\":0,\"text\":\"";
        return new ChunkTemplates(head,
                choice,
                null,
                "\",\"logprobs\":null,\"finish_reason\":null}]}\n\n",
                null,
                choice + "\",\"logprobs\":null,\"finish_reason\":\"",
                "\"}]}\n\n");
    }

    /** Names what {@link #wholeBody} writes. */
    ChunkTemplates forWhole(boolean chat, String id, long created, String model) {
        this.chat = chat;
        this.id = id;
        this.created = created;
        this.model = model;
        return this;
    }

    /** Chat's role-only first event, or nothing for completions. */
    @Override
    public void appendStart(Buffer out) {
        if (roleEvent != null) out.appendBytes(roleEvent);
    }

    @Override
    public void appendEnd(Buffer out, GenerationJob job) {
        // vLLM puts the spec-decode object on the trailing usage chunk; without one, on the finish chunk
        String metrics = job.metricsJson();
        appendFinish(out, job.finishReason, job.includeUsage ? null : metrics);
        if (job.includeUsage) appendUsage(out, job.promptTokens, job.outputTokens, job.reasoningTokens, metrics);
        out.appendBytes(DONE);
    }

    @Override
    public String wholeBody(GenerationJob job) {
        return WholeBodies.build(chat, id, created, model, job);
    }

    @Override
    public void appendToken(Buffer out, byte[] word, boolean reasoning) {
        out.appendBytes(reasoning && reasoningPrefix != null ? reasoningPrefix : contentPrefix)
                .appendBytes(word)
                .appendBytes(tokenSuffix);
    }

    void appendFinish(Buffer out, String finishReason) {
        appendFinish(out, finishReason, null);
    }

    /** The finish event; {@code metrics} (a response-root object, null for none) goes after its choices. */
    void appendFinish(Buffer out, String finishReason, String metrics) {
        out.appendString(finishHead).appendString(finishReason);
        if (metrics == null) {
            out.appendString(finishTail);
        } else {
            out.appendString(finishTail.substring(0, finishTail.length() - 3)).appendString(",\"metrics\":").appendString(metrics)
                    .appendString("}\n\n");
        }
    }

    void appendUsage(Buffer out, int promptTokens, int completionTokens, int reasoningTokens) {
        appendUsage(out, promptTokens, completionTokens, reasoningTokens, null);
    }

    void appendUsage(Buffer out, int promptTokens, int completionTokens, int reasoningTokens, String metrics) {
        out.appendString("data: ").appendString(objectHead).appendString("\"choices\":[],\"usage\":")
                .appendString(usageJson(promptTokens, completionTokens, reasoningTokens));
        if (metrics != null) out.appendString(",\"metrics\":").appendString(metrics);
        out.appendString("}\n\n");
    }

    static String usageJson(int promptTokens, int completionTokens, int reasoningTokens) {
        return "{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                + ",\"total_tokens\":" + (promptTokens + completionTokens)
                + ",\"completion_tokens_details\":{\"reasoning_tokens\":" + reasoningTokens + "}}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
