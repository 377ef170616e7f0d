package dev.redline.runner.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.export.RecordJsonlWriter;
import dev.redline.runner.live.LiveRun;
import dev.redline.runner.load.ClientSaturation;
import dev.redline.runner.load.LoadProgress;
import dev.redline.runner.load.LoadRunner;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.profile.RecordProcessor;
import dev.redline.runner.profile.RecordRouter;
import dev.redline.runner.profile.RunFacts;
import dev.redline.runner.profile.RunLog;
import dev.redline.runner.profile.RunPipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runner {@code index} &gt; 0 of a distributed run: registers with the coordinator, builds its pipeline from
 * the benchmark the coordinator sends (with its own seed, so each runner draws its own prompts from the
 * same distributions), measures its clock offset, then runs the shares it is handed phase by phase. It
 * keeps its records in a local JSONL file and, when told to stop, streams them and its metrics snapshot
 * (HdrHistograms and counters) to the coordinator.
 */
public final class Agent {
    private static final int RECORDS_CHUNK_BYTES = 256 * 1024;
    private static final long HEARTBEAT_NS = 1_000_000_000L;
    private static final long INTERVAL_NS = 2_000_000_000L;

    private final String coordinator;
    private final int index;
    private final String logLevel;
    private final Duration connectTimeout;
    private final PrintStream err;
    private Integer metricsPort;
    private Map<String, String> metricTags = Map.of();
    private long lastHeartbeat;
    private IntervalFeed intervals;

    public Agent(String coordinator, int index, String logLevel, Duration connectTimeout, PrintStream err) {
        this.coordinator = coordinator;
        this.index = index;
        this.logLevel = logLevel;
        this.connectTimeout = connectTimeout;
        this.err = err;
    }

    /** Also serve this runner's live metrics on {@code port} (0 = any, null = none), with these labels. */
    public Agent withLiveMetrics(Integer port, Map<String, String> tags) {
        this.metricsPort = port;
        this.metricTags = tags;
        return this;
    }

