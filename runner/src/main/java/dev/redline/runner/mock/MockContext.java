package dev.redline.runner.mock;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.vertx.core.Vertx;

import java.util.function.ToIntFunction;

/** What every mock endpoint shares: options, the seeded plan, the metrics, the prompt token counter. */
final class MockContext {
    final MockServerOptions options;
    final Vertx vertx;
    final ServedPlan plan;
    final MockMetrics metrics;
    final ToIntFunction<String> promptTokens;
    final String defaultModel;

    MockContext(MockServerOptions options, Vertx vertx) {
        this.options = options;
        this.vertx = vertx;
        this.plan = new ServedPlan(options);
        this.metrics = new MockMetrics(options.models());
        this.promptTokens = options.promptTokenCounter() != null ? options.promptTokenCounter() : o200kCounter();
        this.defaultModel = options.models().get(0);
    }

    private static ToIntFunction<String> o200kCounter() {
        var encoding = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        return text -> text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
