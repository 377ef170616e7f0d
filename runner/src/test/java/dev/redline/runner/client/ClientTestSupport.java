package dev.redline.runner.client;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.RequestRecord;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Shared helpers for client tests: configs, blocking send, medians. */
final class ClientTestSupport {
    private ClientTestSupport() { }

    static ClientConfig config(String url, EndpointType type, boolean streaming, int maxInFlight, double timeoutS) {
        return new ClientConfig(url, null, type, streaming, Map.of("X-Test", "1"), "sk-test", timeoutS, maxInFlight,
                streaming, false, Map.of());
    }

    static RequestRecord sendAndWait(InferenceClient client, RequestFactory factory, Turn turn) throws Exception {
        RequestRecord rec = new RequestRecord(0, RequestRecord.Phase.PROFILING);
        CompletableFuture<Void> done = new CompletableFuture<>();
        client.send(factory.build(turn, "test-model"), rec, () -> done.complete(null));
        done.get(20, TimeUnit.SECONDS);
        return rec;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double ms(long ns) { return ns / 1e6; }
}
