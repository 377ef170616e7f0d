package dev.redline.runner.dataset.hub;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.dataset.file.LoadContext;
import dev.redline.runner.tokenizer.Tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ShareGPT JSON (an array of {@code {"id", "conversations": [{"from": "human"|"gpt", "value"}]}}, or the same objects
 * one per line). Each adjacent human→gpt pair is a turn whose max_tokens is the reply's token count. As in AIPerf
 * (after vLLM), an entry is dropped when any prompt or reply has fewer than 4 tokens (replies unchecked when --osl is
 * set), a prompt exceeds 1024 tokens or prompt plus reply exceed 2048. The file is streamed and reading stops after
 * --num-dataset-entries valid entries.
 */
final class ShareGptReader {
    static final int MIN_TOKENS = 4;
    static final int MAX_PROMPT = 1024;
    static final int MAX_TOTAL = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShareGptReader() { }

    static List<Conversation> read(Path file, LoadContext ctx) {
        List<Conversation> out = new ArrayList<>();
        boolean checkReply = !ctx.outputLengthSet();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            JsonToken first = p.nextToken();
            if (first == null) throw new DatasetFormatException(file + ": the ShareGPT file is empty");
            boolean array = first == JsonToken.START_ARRAY;
            if (array) p.nextToken();
            int index = 0;
            while (p.currentToken() != null && p.currentToken() != JsonToken.END_ARRAY && out.size() < ctx.entries()) {
                JsonNode entry = p.readValueAsTree();
                Conversation c = convert(entry, index++, ctx.tokenizer(), checkReply);
                if (c != null) out.add(c);
                p.nextToken();
            }
        } catch (IOException e) {
            throw new DatasetFormatException(file + ": not ShareGPT JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (out.isEmpty()) throw new DatasetFormatException(file + ": no ShareGPT entry passed the length filters (prompt 4..1024 tokens, total <= 2048)");
        return out;
    }

    private static Conversation convert(JsonNode entry, int index, Tokenizer tok, boolean checkReply) {
        JsonNode conv = entry.path("conversations");
        if (!conv.isArray() || conv.size() < 2) return null;
        List<String[]> pairs = new ArrayList<>();
        boolean roles = false;
        for (JsonNode m : conv) roles |= m.has("from");
        if (!roles) {
            pairs.add(new String[]{conv.get(0).path("value").asText(""), conv.get(1).path("value").asText("")});
        } else {
            for (int i = 0; i + 1 < conv.size(); ) {
                if ("human".equals(conv.get(i).path("from").asText()) && "gpt".equals(conv.get(i + 1).path("from").asText())) {
                    pairs.add(new String[]{conv.get(i).path("value").asText(""), conv.get(i + 1).path("value").asText("")});
                    i += 2;
                } else {
                    i++;
                }
            }
        }
        List<Turn> turns = new ArrayList<>();
        for (String[] pr : pairs) {
            if (pr[0].isEmpty() || pr[1].isEmpty()) return null;
            int prompt = tok.count(pr[0]);
            int reply = tok.count(pr[1]);
            if (prompt < MIN_TOKENS || (checkReply && reply < MIN_TOKENS) || prompt > MAX_PROMPT || prompt + reply > MAX_TOTAL) return null;
            turns.add(new Turn(List.of(pr[0]), null, Math.max(1, reply), prompt, null, null, null));
        }
        if (turns.isEmpty()) return null;
        String id = entry.hasNonNull("id") ? entry.get("id").asText() : "sharegpt-" + index;
        return new Conversation(id, turns);
    }
}
