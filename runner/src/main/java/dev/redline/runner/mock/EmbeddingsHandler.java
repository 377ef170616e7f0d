package dev.redline.runner.mock;

import dev.redline.runner.client.SourceStamp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /v1/embeddings}: one deterministic unit vector per input (seeded by the text's hash, so the
 * same text always gets the same vector), answered after ttft.
 */
final class EmbeddingsHandler extends InferenceHandler {
    EmbeddingsHandler(MockContext ctx) {
        super(ctx);
    }

    @Override
    protected InferenceRequest parse(HttpServerRequest request, Buffer body) throws InferenceRequest.BadRequest {
        return InferenceRequest.embeddings(InferenceRequest.json(body), ctx.defaultModel);
    }

    @Override
    protected void serve(HttpServerResponse response, InferenceRequest req, long index, long received, ResponseFault fault) {
        int promptTokens = 0;
        for (String input : req.inputs) promptTokens += ctx.promptTokens.applyAsInt(input);
        MockMetrics.ModelStats model = ctx.metrics.model(req.model);
        ctx.metrics.started(model, promptTokens);
        String text = body(req.model, req.inputs, promptTokens, ctx.options.embeddingDims());
        long delay = received + ctx.plan.ttftNanos(index) - System.nanoTime();
        Runnable finish = () -> {
            if (req.stamps) response.putHeader(SourceStamp.SENT_HEADER, Long.toString(System.nanoTime()));
            fault.sendWhole(response, text);
            ctx.metrics.finished(model, fault.completes(), -1, (System.nanoTime() - received) / 1e9);
        };
        if (delay <= 0) finish.run();
        else ctx.vertx.timer(delay, TimeUnit.NANOSECONDS).onComplete(ar -> finish.run());
    }

    static String body(String model, List<String> inputs, int promptTokens, int dims) {
        StringBuilder b = new StringBuilder(64 + inputs.size() * dims * 10);
        b.append("{\"object\":\"list\",\"data\":[");
        for (int i = 0; i < inputs.size(); i++) {
            if (i > 0) b.append(',');
            b.append("{\"object\":\"embedding\",\"index\":").append(i).append(",\"embedding\":[");
            appendVector(b, inputs.get(i), dims);
            b.append("]}");
        }
        b.append("],\"model\":").append(JsonText.quote(model))
                .append(",\"usage\":{\"prompt_tokens\":").append(promptTokens)
                .append(",\"total_tokens\":").append(promptTokens).append("}}");
        return b.toString();
    }

    private static void appendVector(StringBuilder b, String text, int dims) {
        SeededDice dice = new SeededDice(text.hashCode());
        double[] v = new double[dims];
        double norm = 0;
        for (int d = 0; d < dims; d++) {
            v[d] = dice.uniform(d, 0) * 2 - 1;
            norm += v[d] * v[d];
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < dims; d++) {
            if (d > 0) b.append(',');
            b.append(norm == 0 ? 0f : (float) (v[d] / norm)); // float text: short, and valid JSON (may use E-notation)
        }
    }
}
