package dev.redline.runner.load;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.InferenceClient;
import dev.redline.runner.client.RequestFactory;
import dev.redline.runner.dataset.Dataset;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Wires a client and a LoadRunner against a URL, collecting every record. */
final class LoadHarness implements AutoCloseable {
    final ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();
    final InferenceClient client;
    final LoadRunner runner;

    LoadHarness(Vertx vertx, String url, Dataset dataset, List<String> models, int maxInFlight, double timeoutS) {
        this(vertx, url, dataset, models, maxInFlight, timeoutS, 1.0);
    }

    LoadHarness(Vertx vertx, String url, Dataset dataset, List<String> models, int maxInFlight, double timeoutS, double delayRatio) {
        this(vertx, url, dataset, models, maxInFlight, timeoutS, delayRatio, CacheBust.NONE);
    }

    LoadHarness(Vertx vertx, String url, Dataset dataset, List<String> models, int maxInFlight, double timeoutS, double delayRatio,
                CacheBust cacheBust) {
        ClientConfig cfg = new ClientConfig(url, null, EndpointType.CHAT, true, Map.of(), null, timeoutS, maxInFlight,
                true, false, Map.of());
        client = new InferenceClient(vertx, cfg);
        runner = new LoadRunner(vertx, client, RequestFactory.forConfig(cfg), dataset,
                new ModelSelector(models, "round_robin", 42), records::add, delayRatio, 42, Clock.SYSTEM, cacheBust);
    }

    List<RequestRecord> of(RequestRecord.Phase phase) {
        return records.stream().filter(r -> r.phase() == phase).toList();
    }

    static PhaseSpec rated(LoadType type, double rate, Integer concurrency, Integer requests, Double duration) {
        PhaseSpec p = phase(PhaseKind.PROFILING, concurrency, requests, duration, null);
        p.setType(type);
        p.setRate(rate);
        return p;
    }

    static PhaseSpec phase(PhaseKind kind, Integer concurrency, Integer requests, Double duration, Double grace) {
        PhaseSpec p = new PhaseSpec();
        p.setKind(kind);
        p.setConcurrency(concurrency);
        p.setRequests(requests);
        p.setDuration(duration);
        p.setGracePeriod(grace);
        return p;
    }

    @Override
    public void close() {
        client.close();
    }
}
