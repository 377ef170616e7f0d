package dev.redline.runner.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.dataset.Turn;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Headers, extra-input merging and serialisation shared by every endpoint type. */
abstract class BaseRequestFactory implements RequestFactory {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bodies kept for history-free turns (bounded: a dataset larger than this is serialised per request). */
    static final int MAX_CACHED_BODIES = 16_384;

    protected final ClientConfig config;
    /** model -> turn -> body. A dataset's turns repeat and their bytes never change; lock-free reads. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<Turn, byte[]>> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger cachedBodies = new AtomicInteger();

    BaseRequestFactory(ClientConfig config) {
        this.config = config;
    }

    /** The endpoint-specific body fields, before extra inputs are merged. */
    protected abstract Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history);

    @Override
    public final byte[] body(Turn turn, String model, List<ChatMessage> history) {
        Map<String, Object> body = fields(turn, model, history == null ? List.of() : history);
        body.putAll(config.extraInputs()); // AIPerf: shallow merge at the top level, then per-record extras
        body.putAll(turn.extra());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise request body: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public final PreparedRequest build(Turn turn, String model, List<ChatMessage> history, String correlationId) {
        String requestId = randomUuid();
        String corr = correlationId == null ? randomUuid() : correlationId;
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        h.set("Content-Type", "application/json");
        h.set("Accept", config.streaming() ? "text/event-stream" : "application/json");
        h.set("User-Agent", "redline");
        if (config.apiKey() != null && !config.apiKey().isBlank()) h.set("Authorization", "Bearer " + config.apiKey());
        h.set("X-Request-ID", requestId);
        h.set(config.sessionHeader(), corr);
        config.headers().forEach(h::set); // user -H headers win
        return new PreparedRequest(Buffer.buffer(wireBody(turn, model, history)), h, requestId, corr);
    }

    /**
     * The body to send: serialised once per (model, turn) when there is no history, since JSON
     * serialisation was the runner's largest own cost per request on the event loop.
     */
    private byte[] wireBody(Turn turn, String model, List<ChatMessage> history) {
        if (history != null && !history.isEmpty()) return body(turn, model, history);
        ConcurrentHashMap<Turn, byte[]> byTurn = bodies.computeIfAbsent(model == null ? "" : model, m -> new ConcurrentHashMap<>());
        byte[] b = byTurn.get(turn);
        if (b == null) {
            b = body(turn, model, List.of());
            if (cachedBodies.get() < MAX_CACHED_BODIES && byTurn.putIfAbsent(turn, b) == null) cachedBodies.incrementAndGet();
        }
        return b;
    }

    /**
     * A version-4 UUID from the calling thread's generator. UUID.randomUUID() draws on one SecureRandom
     * whose lock every event loop would share; request ids need uniqueness, not secrecy.
     */
    static String randomUuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /**
     * {@code stream_options} of a streaming request: usage in the last chunk ({@code include_usage}) and, with
     * --per-chunk-usage, on every chunk ({@code continuous_usage_stats}); null when not streaming.
     */
    protected Map<String, Object> streamOptions() {
        if (!config.streaming() || !config.includeUsage() && !config.perChunkUsage()) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("include_usage", true);
        if (config.perChunkUsage()) m.put("continuous_usage_stats", true);
        return m;
    }

    protected static Map<String, Object> base(String model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        return m;
    }
}
