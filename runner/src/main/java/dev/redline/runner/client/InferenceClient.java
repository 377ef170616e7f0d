package dev.redline.runner.client;

import dev.redline.runner.endpoint.Endpoint;
import dev.redline.runner.endpoint.Endpoints;
import dev.redline.runner.endpoint.GrpcEndpoint;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends prepared requests to an OpenAI-compatible server over Vert.x core {@link HttpClient} and fills
 * {@link RequestRecord}s with AIPerf's timestamps. The pool holds {@code maxInFlight} keep-alive HTTP/1.1
 * connections (never Vert.x's default of 5, which would queue requests inside the client and inflate TTFT),
 * TCP_NODELAY, no compression. Requests are spread over a few event-loop contexts; each exchange stays on
 * one context, so its record has a single writer. Each context has its own {@link HttpClient}: a shared pool
 * hands a request the most recently freed connection whatever loop it lives on, and every such request then
 * hops between two threads (a task queue and an eventfd wake-up per hop), which cost more CPU than the HTTP
 * itself. A per-context client only ever opens connections on its own loop.
 */
public final class InferenceClient implements AutoCloseable {
    static final Logger LOG = LoggerFactory.getLogger(InferenceClient.class);

    private final Vertx vertx;
    private final ClientConfig config;
    private final Endpoint endpoint;
    /** The gRPC channels when the URLs are grpc://, else null (requests go over HTTP). */
    private final GrpcTransport grpc;
    private final io.vertx.core.http.HttpClientAgent[] clients;
    private final StickyConnections[] sticky; // per context, confined to it; null unless sticky-user-sessions
    private final RequestOptions[] options; // one per server URL, in ClientConfig.urls() order
    private final Context[] contexts;
    private final AtomicInteger nextContext = new AtomicInteger();
    private final AtomicInteger nextUrl = new AtomicInteger();
    private final AtomicLong inFlight = new AtomicLong();
    // HTTP trace: connections not yet handed to a request, with their connect time; one lock-free get per request
    private final java.util.concurrent.ConcurrentHashMap<io.vertx.core.http.HttpConnection, Long> freshConnections =
            new java.util.concurrent.ConcurrentHashMap<>();

    public InferenceClient(Vertx vertx, ClientConfig config) {
        this(vertx, config, Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
    }

    public InferenceClient(Vertx vertx, ClientConfig config, int eventLoops) {
        this.vertx = vertx;
        this.config = config;
        this.endpoint = Endpoints.create(config);
        this.grpc = endpoint instanceof GrpcEndpoint g ? new GrpcTransport(config, g) : null;
        int connectMs = (int) Math.min(Integer.MAX_VALUE, Math.max(1, config.timeoutSeconds() * 1000));
        HttpClientOptions httpOptions = new HttpClientOptions()
                .setKeepAlive(!config.closeConnections()) // never: a new connection per request, closed after it
                .setKeepAliveTimeout(300)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false)
                .setConnectTimeout(connectMs)
                .setSsl(config.ssl())
                .setMaxInitialLineLength(64 * 1024)
                .setMaxHeaderSize(64 * 1024);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxInFlight()).setHttp2MaxSize(config.maxInFlight());
        this.options = new RequestOptions[config.urls().size()];
        for (int u = 0; u < options.length; u++) {
            ClientConfig target = config.forUrl(u);
            options[u] = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setHost(target.host())
                    .setPort(target.port())
                    .setSsl(target.ssl())
                    .setURI(target.requestUri())
                    // asks a server that can (our mock) to stamp its responses: client-added latency at the source
                    .putHeader(SourceStamp.REQUEST_HEADER, "1");
        }
        this.contexts = distinctEventLoops((VertxInternal) vertx, Math.max(1, eventLoops));
        this.clients = new io.vertx.core.http.HttpClientAgent[contexts.length];
        this.sticky = config.stickySessions() ? new StickyConnections[contexts.length] : null;
        for (int i = 0; i < contexts.length; i++) {
            // each pool may grow to the whole in-flight limit: an open-loop burst can land on one context
            clients[i] = vertx.httpClientBuilder().with(httpOptions).with(pool)
                    .withConnectHandler(conn -> {
                        freshConnections.put(conn, System.nanoTime());
                        // the request in flight gets the failure and counts it; without a handler Vert.x also
                        // logs every reset connection at ERROR on the console
                        conn.exceptionHandler(t -> LOG.debug("connection failed: {}", t.toString()));
                    }).build();
            if (sticky != null) sticky[i] = new StickyConnections(clients[i], config.maxInFlight());
        }
    }

    /**
     * Up to {@code n} contexts on pairwise different event-loop threads. Vert.x hands out event loops
     * round-robin to every context anyone creates (an HttpClient takes one for its pool timer), so plain
     * successive calls can land two of ours on one thread and leave another loop idle.
     */
    private static Context[] distinctEventLoops(VertxInternal vertx, int n) {
        List<Context> picked = new ArrayList<>(n);
        Set<EventLoop> loops = new HashSet<>();
        for (int attempt = 0; attempt < 4 * n + 8 && picked.size() < n; attempt++) {
            ContextInternal c = vertx.createEventLoopContext();
            if (loops.add(c.nettyEventLoop())) picked.add(c);
        }
        return picked.toArray(new Context[0]);
    }

    /**
     * Sends {@code req}, filling {@code rec}; {@code onComplete} runs exactly once on the exchange's event
     * loop after the record is final (success or error). Never throws for server or transport problems.
     * Called on an event loop of this Vert.x instance, the exchange stays there; from any other thread it
     * is handed to one of the client's event loops.
     */
    public RequestHandle send(PreparedRequest req, RequestRecord rec, Runnable onComplete) {
        return send(req, rec, null, onComplete);
    }

    /**
     * As {@link #send(PreparedRequest, RequestRecord, Runnable)}, plus {@code onFirstChunk} (nullable), run on
     * the event loop when the first content chunk arrives (prefill-concurrency release); never run when
     * the request ends without content.
     */
    public RequestHandle send(PreparedRequest req, RequestRecord rec, Runnable onFirstChunk, Runnable onComplete) {
        Context current = Vertx.currentContext();
        inFlight.incrementAndGet();
        // sticky-user-sessions: a session's turns share one connection (video jobs poll: each call its own)
        String session = config.stickySessions() && !endpoint.type().requiresPolling() ? req.correlationId() : null;
        if (session != null && grpc == null) {
            // a session's turns share one connection: the same context (connections live on one loop) and URL
            int h = Math.floorMod(session.hashCode(), contexts.length * options.length);
            if (options.length > 1) rec.setUrlIndex(h % options.length);
            int i = h / options.length % contexts.length;
            Exchange ex = new Exchange(this, req, rec, onFirstChunk, onComplete, contexts[i], clients[i]);
            ex.sticky(sticky[i], session);
            if (current != null && ((ContextInternal) current).nettyEventLoop() == ((ContextInternal) contexts[i]).nettyEventLoop()) ex.start();
            else contexts[i].runOnContext(v -> ex.start());
            return ex;
        }
        if (options.length > 1) { // round_robin; a gRPC session keeps its URL (and its channel, chosen by the transport)
            rec.setUrlIndex(Math.floorMod(session != null ? session.hashCode() : nextUrl.getAndIncrement(), options.length));
        }
        int own = current != null && current.owner() == vertx ? indexOf(current) : -1;
        int i = own >= 0 ? own : Math.floorMod(nextContext.getAndIncrement(), contexts.length);
        Context ctx = own >= 0 ? current : contexts[i];
        ClientExchange ex = grpc != null ? new GrpcExchange(this, grpc, req, rec, onFirstChunk, onComplete, ctx, session)
                : endpoint.type().requiresPolling() ? new VideoJobExchange(this, req, rec, onComplete, ctx, clients[i])
                : new Exchange(this, req, rec, onFirstChunk, onComplete, ctx, clients[i]);
        if (own >= 0) ex.start();
        else ctx.runOnContext(v -> ex.start());
        return ex;
    }

    /** The index of the client context running on {@code ctx}'s event loop, or -1. */
    private int indexOf(Context ctx) {
        if (!ctx.isEventLoopContext()) return -1;
        EventLoop loop = ((ContextInternal) ctx).nettyEventLoop();
        for (int i = 0; i < contexts.length; i++) {
            if (((ContextInternal) contexts[i]).nettyEventLoop() == loop) return i;
        }
        return -1;
    }

    /** The event loop contexts requests are spread over (round-robin), for schedulers that want one. */
    public Context nextContext() {
        return contexts[Math.floorMod(nextContext.getAndIncrement(), contexts.length)];
    }

    public int eventLoopCount() { return contexts.length; }

    /** The event loop contexts this client spreads requests over. */
    public List<Context> contexts() { return List.of(contexts); }

    /** Requests handed to {@link #send} and not yet completed. */
    public long inFlight() { return inFlight.get(); }

    public ClientConfig config() { return config; }

    Vertx vertx() { return vertx; }

    /**
     * The request options for server URL {@code urlIndex} and {@code uri} (the configured URI when it is null; a
     * model-in-path URI is built on the first URL's path prefix).
     */
    RequestOptions requestOptions(int urlIndex, String uri) {
        RequestOptions o = options[Math.max(0, urlIndex)];
        return uri == null ? o : new RequestOptions(o).setURI(uri);
    }

    /** A fresh response parser of the endpoint type for one exchange ({@code <think>} split when asked). */
    ResponseParser newParser() {
        ResponseParser p = endpoint.newParser();
        return config.settings().splitThinkTags() ? new ThinkTagSplitter(p) : p;
    }

    void completed() { inFlight.decrementAndGet(); }

    /** Runs an exchange's completion callback; a failure there is logged, never thrown into the transport. */
    void runCompletion(Runnable onComplete, String requestId) {
        try {
            onComplete.run();
        } catch (RuntimeException e) {
            // a run stopped early (Ctrl-C) closes the client under requests that were about to follow
            if (closing) LOG.debug("request {} not continued: client closed", requestId);
            else LOG.error("completion callback failed for request {}", requestId, e);
        }
    }

    /** When {@code conn} was established if this is its first request, else 0 (a reused connection). */
    long connectedAt(io.vertx.core.http.HttpConnection conn) {
        if (conn == null || freshConnections.get(conn) == null) return 0;
        Long at = freshConnections.remove(conn);
        return at == null ? 0 : at;
    }

    public Future<Void> closeAsync() {
        closing = true;
        List<Future<Void>> all = new ArrayList<>(clients.length);
        for (HttpClient c : clients) all.add(c.close());
        if (grpc != null) grpc.close();
        return Future.all(all).mapEmpty();
    }

    @Override
    public void close() {
        closing = true;
        for (HttpClient c : clients) c.close();
        if (grpc != null) grpc.close();
    }

    /** True once close was called: requests still completing then are expected to fail. */
    boolean closing() { return closing; }

    private volatile boolean closing;

    static long wallNowNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
