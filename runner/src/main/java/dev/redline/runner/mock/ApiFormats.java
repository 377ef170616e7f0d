package dev.redline.runner.mock;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * The answer side of the generation APIs beyond OpenAI's chat and completions ({@link ChunkTemplates}): each
 * writes the events and bodies its public API documents. Per token only byte templates are copied.
 */
final class ApiFormats {
    private ApiFormats() { }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** OpenAI Responses: typed events (response.created, output_text / reasoning_text deltas, response.completed), no [DONE]. */
    static final class Responses implements StreamFormat {
        private final String id;
        private final String model;
        private final long created;
        private final byte[] textPrefix;
        private final byte[] reasoningPrefix;
        private static final byte[] SUFFIX = bytes("\"}\n\n");

        Responses(long index, long created, String model) {
            this.id = "resp_mock" + index;
            this.model = model;
            this.created = created;
            this.textPrefix = bytes("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_"
                    + index + "\",\"output_index\":1,\"content_index\":0,\"delta\":\"");
            this.reasoningPrefix = bytes("event: response.reasoning_text.delta\ndata: {\"type\":\"response.reasoning_text.delta\",\"item_id\":\"rs_"
                    + index + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"");
        }

        private String response(String status, String output, String usage) {
            return "{\"id\":\"" + id + "\",\"object\":\"response\",\"created_at\":" + created + ",\"status\":\"" + status
                    + "\",\"model\":" + JsonText.quote(model) + ",\"output\":" + output + (usage == null ? "" : ",\"usage\":" + usage) + "}";
        }

        static String usage(GenerationJob job) {
            return "{\"input_tokens\":" + job.promptTokens + ",\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":"
                    + job.outputTokens + ",\"output_tokens_details\":{\"reasoning_tokens\":" + job.reasoningTokens
                    + "},\"total_tokens\":" + (job.promptTokens + job.outputTokens) + "}";
        }

