package dev.redline.runner.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.api.v1alpha1.ProgressStatus;
import dev.redline.runner.load.LoadProgress;
import dev.redline.runner.load.LoadRunner;
import dev.redline.runner.metrics.MetricsSnapshot;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.profile.PhaseDriver;
import dev.redline.runner.profile.PhaseHooks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runner 0 of a distributed run, plugged into {@link dev.redline.runner.profile.ProfileRun} as its
 * {@link PhaseDriver}: it sends the benchmark to the agents, holds the start barrier until every agent is
 * ready, hands out each phase's shares ({@link WorkSplit}) with a common start time and waits for all
 * runners to finish a phase before the next starts. At the end it merges every agent's metrics snapshot
 * (HdrHistograms, so percentiles equal those of one histogram over all records) and appends the agents'
 * records to {@code profile_export.jsonl}. An agent failure stops the run after the current phase; what
 * was measured is still merged and exported, and {@link #failure()} says what went wrong.
 */
public final class Coordinator implements PhaseDriver {
    /** Silence after which a ready agent counts as lost (agents send a heartbeat every second). */
    static final Duration AGENT_SILENCE = Duration.ofSeconds(30);
    private static final long START_DELAY_NS = 100_000_000L;
    private static final long POLL_MS = 50;

    private final CoordinatorServer server;
    private final BenchmarkSpec spec;
    private final int runners;
    private final Duration registrationTimeout;
    private final Duration resultTimeout;
    private final Consumer<String> log;
    private final Map<String, AgentState> agents = new LinkedHashMap<>();
    private final List<String> pendingRecords = new ArrayList<>();
    private final long baseSeed;
    private OutputStream recordsOut;
    private String failure;
    private long ownValid = -1;
    private long ownErrors;
    // read by progress() on another thread
    private volatile LoadRunner activeRunner;
    private volatile PhaseSpec activePhase;
    private volatile long activePhaseStartNanos;

    /**
     * @param spec the benchmark; read when the run starts, so settings made after construction (e.g. the
     *             embedded mock server's URL) reach the agents
     */
    public Coordinator(CoordinatorServer server, BenchmarkSpec spec, int runners, Duration registrationTimeout,
                       Duration resultTimeout, Consumer<String> log) {
        this.server = server;
        this.spec = spec;
        this.runners = runners;
        this.registrationTimeout = registrationTimeout;
        this.resultTimeout = resultTimeout;
        this.log = log;
        this.baseSeed = spec.getRandomSeed() != null ? spec.getRandomSeed() : ThreadLocalRandom.current().nextLong();
        for (int i = 1; i < runners; i++) {
            AgentState a = new AgentState(i);
            agents.put(a.identity, a);
        }
    }

    /** What stopped the run early (an agent failed or never came), or null when every runner finished. */
    public String failure() { return failure; }

    /** Notes that a local agent process ended (used by {@link AgentProcesses}); thread-safe. */
    void agentExited(int index, int exitCode) {
        server.inject(new Wire.Message(AgentConnection.identity(index), Wire.FAILED,
                Wire.body().put("message", "runner " + index + " exited with code " + exitCode
                        + " before reporting its results").put("exit", true)));
    }

    @Override
    public void run(LoadRunner runner, List<PhaseSpec> phases, PhaseHooks hooks) throws InterruptedException {
        startBarrier();
        if (failure != null) return;
        for (int i = 0; i < phases.size(); i++) {
            PhaseSpec phase = phases.get(i);
            boolean fixed = runner.isFixedSchedule(phase);
            var plan = runner.plan(phase);
            long startAt = ClockSync.wallNowNs() + START_DELAY_NS;
            for (AgentState a : agents.values()) {
                PhaseSpec share = WorkSplit.share(phase, plan, fixed, runners, a.index);
                ObjectNode go = Wire.body().put("phase", i).put("startAtNs", startAt);
                go.set("share", share == null ? null : SpecReader.mapper().valueToTree(share));
                server.send(a.identity, Wire.GO, go);
            }
            PhaseSpec own = WorkSplit.share(phase, plan, fixed, runners, 0);
            sleepUntilWall(startAt);
            hooks.before(phase);
            activeRunner = runner;
            activePhaseStartNanos = System.nanoTime();
            activePhase = phase;
            dev.redline.runner.load.PhaseOutcome outcome = own == null ? null : runner.runPhase(own);
            int phaseIndex = i;
            await(a -> a.donePhase >= phaseIndex, null, "phase " + phase.resolvedName());
            hooks.after(phase, outcome);
            if (failure != null) break;
        }
        for (AgentState a : agents.values()) stop(a, Wire.END);
    }

    /** Sends CONFIG to each agent as it registers and waits until all are READY. */
    private void startBarrier() throws InterruptedException {
        for (AgentState a : agents.values()) if (a.registered) sendConfig(a);
        await(a -> a.ready, registrationTimeout, "registration");
        if (failure == null && !agents.isEmpty()) {
            log.accept("All " + runners + " runners ready; clock offsets (ms): " + offsetsText());
        }
    }

    private void sendConfig(AgentState a) {
        ObjectNode config = Wire.body().put("runners", runners).put("seed", baseSeed);
        config.set("spec", SpecReader.mapper().valueToTree(spec));
        server.send(a.identity, Wire.CONFIG, config);
        a.configSent = true;
    }

    @Override
    public void complete(RecordMetricsAccumulator profiling, Path recordsJsonl, boolean interrupted) throws IOException {
        Thread.interrupted(); // a stop request: still collect the agents' partial results (bounded below)
        try {
            MetricsSnapshot own = profiling.snapshot(false);
            ownValid = own.validCount();
            ownErrors = own.errorCount();
            if (interrupted && failure == null) failure = "the run was interrupted";
            for (AgentState a : agents.values()) stop(a, interrupted ? Wire.ABORT : Wire.END);
            if (recordsJsonl != null) recordsOut = Files.newOutputStream(recordsJsonl, StandardOpenOption.APPEND);
            try {
                for (String chunk : pendingRecords) writeRecords(chunk);
                await(AgentState::finished, interrupted ? Duration.ofSeconds(10) : resultTimeout, "results");
            } finally {
                if (recordsOut != null) recordsOut.close();
                recordsOut = null;
            }
            for (AgentState a : agents.values()) {
                // an agent that never sent its result still counts up to its last interval
                List<MetricsSnapshot> parts = a.result != null ? List.of(a.result) : a.intervals;
                for (MetricsSnapshot s : parts) {
                    profiling.merge(RecordMetricsAccumulator.fromSnapshot(profiling.context(), shifted(s, a.offsetNs)));
                }
            }
        } catch (InterruptedException e) {
            // a second stop request: export what has been merged so far
        }
    }

    /** An agent's snapshot with its wall-clock bounds moved onto the coordinator's clock. */
    private static MetricsSnapshot shifted(MetricsSnapshot s, long offsetNs) {
        long min = s.minRequestWallNs() == Long.MAX_VALUE ? s.minRequestWallNs() : s.minRequestWallNs() + offsetNs;
        long max = s.maxResponseWallNs() == Long.MIN_VALUE ? s.maxResponseWallNs() : s.maxResponseWallNs() + offsetNs;
        return new MetricsSnapshot(s.version(), s.validCount(), s.errorCount(), s.cancelledCount(), s.lateCount(),
                s.goodCount(), min, max, s.counters(), s.errors(), s.distributions(), s.specDecodeHistogram());
    }

    private void stop(AgentState a, String type) {
        if (a.stopped || a.failure != null) return;
        server.send(a.identity, type, Wire.body());
        a.stopped = true;
    }

    /**
     * Handles messages until every agent satisfies {@code done}, an agent fails (then it returns at once,
     * except while collecting results) or {@code timeout} passes.
     */
    private void await(Predicate<AgentState> done, Duration timeout, String stage) throws InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        boolean collecting = "results".equals(stage);
        while (true) {
            if (agents.values().stream().allMatch(a -> done.test(a) || (collecting && a.failure != null))) return;
            if (!collecting && failure != null) return;
            if (System.nanoTime() > deadline) {
                long missing = agents.values().stream().filter(a -> !done.test(a)).count();
                String what = collecting ? missing + " runner(s) sent no results within " + timeout.toSeconds() + " s"
                        : missing + " of " + agents.size() + " agent runner(s) were not ready within "
                        + timeout.toSeconds() + " s; check that they can reach the coordinator on port " + server.port();
                if (failure == null) failure = what;
                log.accept("redline: " + what);
                return;
            }
            Wire.Message m = server.poll(POLL_MS);
            if (m != null) handle(m);
            checkSilence();
        }
    }

    private void checkSilence() {
        long now = System.nanoTime();
        for (AgentState a : agents.values()) {
            if (a.ready && !a.finished() && now - a.lastSeenNanos > AGENT_SILENCE.toNanos()) {
                fail(a, "runner " + a.index + " stopped responding (nothing heard for " + AGENT_SILENCE.toSeconds() + " s)");
            }
        }
    }

    private void handle(Wire.Message m) throws InterruptedException {
        AgentState a = agents.get(m.identity());
        if (a == null) {
            log.accept("redline: ignoring a message from unknown runner '" + m.identity() + "' (expected runner-1..runner-"
                    + (runners - 1) + ")");
            return;
        }
        a.lastSeenNanos = System.nanoTime();
        JsonNode b = m.body();
        switch (m.type()) {
            case Wire.HELLO -> {
                a.registered = true;
                if (!a.configSent) sendConfig(a);
            }
            case Wire.READY -> {
                a.ready = true;
                a.offsetNs = b.path("offsetNs").asLong();
                a.rttNs = b.path("rttNs").asLong();
            }
            case Wire.HEARTBEAT -> {
                a.sent = b.path("sent").asLong(a.sent);
                a.completed = b.path("completed").asLong(a.completed);
            }
            case Wire.DONE -> {
                a.donePhase = Math.max(a.donePhase, b.path("phase").asInt());
                a.sent = b.path("sent").asLong();
                a.completed = b.path("completed").asLong();
                a.errors = b.path("errors").asLong();
            }
            case Wire.INTERVAL -> {
                try {
                    a.intervals.add(Wire.JSON.treeToValue(b.get("snapshot"), MetricsSnapshot.class));
                } catch (IOException | IllegalArgumentException e) {
                    log.accept("redline: ignoring an unreadable interval from runner " + a.index + " (" + e.getMessage() + ")");
                }
            }
            case Wire.RECORDS -> {
                String chunk = b.path("jsonl").asText();
                if (recordsOut == null) pendingRecords.add(chunk);
                else writeRecords(chunk);
            }
            case Wire.RESULT -> {
                try {
                    a.result = Wire.JSON.treeToValue(b.get("snapshot"), MetricsSnapshot.class);
                    a.saturation = b.get("client_saturation");
                } catch (IOException | IllegalArgumentException e) {
                    fail(a, "runner " + a.index + " sent unreadable results (" + e.getMessage() + ")");
                }
            }
            case Wire.FAILED -> {
                if (a.result == null && !(b.path("exit").asBoolean() && a.failure != null)) {
                    fail(a, b.path("message").asText("runner " + a.index + " failed"));
                }
            }
            default -> log.accept("redline: ignoring unknown message " + m.type() + " from runner " + a.index);
        }
    }

    private void fail(AgentState a, String message) {
        a.failure = message;
        if (failure == null) failure = message;
        log.accept("redline: " + message);
    }

    private void writeRecords(String chunk) {
        try {
            recordsOut.write(chunk.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleepUntilWall(long wallNs) throws InterruptedException {
        long waitNs = wallNs - ClockSync.wallNowNs();
        if (waitNs > 0) Thread.sleep(Math.min(waitNs / 1_000_000, 1000), (int) (waitNs % 1_000_000));
    }

    private String offsetsText() {
        StringBuilder sb = new StringBuilder();
        for (AgentState a : agents.values()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(a.index).append(": ").append(String.format(java.util.Locale.ROOT, "%+.3f", a.offsetNs / 1e6))
                    .append(" (rtt ").append(String.format(java.util.Locale.ROOT, "%.3f", a.rttNs / 1e6)).append(')');
        }
        return sb.toString();
    }

    /**
     * Whole-run progress of the phase now running, or null before the first phase: requests finished by
     * this runner (live) plus each agent's count from its latest heartbeat (at most about a second old) if
     * that heartbeat is already for this phase; {@code runnersReporting} says how many runners are counted.
     * Safe to call from any thread.
     */
    public ProgressStatus progress() {
        LoadRunner runner = activeRunner;
        PhaseSpec phase = activePhase;
        if (runner == null || phase == null) return null;
        String name = phase.resolvedName();
        LoadProgress own = runner.progress();
        long completed = name.equals(own.phaseName()) ? own.completed() : 0;
        int reporting = 1;
        for (AgentState a : agents.values()) {
            JsonNode beat = server.lastHeartbeat(a.identity);
            if (beat != null && name.equals(beat.path("phase").asText())) {
                completed += beat.path("completed").asLong();
                reporting++;
            }
        }
        ProgressStatus p = new ProgressStatus();
        p.setPhase(name);
        p.setRequestsCompleted(completed);
        p.setRequestsTotal(phase.getRequests() == null ? null : phase.getRequests().longValue());
        p.setElapsedSeconds(Math.round((System.nanoTime() - activePhaseStartNanos) / 1e8) / 10.0);
        p.setDurationSeconds(phase.getDuration());
        p.setRunnersReporting(reporting);
        p.setRunners(runners);
        return p;
    }

    @Override
    public ObjectNode summaryExtras() {
        ObjectNode d = Wire.body().put("runners", runners).put("merge", "hdrhistogram");
        d.put("failure", failure);
        ArrayNode per = d.putArray("per_runner");
        per.addObject().put("index", 0).put("request_count", Math.max(ownValid, 0)).put("error_request_count", ownErrors)
                .put("clock_offset_ms", 0.0).put("clock_rtt_ms", 0.0);
        for (AgentState a : agents.values()) {
            ObjectNode o = per.addObject().put("index", a.index);
            if (a.result != null) {
                o.put("request_count", a.result.validCount()).put("error_request_count", a.result.errorCount());
            } else if (!a.intervals.isEmpty()) {
                o.put("request_count", a.intervals.stream().mapToLong(MetricsSnapshot::validCount).sum())
                        .put("error_request_count", a.intervals.stream().mapToLong(MetricsSnapshot::errorCount).sum())
                        .put("partial", true);
            }
            o.put("clock_offset_ms", a.offsetNs / 1e6).put("clock_rtt_ms", a.rttNs / 1e6);
            if (a.saturation != null && a.saturation.isObject()) {
                o.put("client_saturated", a.saturation.path("saturated").asBoolean(false));
                o.set("client_saturation", a.saturation);
            }
            if (a.failure != null) o.put("failure", a.failure);
        }
        ObjectNode out = Wire.body();
        out.set("distributed", d);
        return out;
    }
}