    /** Runs until the coordinator ends the run; returns the exit code (0: results delivered). */
    public int run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("redline-runner-" + index + "-");
        Files.createDirectories(work.resolve("logs"));
        AgentConnection connection;
        try {
            connection = AgentConnection.open(coordinator, index, connectTimeout);
        } catch (IllegalStateException e) {
            err.println("redline: runner " + index + ": " + oneLine(e.getMessage()) + "; check --coordinator");
            deleteQuietly(work);
            return 1;
        }
        try (AgentConnection conn = connection;
             RunLog log = new RunLog(work.resolve("logs").resolve("redline.log"), logLevel, err)) {
            conn.send(Wire.HELLO, Wire.body().put("index", index));
            Wire.Message config = awaitType(conn, Wire.CONFIG, connectTimeout);
            if (config == null) {
                err.println("redline: runner " + index + ": no answer from the coordinator at " + coordinator + " within "
                        + connectTimeout.toSeconds() + " s; check --coordinator and that runner 0 is up");
                return 1;
            }
            try {
                return serve(conn, config.body(), work, log);
            } catch (RuntimeException e) {
                String message = "runner " + index + ": " + oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
                conn.send(Wire.FAILED, Wire.body().put("message", message));
                err.println("redline: " + message);
                return 1;
            }
        } finally {
            deleteQuietly(work);
        }
    }

    private int serve(AgentConnection conn, JsonNode config, Path work, RunLog log) throws IOException, InterruptedException {
        BenchmarkSpec spec = SpecReader.bind((ObjectNode) config.get("spec"), "benchmark from the coordinator", BenchmarkSpec.class);
        long seed = config.path("seed").asLong() + index;
        spec.setRandomSeed(seed);
        boolean records = spec.getArtifacts() == null || !"summary".equals(spec.getArtifacts().resolvedExportLevel());
        // the coordinator already waited for the server; an agent's JVM may start later, on a busy node
        try (RunPipeline pipeline = RunPipeline.open(spec, log, RunPipeline.podServerWait(spec));
             LiveRun live = LiveRun.start(metricsPort, false, metricTags)) {
            if (live.port() >= 0) log.info("Runner " + index + " live metrics at :" + live.port() + "/metrics");
            ClockSync clock = syncClock(conn);
            conn.send(Wire.READY, Wire.body().put("offsetNs", clock.offsetNs()).put("rttNs", clock.rttNs()));
            log.info("Runner " + index + " ready; clock offset " + clock.offsetNs() / 1e6 + " ms (rtt " + clock.rttNs() / 1e6 + " ms)");
            RecordMetricsAccumulator profiling = new RecordMetricsAccumulator(pipeline.metricsContext());
            intervals = new IntervalFeed(pipeline.metricsContext(), INTERVAL_NS);
            Path jsonlFile = work.resolve(RecordJsonlWriter.FILE_NAME);
            RecordJsonlWriter jsonl = records ? new RecordJsonlWriter(jsonlFile, profiling.recordMetricsView(), index) : null;
            RecordRouter router = new RecordRouter(profiling, jsonl);
            ClientSaturation saturation;
            try (RecordProcessor processor = pipeline.processor(r -> {
                router.accept(r);
                intervals.add(r);
                live.record(r);
            })) {
                LoadRunner runner = pipeline.loadRunner(seed, processor);
                live.attach(runner.progress());
                runPhases(conn, runner, clock, log, live);
                saturation = runner.clientSaturation();
            } finally {
                if (jsonl != null) jsonl.close();
            }
            live.finish();
            if (records) sendRecords(conn, jsonlFile);
            ObjectNode result = Wire.body();
            result.set("snapshot", Wire.JSON.valueToTree(profiling.snapshot(false)));
            // this runner's own evidence of whether it kept up: the coordinator lists it per runner
            result.set("client_saturation", RunFacts.saturationNode(saturation));
            conn.send(Wire.RESULT, result);
            return 0;
        }
    }

    private ClockSync syncClock(AgentConnection conn) {
        ClockSync clock = new ClockSync();
        for (int i = 0; i < ClockSync.SAMPLES; i++) {
            long t0 = ClockSync.wallNowNs();
            long sentNanos = System.nanoTime();
            conn.send(Wire.PING, Wire.body().put("t0", t0));
            Wire.Message pong = awaitType(conn, Wire.PONG, Duration.ofSeconds(10));
            if (pong == null) throw new IllegalStateException("the coordinator did not answer a clock ping within 10 s");
            long rtt = System.nanoTime() - sentNanos;
            clock.sample(pong.body().path("t0").asLong(), pong.body().path("t1").asLong(), rtt);
        }
        return clock;
    }

    /** Runs every GO until END or ABORT. */
    private void runPhases(AgentConnection conn, LoadRunner runner, ClockSync clock, RunLog log, LiveRun live) throws InterruptedException {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "redline-runner-phase"));
        try {
            while (true) {
                Wire.Message m = conn.recv(200);
                heartbeat(conn, runner.progress());
                if (m == null) continue;
                if (Wire.END.equals(m.type()) || Wire.ABORT.equals(m.type())) return;
                if (!Wire.GO.equals(m.type())) continue;
                int phase = m.body().path("phase").asInt();
                JsonNode shareNode = m.body().get("share");
                PhaseSpec share = shareNode == null || shareNode.isNull() ? null
                        : SpecReader.bind((ObjectNode) shareNode, "phase share from the coordinator", PhaseSpec.class);
                sleepUntilWall(m.body().path("startAtNs").asLong() - clock.offsetNs());
                boolean aborted = false;
                if (share != null) {
                    live.phaseStarting(share.resolvedName());
                    log.debug("Runner " + index + " phase " + phase + ": " + describe(share));
                    aborted = runWhileListening(conn, worker, runner, share);
                }
                LoadProgress p = runner.progress();
                conn.send(Wire.DONE, Wire.body().put("phase", phase).put("sent", p.sent())
                        .put("completed", p.completed()).put("errors", p.errors()));
                if (aborted) return;
            }
        } finally {
            worker.shutdownNow();
            worker.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Runs the share on the worker thread while answering the socket; true when the coordinator aborted. */
    private boolean runWhileListening(AgentConnection conn, ExecutorService worker, LoadRunner runner, PhaseSpec share)
            throws InterruptedException {
        Future<?> f = worker.submit(() -> {
            runner.runPhase(share);
            return null;
        });
        boolean aborted = false;
        while (!f.isDone()) {
            Wire.Message m = conn.recv(50);
            heartbeat(conn, runner.progress());
            if (m != null && Wire.ABORT.equals(m.type())) {
                aborted = true;
                f.cancel(true);
            }
        }
        try {
            f.get();
        } catch (CancellationException e) {
            // aborted: the records so far still count
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException(String.valueOf(c), c);
        }
        return aborted;
    }

    private void heartbeat(AgentConnection conn, LoadProgress p) {
        for (var snapshot : intervals.drain()) {
            ObjectNode body = Wire.body();
            body.set("snapshot", Wire.JSON.valueToTree(snapshot));
            conn.send(Wire.INTERVAL, body);
        }
        long now = System.nanoTime();
        if (now - lastHeartbeat < HEARTBEAT_NS) return;
        lastHeartbeat = now;
        conn.send(Wire.HEARTBEAT, Wire.body().put("phase", p.phaseName()).put("sent", p.sent()).put("completed", p.completed()));
    }

    /** Streams the JSONL in chunks of whole lines. */
    private static void sendRecords(AgentConnection conn, Path file) throws IOException {
        StringBuilder chunk = new StringBuilder();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                chunk.append(line).append('\n');
                if (chunk.length() >= RECORDS_CHUNK_BYTES) {
                    conn.send(Wire.RECORDS, Wire.body().put("jsonl", chunk.toString()));
                    chunk.setLength(0);
                }
            }
        }
        if (chunk.length() > 0) conn.send(Wire.RECORDS, Wire.body().put("jsonl", chunk.toString()));
    }

    private static Wire.Message awaitType(AgentConnection conn, String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Wire.Message m = conn.recv(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (m != null && type.equals(m.type())) return m;
        }
        return null;
    }

    private static void sleepUntilWall(long wallNs) throws InterruptedException {
        long waitNs = wallNs - ClockSync.wallNowNs();
        if (waitNs > 0) Thread.sleep(Math.min(waitNs / 1_000_000, 1000), (int) (waitNs % 1_000_000));
    }

    private static String describe(PhaseSpec s) {
        return "concurrency=" + s.getConcurrency() + " requests=" + s.getRequests() + " sessions=" + s.getSessions()
                + " rate=" + s.getRate();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
