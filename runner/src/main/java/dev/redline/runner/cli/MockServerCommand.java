package dev.redline.runner.cli;

import dev.redline.runner.BadInputException;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.mock.fault.FaultPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code redline mock-server}: an OpenAI-compatible fake LLM server with known latencies (docs/mock-server.md). */
@Command(name = "mock-server", mixinStandardHelpOptions = true,
        description = "Run an OpenAI-compatible fake LLM server with known TTFT/ITL, or a simulated batching engine (ground truth for tests and demos).")
public final class MockServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port to listen on, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int port = 8000;

    @Option(names = "--ttft-ms", description = "Time to first token in ms (default: ${DEFAULT-VALUE}).")
    double ttftMs = 20;

    @Option(names = "--itl-ms", description = "Inter-token latency in ms (default: ${DEFAULT-VALUE}).")
    double itlMs = 5;

    @Option(names = "--jitter-ms", description = "Max seeded extra delay added to TTFT and each gap, ms (default: ${DEFAULT-VALUE}).")
    double jitterMs = 0;

    @Option(names = "--error-rate", description = "Fraction 0..1 of requests answered with HTTP 500 (default: ${DEFAULT-VALUE}).")
    double errorRate = 0;

    @Option(names = "--reasoning-tokens", description = "Chat: first N output tokens are reasoning_content (default: ${DEFAULT-VALUE}).")
    int reasoningTokens = 0;

    @Option(names = "--random-seed", description = "Seed for errors, faults, jitter and words (default: ${DEFAULT-VALUE}).")
    long randomSeed = 0;

    @Option(names = "--default-output-tokens",
            description = "Output tokens when a request has no max_tokens/max_completion_tokens (default: ${DEFAULT-VALUE}).")
    int defaultOutputTokens = MockServerOptions.DEFAULT_OUTPUT_TOKENS;

    @Option(names = "--dcgm-port", description = "Also serve simulated DCGM GPU metrics on this port (0 = any free port); off by default.")
    Integer dcgmPort;

    @Option(names = "--grpc-port", description = "Also serve KServe v2 / Triton gRPC inference (ModelInfer, ModelStreamInfer) on this port "
            + "(0 = any free port); off by default.")
    Integer grpcPort;

    @Option(names = "--embedding-dims", description = "Length of embedding vectors (default: ${DEFAULT-VALUE}).")
    int embeddingDims = 768;

    @Option(names = "--model", description = "Model name served by /v1/models; repeat for several (default: mock-model).")
    List<String> models = List.of("mock-model");

    @Option(names = "--spec-decode-draft-tokens", paramLabel = "K", description = "Chat/completions: send vLLM's per-request "
            + "metrics.speculative_decoding object, drafting K tokens per verify step; 0 = off (default: ${DEFAULT-VALUE}).")
    int specDecodeDraftTokens = 0;

    @Option(names = "--spec-decode-acceptance", paramLabel = "P", description = "Probability 0..1 that each draft is accepted, given the "
            + "ones before it were (seeded by --random-seed; default: ${DEFAULT-VALUE}).")
    double specDecodeAcceptance = 0.7;

    @Mixin MockFaultOptions faults = new MockFaultOptions();
    @Mixin MockEngineOptions engine = new MockEngineOptions();
    @Mixin PrintModelOptions printModel = new PrintModelOptions();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
        PrintWriter out = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        MockServerOptions options;
        try {
            String problem = problem();
            if (problem != null) throw new BadInputException(problem);
            options = options();
            if (printModel.requested()) return printModel.print(options.engine(), randomSeed, out);
        } catch (BadInputException e) {
            err.println("redline mock-server: " + e.getMessage());
            err.flush();
            return 2;
        }
        MockServer server;
        try {
            server = MockServer.start(options);
        } catch (IllegalStateException e) {
            String cause = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            err.println("redline mock-server: cannot listen on " + host + ":" + port + " (" + cause
                    + "); choose another --port, or --port 0 for any free port");
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        out.println("Mock server listening on " + server.baseUrl() + (options.engine() != null ? " (engine: sim)" : ""));
        if (server.grpcBaseUrl() != null) out.println("KServe v2 gRPC inference on " + server.grpcBaseUrl());
        if (server.dcgmBaseUrl() != null) out.println("DCGM exporter simulator on " + server.dcgmBaseUrl() + "/metrics");
        FaultLog faultLog = FaultLog.start(server, out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            faultLog.finish();
            server.close();
            stopped.countDown();
        }, "mock-server-shutdown"));
        out.flush();
        stopped.await();
        return 0;
    }

    /** The server options these flags describe. */
    public MockServerOptions options() {
        return new MockServerOptions().host(host).port(port).ttftMs(ttftMs).itlMs(itlMs).jitterMs(jitterMs)
                .errorRate(errorRate).reasoningTokens(reasoningTokens).randomSeed(randomSeed)
                .defaultOutputTokens(defaultOutputTokens).embeddingDims(embeddingDims).models(models)
                .dcgmPort(dcgmPort).grpcPort(grpcPort).faults(faults.faults()).engine(engine.config())
                .specDecodeDraftTokens(specDecodeDraftTokens).specDecodeAcceptance(specDecodeAcceptance);
    }

    /** One line naming the bad flag and the fix, or null. */
    String problem() {
        if (host == null || host.isBlank()) return "--host must not be empty; use e.g. --host 127.0.0.1";
        if (dcgmPort != null && (dcgmPort < 0 || dcgmPort > 65535)) return "--dcgm-port " + dcgmPort + " is out of range; use 0..65535 (0 = any free port)";
        if (grpcPort != null && (grpcPort < 0 || grpcPort > 65535)) return "--grpc-port " + grpcPort + " is out of range; use 0..65535 (0 = any free port)";
        if (port < 0 || port > 65535) return "--port " + port + " is out of range; use 0..65535 (0 = any free port)";
        String latency = latency("--ttft-ms", ttftMs);
        if (latency == null) latency = latency("--itl-ms", itlMs);
        if (latency == null) latency = latency("--jitter-ms", jitterMs);
        if (latency != null) return latency;
        if (!(errorRate >= 0 && errorRate <= 1)) {
            return "--error-rate " + errorRate + " is not a fraction; use 0..1 (e.g. --error-rate 0.05 for 5%)";
        }
        if (reasoningTokens < 0) return "--reasoning-tokens " + reasoningTokens + " is negative; use 0 or more";
        if (defaultOutputTokens < 1) return "--default-output-tokens " + defaultOutputTokens + " must be at least 1";
        if (specDecodeDraftTokens < 0 || specDecodeDraftTokens > 64) {
            return "--spec-decode-draft-tokens " + specDecodeDraftTokens + " is out of range; use 0..64 (0 = off)";
        }
        if (!(specDecodeAcceptance >= 0 && specDecodeAcceptance <= 1)) {
            return "--spec-decode-acceptance " + specDecodeAcceptance + " is not a probability; use 0..1 (e.g. 0.7)";
        }
        if (embeddingDims < 1) return "--embedding-dims " + embeddingDims + " must be at least 1";
        if (models == null || models.isEmpty() || models.stream().anyMatch(m -> m == null || m.isBlank())) {
            return "--model must name a model, e.g. --model mock-model";
        }
        CommandLine.ParseResult parsed = spec != null ? spec.commandLine().getParseResult() : null;
        String unused = PrintModelOptions.givenWithoutPrint(parsed);
        if (unused != null) return unused + " applies to --print-model; add --print-model (or drop " + unused + ")";
        if (engine.simulated() && parsed != null) {
            for (String fixedOnly : List.of("--ttft-ms", "--itl-ms", "--jitter-ms")) {
                if (parsed.hasMatchedOption(fixedOnly)) {
                    return fixedOnly + " applies to --engine fixed; with --engine sim the step-time flags set latency (--step-base-ms ...)";
                }
            }
        }
        try {
            // --error-rate and --fault rates together
            FaultPlan.validate(new MockServerOptions().errorRate(errorRate).faults(faults.faults()).effectiveFaults());
        } catch (IllegalArgumentException e) {
            return "--error-rate/--fault: " + e.getMessage();
        }
        return null;
    }

    private static String latency(String flag, double ms) {
        if (ms >= 0 && !Double.isInfinite(ms)) return null;
        return flag + " " + ms + " is not a valid latency; use a number of milliseconds >= 0 (e.g. " + flag + " 5)";
    }
}
