package dev.redline.runner.mock;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.redline.runner.mock.fault.FaultPlan;
import io.vertx.core.Vertx;

import java.util.function.ToIntFunction;

/** What every mock endpoint shares: options, the seeded plans (timing, faults), the pacer, the metrics, the prompt token counter. */
final class MockContext {
    final MockServerOptions options;
    final Vertx vertx;
    final ServedPlan plan;
    final FaultPlan faults;
    final MockMetrics metrics;
    /** When tokens are due: fixed latencies, or the simulated engine. */
    final TokenPacer pacer;
    final ToIntFunction<String> promptTokens;
    final String defaultModel;
    /** Simulated speculative decoding; null when off. */
    final SpecDecodeSim specDecode;
    /** Media parts received, checked (chat content parts, uploads). */
    final MockMedia media = new MockMedia();
    /** Video results downloaded (GET /v1/videos/{id}/content). */
    final java.util.concurrent.atomic.LongAdder videoDownloads = new java.util.concurrent.atomic.LongAdder();

    MockContext(MockServerOptions options, Vertx vertx) {
        this.options = options;
        this.vertx = vertx;
        this.plan = new ServedPlan(options);
        this.faults = new FaultPlan(options.effectiveFaults(), options.randomSeed());
        this.metrics = new MockMetrics(options.models());
        this.pacer = options.engine() == null ? new FixedPacer(vertx, plan)
                : new EnginePacer(vertx, options.engine(), options.randomSeed(), metrics);
        this.promptTokens = new PromptTokenCache(
                options.promptTokenCounter() != null ? options.promptTokenCounter() : o200kCounter());
        this.defaultModel = options.models().get(0);
        this.specDecode = options.specDecodeDraftTokens() > 0 ? new SpecDecodeSim(options.specDecodeDraftTokens(),
                options.specDecodeAcceptance(), options.randomSeed()) : null;
        if (specDecode != null) metrics.specDecodeOn();
    }

    private static ToIntFunction<String> o200kCounter() {
        Encoding encoding = o200k(); // loaded before listening, so no request pays for it
        return text -> text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    static Encoding o200k() {
        return O200k.ENCODING;
    }

    /** Loaded once per JVM, on first use (building the encoding takes about a second). */
    private static final class O200k {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }
}
