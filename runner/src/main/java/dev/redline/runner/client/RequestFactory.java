package dev.redline.runner.client;

import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.endpoint.Endpoint;
import dev.redline.runner.endpoint.Endpoints;
import dev.redline.runner.endpoint.JsonPayloads;
import dev.redline.runner.endpoint.WireBody;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns an endpoint-independent {@link Turn} into the wire request of the configured endpoint type (its
 * {@link Endpoint} from the registry): body, the common headers (AIPerf's), the type's own headers, then the
 * user's -H headers, and the request URI ({@code {model}} in the path replaced by the model).
 */
public final class RequestFactory {
    /** Bodies kept for history-free turns (bounded: a dataset larger than this is encoded per request). */
    static final int MAX_CACHED_BODIES = 16_384;

    private final ClientConfig config;
    private final Endpoint endpoint;
    /** model -> turn -> body. A dataset's turns repeat and their bytes never change; lock-free reads. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<Turn, WireBody>> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger cachedBodies = new AtomicInteger();
    private final ConcurrentHashMap<String, String> uriByModel = new ConcurrentHashMap<>();
    private final boolean modelInPath;

    private RequestFactory(ClientConfig config, Endpoint endpoint) {
        this.config = config;
        this.endpoint = endpoint;
        this.modelInPath = config.path() != null && config.path().contains("{model}");
    }

    /** The factory for the config's endpoint type. */
    public static RequestFactory forConfig(ClientConfig config) {
        return new RequestFactory(config, Endpoints.create(config));
    }

    public Endpoint endpoint() { return endpoint; }

    public PreparedRequest build(Turn turn, String model) { return build(turn, model, List.of(), null); }

    /**
     * @param history       earlier messages of the session (empty for single-turn); chat-like types only
     * @param correlationId the session's id (sent in the session header), or null to generate one
     */
    public PreparedRequest build(Turn turn, String model, List<ChatMessage> history, String correlationId) {
        return build(turn, model, history, correlationId, true);
    }

    /**
     * As {@link #build(Turn, String, List, String)} for a turn made for this one send (a cache-bust-marked copy of a
     * dataset turn): its body is encoded and not kept, so single-use bodies do not fill the cache of the dataset's.
     */
    public PreparedRequest buildOnce(Turn turn, String model, List<ChatMessage> history, String correlationId) {
        return build(turn, model, history, correlationId, false);
    }

    private PreparedRequest build(Turn turn, String model, List<ChatMessage> history, String correlationId, boolean keepBody) {
        String requestId = RequestIds.randomUuid();
        String corr = correlationId == null ? RequestIds.randomUuid() : correlationId;
        WireBody body = keepBody ? wireBody(turn, model, history) : endpoint.encode(payload(turn, model, history));
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        h.set("Content-Type", body.contentType());
        h.set("Accept", config.streaming() ? "text/event-stream" : "application/json");
        h.set("User-Agent", "redline");
        if (endpoint.bearerAuth() && config.apiKey() != null && !config.apiKey().isBlank()) {
            h.set("Authorization", "Bearer " + config.apiKey());
        }
        h.set("X-Request-ID", requestId);
        h.set(config.settings().sessionHeader(), corr);
        endpoint.addHeaders(h);
        config.headers().forEach(h::set); // user -H headers win
        return new PreparedRequest(Buffer.buffer(body.bytes()), h, requestId, corr, uri(model));
    }

    /**
     * Encodes, before the run, the bodies of the turns that are sent without history (each conversation's first turn;
     * every turn of full-prompt traces) for each model, in parallel and within the cache's bound. Used for media
     * datasets: a 1 MB payload would otherwise be serialised on the event loop at its first send.
     *
     * @return the bodies now cached
     */
    public int prepare(List<Conversation> conversations, List<String> models) {
        conversations.parallelStream().forEach(c -> {
            List<Turn> turns = c.fullPromptTurns() ? c.turns() : c.turns().subList(0, 1);
            for (Turn t : turns) {
                for (String m : models) {
                    if (cachedBodies.get() < MAX_CACHED_BODIES) wireBody(t, m, List.of());
                }
            }
        });
        return cachedBodies.get();
    }

    /** The payload as JSON (inputs.json): exactly the body sent for a JSON endpoint. */
    public byte[] body(Turn turn, String model, List<ChatMessage> history) {
        return JsonPayloads.json(payload(turn, model, history));
    }

    /** The body's fields: a raw payload verbatim (AIPerf's raw_payload, inputs_json), else what the endpoint formats. */
    private Map<String, Object> payload(Turn turn, String model, List<ChatMessage> history) {
        return turn.rawPayload() != null ? turn.rawPayload() : endpoint.payload(turn, model, history);
    }

    /** The URI when the path names the model, else null (the client's configured URI). */
    private String uri(String model) {
        if (!modelInPath) return null;
        String m = model == null ? "" : model;
        return uriByModel.computeIfAbsent(m, k -> config.requestUri(
                config.path().replace("{model}", URLEncoder.encode(k, StandardCharsets.UTF_8).replace("+", "%20"))));
    }

    /**
     * The body to send: encoded once per (model, turn) when there is no history, since serialisation was the
     * runner's largest own cost per request on the event loop.
     */
    private WireBody wireBody(Turn turn, String model, List<ChatMessage> history) {
        if (history != null && !history.isEmpty()) return endpoint.encode(payload(turn, model, history));
        ConcurrentHashMap<Turn, WireBody> byTurn = bodies.computeIfAbsent(model == null ? "" : model, m -> new ConcurrentHashMap<>());
        WireBody b = byTurn.get(turn);
        if (b == null) {
            b = endpoint.encode(payload(turn, model, List.of()));
            if (cachedBodies.get() < MAX_CACHED_BODIES && byTurn.putIfAbsent(turn, b) == null) cachedBodies.incrementAndGet();
        }
        return b;
    }

}
