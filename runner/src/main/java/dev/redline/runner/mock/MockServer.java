package dev.redline.runner.mock;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;

/**
 * An OpenAI-compatible fake LLM server with known latencies, embeddable in tests and demos (and behind
 * {@code redline mock-server}). It owns one Vert.x instance with one event loop and one HTTP server
 * instance per configured loop, all sharing the port.
 */
public final class MockServer implements AutoCloseable {
    private final Vertx vertx;
    private final MockContext ctx;
    private final MockRouter router;
    private final int port;
    private final String host;
    private DcgmEndpoint dcgm;
    private io.grpc.Server grpc;

    private MockServer(Vertx vertx, MockContext ctx, MockRouter router, String host, int port) {
        this.vertx = vertx;
        this.ctx = ctx;
        this.router = router;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts the server and returns once it is listening. Throws {@link IllegalArgumentException} for invalid
     * options and {@link IllegalStateException} when it cannot listen (port taken). Call it from a plain
     * thread, not from a Vert.x event loop (it waits).
     */
    public static MockServer start(MockServerOptions options) {
        options.validate();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops()));
        try {
            MockContext ctx = new MockContext(options, vertx);
            MockRouter router = new MockRouter();
            MockEndpoints.register(router, ctx);
            StaticEndpoints.register(router, ctx);
            for (MockRoutes extra : options.extraRoutes()) extra.register(router, vertx);

            // One deployment, one server instance per event loop; Vert.x shares the listening socket between
            // them. Port 0 would give each instance its own port; a negative port is Vert.x's "one random
            // port shared by all servers asking for this negative number".
            int listenPort = options.port() == 0 ? -1 : options.port();
            int[] bound = {-1};
            vertx.deployVerticle(() -> new HttpVerticle(options.host(), listenPort, bound, router),
                    new DeploymentOptions().setInstances(options.eventLoops())).await();
            MockServer server = new MockServer(vertx, ctx, router, options.host(), bound[0]);
            if (options.dcgmPort() != null) server.dcgm = DcgmEndpoint.start(vertx, ctx, options.host(), options.dcgmPort());
            if (options.grpcPort() != null) server.grpc = startGrpc(ctx, options.host(), options.grpcPort());
            return server;
        } catch (Exception e) { // await() rethrows checked causes (BindException) unchanged
            vertx.close();
            if (e instanceof IllegalArgumentException) throw (IllegalArgumentException) e;
            throw new IllegalStateException("mock server cannot listen on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The KServe v2 gRPC service on its own port (grpc-java's server; answers are paced on this mock's event loops). */
    private static io.grpc.Server startGrpc(MockContext ctx, String host, int port) throws java.io.IOException {
        return io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder
                .forAddress(new java.net.InetSocketAddress(host, port), io.grpc.InsecureServerCredentials.create())
                .addService(new KServeGrpcService(ctx).definition())
                .addTransportFilter(new io.grpc.ServerTransportFilter() {
                    @Override
                    public io.grpc.Attributes transportReady(io.grpc.Attributes attrs) {
                        ctx.metrics.grpcConnectionOpened();
                        return attrs;
                    }
                })
                .directExecutor() // handlers only parse and hand over to a Vert.x context
                .build().start();
    }

    /** One HTTP server instance on one event loop. */
    private static final class HttpVerticle extends VerticleBase {
        private final String host;
        private final int port;
        private final int[] bound;
        private final MockRouter router;

        HttpVerticle(String host, int port, int[] bound, MockRouter router) {
            this.host = host;
            this.port = port;
            this.bound = bound;
            this.router = router;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true).setIdleTimeout(0))
                    .requestHandler(router)
                    .listen(port, host)
                    .compose(server -> {
                        synchronized (bound) {
                            if (bound[0] >= 0 && bound[0] != server.actualPort()) {
                                return Future.failedFuture("mock server instances bound different ports");
                            }
                            bound[0] = server.actualPort();
                        }
                        return Future.succeededFuture();
                    });
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://HOST:PORT}, no trailing slash. */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if ("0.0.0.0".equals(host)) h = "127.0.0.1";
        return "http://" + h + ":" + port;
    }

    /** {@code http://HOST:PORT} of the simulated DCGM exporter, or null when it was not started. */
    public String dcgmBaseUrl() {
        return dcgm == null ? null : "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + dcgm.port();
    }

    /** The port of the KServe v2 gRPC service, or -1 when none was asked for. */
    public int grpcPort() {
        return grpc == null ? -1 : grpc.getPort();
    }

    /** {@code grpc://HOST:PORT} of the KServe v2 gRPC service, or null when it was not started. */
    public String grpcBaseUrl() {
        return grpc == null ? null : baseUrl().replaceFirst("^http://", "grpc://").replaceFirst(":" + port + "$", ":" + grpc.getPort());
    }

    /** The simulated GPUs, or null when no DCGM port was asked for. */
    public DcgmExporterSimulator dcgmSimulator() {
        return dcgm == null ? null : dcgm.simulator();
    }

    /** The faults this server injects, {@code --error-rate} included (docs/mock-server.md). */
    public java.util.List<dev.redline.runner.mock.fault.FaultSpec> faults() {
        return ctx.faults.faults();
    }

    /** The seed of every draw: faults, jitter, words. */
    public long randomSeed() {
        return ctx.options.randomSeed();
    }

    /** What was served so far (also exposed at {@code /metrics}). */
    /** Video results downloaded so far. */
    public long videoDownloads() {
        return ctx.videoDownloads.sum();
    }

    /** The media parts the mock accepted so far. */
    public MockMedia.Received mediaReceived() {
        return ctx.media.received();
    }

    /** Image parts sent by cache uuid alone that the mock served from its multimodal cache. */
    public long imageCacheHits() {
        return ctx.media.imageCacheHits();
    }

    /** What the simulated speculative decoding has sent so far (all zero when it is off). */
    public SpecDecodeSim.Sent specDecodeSent() {
        return ctx.specDecode == null ? new SpecDecodeSim.Sent(0, 0, 0, 0) : ctx.specDecode.sent();
    }

    public MockMetrics metrics() {
        return ctx.metrics;
    }

    /** Adds or replaces an endpoint while running. */
    public MockRouter router() {
        return router;
    }

    /** The server's Vert.x instance (timers for extra endpoints); closed by {@link #close()}. */
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void close() {
        if (grpc != null) grpc.shutdownNow();
        vertx.close().await();
    }
}
