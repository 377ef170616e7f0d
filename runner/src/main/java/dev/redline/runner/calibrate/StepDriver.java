package dev.redline.runner.calibrate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.ReadinessProbe;
import dev.redline.runner.client.InferenceClient;
import dev.redline.runner.client.RequestFactory;
import dev.redline.runner.dataset.Dataset;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.load.LoadRunner;
import dev.redline.runner.load.PhaseOutcome;
import dev.redline.runner.tokenizer.Tokenizer;
import dev.redline.runner.tokenizer.TokenizerLoader;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.List;
import java.util.function.Function;

/**
 * Runs one load step (a benchmark described by {@code redline profile} flags) through the real engine:
 * dataset, request factory, load runner, HTTP client. One Vert.x instance and one tokenizer serve all
 * steps; each step gets its own client whose pool holds every request it can have in flight.
 */
final class StepDriver implements AutoCloseable {
    /** Pool for an open-model step without a concurrency ceiling (as a profile run). */
    private static final int OPEN_MODEL_POOL = 2500;

    private final Function<List<String>, BenchmarkSpec> specs;
    private final Vertx vertx;
    private Tokenizer tokenizer;

    /** @param specs turns profile flags into a validated spec (the CLI's own flag handling) */
    StepDriver(Function<List<String>, BenchmarkSpec> specs) {
        this.specs = specs;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
    }

    StepResult run(String name, List<String> flags) throws InterruptedException {
        BenchmarkSpec spec = specs.apply(flags);
        if (tokenizer == null) tokenizer = TokenizerLoader.forSpec(spec);
        Dataset dataset = DatasetFactory.build(spec, tokenizer);
        List<PhaseSpec> phases = spec.phases();
        ClientConfig config = ClientConfig.from(spec, LoadRunner.maxInFlight(phases, OPEN_MODEL_POOL));
        StepRecorder recorder = new StepRecorder();
        String problem = new ReadinessProbe(vertx, config).problem();
        if (problem != null) throw new BadInputException(problem);
        InferenceClient client = new InferenceClient(vertx, config);
        try {
            LoadRunner runner = LoadRunner.forSpec(vertx, client, RequestFactory.forConfig(config), dataset, spec, 1L, recorder, null);
            for (int i = 0; i < phases.size() - 1; i++) runner.runPhase(phases.get(i)); // warmup
            PhaseSpec profiling = phases.get(phases.size() - 1);
            long cpu0 = ProcessStats.cpuNs();
            long t0 = System.nanoTime();
            PhaseOutcome outcome = runner.runPhase(profiling);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu1 = ProcessStats.cpuNs();
            int concurrency = profiling.getConcurrency() == null ? 0 : profiling.getConcurrency();
            double rate = profiling.getRate() == null ? Double.NaN : profiling.getRate();
            return new StepResult(name, concurrency, rate, config.streaming(), recorder.completed(), recorder.errors(),
                    seconds, outcome.achievedRate(), outcome.scheduleRate(), cpu0 < 0 ? -1 : cpu1 - cpu0,
                    recorder.ttftNs(), recorder.itlNs(), recorder.sendLagNs(),
                    recorder.chunkAddedNs(), recorder.ttftAddedNs());
        } finally {
            client.closeAsync().await();
        }
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