        @Override
        public void appendStart(Buffer out) {
            out.appendString("event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":")
                    .appendString(response("in_progress", "[]", null)).appendString("}\n\n");
        }

        @Override
        public void appendToken(Buffer out, byte[] word, boolean reasoning) {
            out.appendBytes(reasoning ? reasoningPrefix : textPrefix).appendBytes(word).appendBytes(SUFFIX);
        }

        @Override
        public void appendEnd(Buffer out, GenerationJob job) {
            out.appendString("event: response.output_text.done\ndata: {\"type\":\"response.output_text.done\",\"output_index\":1,"
                            + "\"content_index\":0,\"text\":").appendString(JsonText.quote(job.contentText())).appendString("}\n\n")
                    .appendString("event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":")
                    .appendString(response("completed", "[]", usage(job))).appendString("}\n\n");
        }

        @Override
        public String wholeBody(GenerationJob job) {
            String reasoningItem = job.reasoningTokens == 0 ? "" : "{\"id\":\"rs_" + id + "\",\"type\":\"reasoning\",\"summary\":[],"
                    + "\"content\":[{\"type\":\"reasoning_text\",\"text\":" + JsonText.quote(job.reasoningText()) + "}]},";
            String output = "[" + reasoningItem + "{\"id\":\"msg_" + id + "\",\"type\":\"message\",\"status\":\"completed\","
                    + "\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":" + JsonText.quote(job.contentText())
                    + ",\"annotations\":[]}]}]";
            return response("completed", output, usage(job));
        }
    }

    /** Anthropic Messages: message_start, content_block_start/delta/stop, message_delta with the output tokens, message_stop. */
    static final class Messages implements StreamFormat {
        private static final byte[] TEXT = bytes("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"");
        private static final byte[] THINKING = bytes("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"");
        private static final byte[] SUFFIX = bytes("\"}}\n\n");
        private final String id;
        private final String model;
        private boolean textOpen;

        Messages(long index, long created, String model) {
            this.id = "msg_mock" + index;
            this.model = model;
        }

        private static String stopReason(GenerationJob job) {
            return "length".equals(job.finishReason) ? "max_tokens" : "end_turn";
        }

        @Override
        public void appendStart(Buffer out) {
            out.appendString("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"" + id
                    + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + JsonText.quote(model)
                    + ",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":0,\"output_tokens\":1}}}\n\n")
                    .appendString("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                            + "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}\n\n");
        }

        @Override
        public void appendToken(Buffer out, byte[] word, boolean reasoning) {
            if (!reasoning && !textOpen) {
                textOpen = true;
                out.appendString("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n")
                        .appendString("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,"
                                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
            }
            out.appendBytes(reasoning ? THINKING : TEXT).appendBytes(word).appendBytes(SUFFIX);
        }

        @Override
        public void appendEnd(Buffer out, GenerationJob job) {
            out.appendString("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n")
                    .appendString("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                            + stopReason(job) + "\",\"stop_sequence\":null},\"usage\":{\"input_tokens\":" + job.promptTokens
                            + ",\"output_tokens\":" + job.outputTokens + "}}\n\n")
                    .appendString("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        }

        @Override
        public String wholeBody(GenerationJob job) {
            String thinking = job.reasoningTokens == 0 ? "" : "{\"type\":\"thinking\",\"thinking\":" + JsonText.quote(job.reasoningText())
                    + ",\"signature\":\"mock\"},";
            return "{\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + JsonText.quote(model)
                    + ",\"content\":[" + thinking + "{\"type\":\"text\",\"text\":" + JsonText.quote(job.contentText()) + "}],"
                    + "\"stop_reason\":\"" + stopReason(job) + "\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
                    + job.promptTokens + ",\"output_tokens\":" + job.outputTokens + "}}";
        }
    }

    /** TGI /generate_stream: one event per token, then the special end token with generated_text and details. */
    static final class Tgi implements StreamFormat {
        private int index;

        Tgi(long request, long created, String model) { }

        @Override
        public void appendStart(Buffer out) { }

        @Override
        public void appendToken(Buffer out, byte[] word, boolean reasoning) {
            out.appendString("data:{\"index\":" + (++index) + ",\"token\":{\"id\":" + index + ",\"text\":\"")
                    .appendBytes(word).appendString("\",\"logprob\":-0.1,\"special\":false},\"generated_text\":null,\"details\":null}\n\n");
        }

        private static String details(GenerationJob job) {
            return "{\"finish_reason\":\"" + ("length".equals(job.finishReason) ? "length" : "eos_token")
                    + "\",\"generated_tokens\":" + job.outputTokens + ",\"seed\":null}";
        }

        @Override
        public void appendEnd(Buffer out, GenerationJob job) {
            out.appendString("data:{\"index\":" + (++index) + ",\"token\":{\"id\":2,\"text\":\"</s>\",\"logprob\":0.0,\"special\":true},"
                    + "\"generated_text\":" + JsonText.quote(job.contentText()) + ",\"details\":" + details(job) + "}\n\n");
        }

        @Override
        public String wholeBody(GenerationJob job) {
            return "{\"generated_text\":" + JsonText.quote(job.contentText()) + ",\"details\":" + details(job) + "}";
        }
    }

    /** Triton generate(_stream): each event carries text_output; the stream just ends. */
    static final class Triton implements StreamFormat {
        private final byte[] prefix;

        Triton(long index, long created, String model) {
            this.prefix = bytes("data: {\"model_name\":" + JsonText.quote(model) + ",\"model_version\":\"1\",\"text_output\":\"");
        }

        @Override
        public void appendStart(Buffer out) { }

        @Override
        public void appendToken(Buffer out, byte[] word, boolean reasoning) {
            out.appendBytes(prefix).appendBytes(word).appendString("\"}\n\n");
        }

        @Override
        public void appendEnd(Buffer out, GenerationJob job) { }

        @Override
        public String wholeBody(GenerationJob job) {
            return new String(prefix, 6, prefix.length - 6 - 1, StandardCharsets.UTF_8) + JsonText.quote(job.contentText()) + "}";
        }
    }

    /** Solido RAG: content chunks, and the sources with the whole answer. */
    static final class Solido implements StreamFormat {
        Solido(long index, long created, String model) { }

        @Override
        public void appendStart(Buffer out) { }

        @Override
        public void appendToken(Buffer out, byte[] word, boolean reasoning) {
            out.appendString("data: {\"content\":\"").appendBytes(word).appendString("\"}\n\n");
        }

        @Override
        public void appendEnd(Buffer out, GenerationJob job) {
            out.appendString("data: {\"content\":\"\",\"sources\":[{\"title\":\"mock\",\"url\":\"https://example.invalid/doc\"}]}\n\n");
        }

        @Override
        public String wholeBody(GenerationJob job) {
            return "{\"content\":" + JsonText.quote(job.contentText()) + ",\"sources\":[{\"title\":\"mock\",\"url\":\"https://example.invalid/doc\"}]}";
        }
    }

    /** KServe v2 infer: a text_output BYTES tensor (never streamed over HTTP). */
    static final class KServe implements StreamFormat {
        private final String model;
        private final long index;

        KServe(long index, long created, String model) {
            this.model = model;
            this.index = index;
        }

        @Override
        public void appendStart(Buffer out) { }

        @Override
        public void appendToken(Buffer out, byte[] word, boolean reasoning) { }

        @Override
        public void appendEnd(Buffer out, GenerationJob job) { }

        @Override
        public String wholeBody(GenerationJob job) {
            return "{\"model_name\":" + JsonText.quote(model) + ",\"model_version\":\"1\",\"id\":\"" + index + "\",\"outputs\":"
                    + "[{\"name\":\"text_output\",\"datatype\":\"BYTES\",\"shape\":[1],\"data\":[" + JsonText.quote(job.contentText()) + "]}]}";
        }
    }
}
