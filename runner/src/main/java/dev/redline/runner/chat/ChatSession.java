package dev.redline.runner.chat;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.InferenceClient;
import dev.redline.runner.client.PreparedRequest;
import dev.redline.runner.client.ReadinessProbe;
import dev.redline.runner.client.RequestFactory;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.dataset.media.MediaParts;
import dev.redline.runner.metrics.MetricValue;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.RecordMetricsView;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.Usage;
import dev.redline.runner.tokenizer.Tokenizer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code redline chat}: one streamed chat request at a time through the same client, request encoding and metric
 * definitions as {@code profile}, so a turn's TTFT, ITL and token counts mean what they mean in a benchmark. Keeps
 * the conversation (unless stateless) and resends it each turn, as a chat client does.
 */
public final class ChatSession implements AutoCloseable {
    /**
     * One answered turn: the reply's text and reasoning, its metrics in display units, the server's cached prompt
     * tokens (-1: not reported); or why it failed.
     */
    public record Reply(String text, String reasoning, Map<String, MetricValue> metrics, int reasoningTokens,
                        int cachedPromptTokens, String error) { }

    private final BenchmarkSpec spec;
    private final Tokenizer tokenizer;
    private final boolean keepHistory;
    private final Vertx vertx;
    private final InferenceClient client;
    private final RequestFactory factory;
    private final RecordMetricsView metrics;
    private final List<ChatMessage> history = new ArrayList<>();
    private final String systemPrompt;
    private long turns;

    /** {@code spec}: a streaming chat endpoint and one model; the server is probed first (one line when it is not there). */
    public ChatSession(BenchmarkSpec spec, Tokenizer tokenizer, String systemPrompt, boolean keepHistory) {
        this.spec = spec;
        this.tokenizer = tokenizer;
        this.systemPrompt = systemPrompt;
        this.keepHistory = keepHistory;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        ClientConfig config = ClientConfig.from(spec, 1);
        this.client = new InferenceClient(vertx, config, 1);
        this.factory = RequestFactory.forConfig(config);
        this.metrics = new RecordMetricsView(MetricsContext.of(config.endpointType(), true));
        String problem = new ReadinessProbe(vertx, config).problem();
        if (problem != null) {
            close();
            throw new BadInputException(problem);
        }
    }

    /** Sends {@code message} (after the conversation so far) and waits for the whole reply. */
    public Reply send(String message) throws InterruptedException {
        String model = spec.getModels().get(0);
        Turn turn = new Turn(List.of(message), systemPrompt, null, tokenizer.count(message), null, null, null);
        PreparedRequest req = factory.buildOnce(turn, model, List.copyOf(history), null);
        RequestRecord rec = new RequestRecord(turns++, RequestRecord.Phase.PROFILING);
        rec.setModel(model);
        rec.setInputTokens(turn.inputTokens());
        CompletableFuture<Void> done = new CompletableFuture<>();
        client.send(req, rec, () -> done.complete(null));
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (rec.isError()) return new Reply(rec.outputText(), rec.reasoningText(), Map.of(), 0, -1, describe(rec));
        String text = rec.outputText();
        String reasoning = rec.reasoningText();
        rec.setOutputTokens(tokenizer.count(text));
        rec.setReasoningTokens(tokenizer.count(reasoning));
        Usage usage = rec.usage();
        // the server's prompt count is the ISL: the client cannot reproduce its chat template (AIPerf's chat does the same)
        if (usage != null && usage.promptTokens() >= 0) rec.setInputTokens(usage.promptTokens());
        if (keepHistory) {
            history.add(new ChatMessage("user", message, MediaParts.NONE));
            // the reasoning only stands in for a reply without content, as chat APIs replay assistant turns
            history.add(new ChatMessage("assistant", text.isEmpty() ? reasoning : text, MediaParts.NONE));
        }
        return new Reply(text, reasoning, metrics.compute(rec), rec.reasoningTokens(),
                usage == null ? -1 : usage.cachedPromptTokens(), null);
    }

    private static String describe(RequestRecord rec) {
        var e = rec.error();
        return e.code() > 0 ? "HTTP " + e.code() + " " + e.type() + ": " + e.message() : e.type() + ": " + e.message();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            vertx.close().await();
        }
    }
}
