package dev.redline.bench;

import dev.redline.runner.record.RequestRecord;

import java.nio.charset.StandardCharsets;

/** Realistic wire data and records shared by the benchmarks (the built-in mock's chunk shape). */
final class Responses {
    private Responses() { }

    static final String CHUNK = "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,"
            + "\"model\":\"mock-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token%d\"},\"finish_reason\":null}]}\n\n";
    static final String USAGE = "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,"
            + "\"model\":\"mock-model\",\"choices\":[],\"usage\":{\"prompt_tokens\":128,\"completion_tokens\":%d,\"total_tokens\":%d}}\n\n";

    /** One streamed response of {@code tokens} content events, a usage event and [DONE]. */
    static byte[] sseStream(int tokens) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens; i++) sb.append(String.format(CHUNK, i));
        sb.append(String.format(USAGE, tokens, tokens + 128));
        sb.append("data: [DONE]\n\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A finished, token-counted streaming record: TTFT ~20 ms, ITL ~5 ms, {@code tokens} chunks. */
    static RequestRecord streamedRecord(long index, int tokens, long startNs) {
        RequestRecord r = new RequestRecord(index, RequestRecord.Phase.PROFILING);
        r.markStart(startNs, 1_764_000_000_000_000_000L + startNs);
        r.markAck(startNs + 1_000_000);
        long t = startNs + 20_000_000 + (index % 97) * 10_000;
        for (int i = 0; i < tokens; i++) {
            r.addContentChunk(t, "x", null);
            t += 5_000_000 + (i % 13) * 1_000;
        }
        r.markEnd(t);
        r.setInputTokens(128);
        r.setOutputTokens(tokens);
        r.setReasoningTokens(0);
        r.dropText();
        return r;
    }
}
