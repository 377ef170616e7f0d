package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rerankers: a query and passages, answered with one score per passage.
 * <ul>
 *   <li>{@code rankings} / {@code nim_rankings} (NIM {@code /v1/ranking}): {@code {"model", "query": {"text"},
 *       "passages": [{"text"}]}} → {@code {"rankings": [{"index", "logit"}]}}</li>
 *   <li>{@code hf_tei_rankings} (TEI {@code /rerank}): {@code {"query", "texts": [...]}} → {@code [{"index", "score"}]}</li>
 *   <li>{@code cohere_rankings} (Cohere {@code /v2/rerank}): {@code {"model", "query", "documents": [...]}} →
 *       {@code {"results": [{"index", "relevance_score"}]}}</li>
 * </ul>
 * The turn's first text is the query and the others the passages; a turn with one text ranks it against itself.
 */
final class RankingsEndpoint extends BaseEndpoint {
    RankingsEndpoint(EndpointType type, ClientConfig config) {
        super(type, config);
    }

    static String query(Turn turn) {
        return turn.texts().isEmpty() ? "" : turn.texts().get(0);
    }

    static List<String> passages(Turn turn) {
        List<String> t = turn.texts();
        return t.size() <= 1 ? t : t.subList(1, t.size());
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        List<String> passages = passages(turn);
        return switch (type()) {
            case HF_TEI_RANKINGS -> JsonPayloads.object("query", query(turn), "texts", passages);
            case COHERE_RANKINGS -> JsonPayloads.object("model", model, "query", query(turn), "documents", passages);
            default -> {
                List<Map<String, Object>> p = new ArrayList<>(passages.size());
                for (String text : passages) p.add(JsonPayloads.object("text", text));
                yield JsonPayloads.object("model", model, "query", JsonPayloads.object("text", query(turn)), "passages", p);
            }
        };
    }

    @Override
    public ResponseParser newParser() {
        return new Parser(type());
    }

    /** A list of scored passages: under {@code rankings} (NIM), {@code results} (Cohere), or the whole array (TEI). */
    static final class Parser extends TreeResponseParser {
        private final EndpointType type;

        Parser(EndpointType type) {
            this.type = type;
        }

        @Override
        protected boolean acceptsArray() { return type == EndpointType.HF_TEI_RANKINGS; }

        @Override
        protected String read(JsonNode root) {
            JsonNode list = root.isArray() ? root : root.has("rankings") ? root.get("rankings") : root.get("results");
            if (list == null || !list.isArray()) return "not a rankings answer (no rankings, results or array of scores)";
            for (JsonNode r : list) {
                if (!r.path("index").isInt()) return "a ranking without an integer index";
            }
            items = list.size();
            hasData = true;
            usage = usageOf(root.isObject() ? root.get("usage") : null);
            return null;
        }
    }
}
