package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.CancellationSpec;
import dev.redline.api.v1alpha1.FixedScheduleSpec;
import dev.redline.api.v1alpha1.SessionsSpec;
import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Load flags of {@code redline profile} (AIPerf names). Profiling flags set the spec's profiling phase,
 * {@code --warmup-*} flags its warmup phase (created when any warmup flag is given, inheriting the
 * profiling phase's load settings unless overridden). Flags override the file.
 */
public class LoadOptions implements SpecOptions {
    @Option(names = "--concurrency", paramLabel = "N", description = "Requests (sessions, multi-turn) in flight at once; with --request-rate a ceiling.")
    Integer concurrency;

    @Option(names = {"--request-count", "--num-requests"}, paramLabel = "N", description = "Stop after sending N requests.")
    Integer requestCount;

    @Option(names = {"--benchmark-duration", "--duration"}, paramLabel = "SECONDS", description = "Stop sending after this many seconds.")
    Double duration;

    @Option(names = "--benchmark-grace-period", paramLabel = "SECONDS", converter = SecondsConverter.class,
            description = "Seconds to wait for in-flight responses after --benchmark-duration ('inf' = forever). Default 30.")
    Double gracePeriod;

    @Option(names = "--request-rate", paramLabel = "RPS", description = "Open model: target requests per second.")
    Double requestRate;

    @Option(names = {"--arrival-pattern", "--request-rate-mode"}, paramLabel = "PATTERN", converter = PatternConverter.class,
            description = "Inter-arrival distribution with --request-rate: constant, poisson (default) or gamma.")
    LoadType arrivalPattern;

    @Option(names = {"--arrival-smoothness", "--vllm-burstiness"}, paramLabel = "K",
            description = "Gamma shape for --arrival-pattern gamma (1 = Poisson, <1 bursty, >1 smooth).")
    Double smoothness;

    @Option(names = "--concurrency-ramp-duration", paramLabel = "SECONDS", description = "Ramp concurrency from 1 to its target over this time.")
    Double concurrencyRamp;

    @Option(names = "--request-rate-ramp-duration", paramLabel = "SECONDS", description = "Ramp the request rate up to its target over this time.")
    Double rateRamp;

    @Option(names = "--request-rate-series", paramLabel = "FILE",
            description = "JSON file of request-rate points ([{\"time_s\": 0, \"qps\": 1}, ...] or {\"points\": [...]}): the rate follows them piecewise-linearly instead of --request-rate, after any --request-rate-ramp-duration.")
    java.nio.file.Path rateSeries;

    @Option(names = "--prefill-concurrency", paramLabel = "N", description = "Max requests in flight without a first token yet (needs --streaming).")
    Integer prefillConcurrency;

    @Option(names = "--prefill-concurrency-ramp-duration", paramLabel = "SECONDS", description = "Ramp prefill concurrency from 1 to its target over this time.")
    Double prefillRamp;

    @Option(names = "--request-cancellation-rate", paramLabel = "PERCENT", description = "Percentage (0-100) of requests the client cancels.")
    Double cancellationRate;

    @Option(names = "--request-cancellation-delay", paramLabel = "SECONDS", description = "Seconds after sending before a request is cancelled. Default 0.")
    Double cancellationDelay;

    @Option(names = "--failed-request-threshold", paramLabel = "RATIO",
            description = "Stop profiling once more than RATIO (0-1) of the finished requests failed (checked after max(concurrency, 10)); the results so far are written and the run exits 1.")
    Double failedRequestThreshold;

    @Option(names = {"--num-sessions", "--conversation-num", "--num-conversations"}, paramLabel = "N", description = "Stop after starting N sessions (multi-turn).")
    Integer sessions;

    // ---- multi-turn sessions
    @Option(names = {"--session-turns-mean", "--conversation-turn-mean"}, paramLabel = "N", description = "Mean turns per synthetic session.")
    Double turnsMean;

    @Option(names = {"--session-turns-stddev", "--conversation-turn-stddev"}, paramLabel = "N", description = "Standard deviation of turns per session.")
    Double turnsStddev;

    @Option(names = {"--session-turn-delay-mean", "--conversation-turn-delay-mean"}, paramLabel = "MS", description = "Mean delay (ms) before each later turn, after the previous completed.")
    Double turnDelayMean;

    @Option(names = {"--session-turn-delay-stddev", "--conversation-turn-delay-stddev"}, paramLabel = "MS", description = "Standard deviation of the turn delay (ms).")
    Double turnDelayStddev;

    @Option(names = {"--session-delay-ratio", "--conversation-turn-delay-ratio"}, paramLabel = "R", description = "Multiply every turn delay by R (0.5 = twice as fast).")
    Double delayRatio;

    // ---- user-centric rate
    @Option(names = "--user-centric-rate", paramLabel = "QPS", description = "User-centric mode: global turns/s spread over --num-users users.")
    Double userCentricRate;

    @Option(names = "--num-users", paramLabel = "N", description = "Users for --user-centric-rate; each sends a turn every N/QPS seconds.")
    Integer numUsers;

    @Option(names = "--shared-system-prompt-length", paramLabel = "TOKENS", description = "System prompt shared by all users (tokens).")
    Integer sharedSystemPromptLength;

    @Option(names = "--user-context-prompt-length", paramLabel = "TOKENS", description = "Context prompt unique to each user (tokens).")
    Integer userContextPromptLength;

    // ---- fixed schedule
    @Option(names = "--fixed-schedule", description = "Replay the dataset's timestamps (trace datasets imply it).")
    Boolean fixedSchedule;

    @Option(names = "--no-fixed-schedule",
            description = "Do not replay a trace's timestamps: pace it by --concurrency or --request-rate instead (the phase's type is fixed).")
    Boolean noFixedSchedule;

    @Option(names = "--fixed-schedule-auto-offset", description = "Start the replay at the first timestamp.")
    Boolean fixedAutoOffset;

    @Option(names = "--fixed-schedule-start-offset", paramLabel = "MS", description = "Replay timestamps >= MS (inclusive); MS is time zero.")
    Long fixedStartOffset;

    @Option(names = "--fixed-schedule-end-offset", paramLabel = "MS", description = "Replay timestamps <= MS (inclusive).")
    Long fixedEndOffset;

    // ---- warmup
    @Option(names = {"--warmup-request-count", "--num-warmup-requests"}, paramLabel = "N", description = "Warmup: send N requests first, excluded from results.")
    Integer warmupRequests;

    @Option(names = "--warmup-duration", paramLabel = "SECONDS", description = "Warmup: send for this many seconds first.")
    Double warmupDuration;

    @Option(names = "--num-warmup-sessions", paramLabel = "N", description = "Warmup: start N sessions first.")
    Integer warmupSessions;

    @Option(names = "--warmup-concurrency", paramLabel = "N", description = "Warmup concurrency (default: --concurrency).")
    Integer warmupConcurrency;

    @Option(names = "--warmup-prefill-concurrency", paramLabel = "N", description = "Warmup prefill concurrency (default: --prefill-concurrency).")
    Integer warmupPrefillConcurrency;

    @Option(names = "--warmup-request-rate", paramLabel = "RPS", description = "Warmup request rate (default: --request-rate).")
    Double warmupRate;

    @Option(names = "--warmup-arrival-pattern", paramLabel = "PATTERN", converter = PatternConverter.class,
            description = "Warmup arrival pattern (default: --arrival-pattern).")
    LoadType warmupPattern;

    @Option(names = "--warmup-grace-period", paramLabel = "SECONDS", converter = SecondsConverter.class,
            description = "Seconds to wait for warmup responses after --warmup-duration ('inf' = forever, the default).")
    Double warmupGrace;

    @Option(names = "--warmup-concurrency-ramp-duration", paramLabel = "SECONDS", description = "Warmup concurrency ramp (default: --concurrency-ramp-duration).")
    Double warmupConcurrencyRamp;

    @Option(names = "--warmup-prefill-concurrency-ramp-duration", paramLabel = "SECONDS", description = "Warmup prefill ramp (default: --prefill-concurrency-ramp-duration).")
    Double warmupPrefillRamp;

    @Option(names = "--warmup-request-rate-ramp-duration", paramLabel = "SECONDS", description = "Warmup rate ramp (default: --request-rate-ramp-duration).")
    Double warmupRateRamp;

    @Override
    public void applyTo(BenchmarkSpec spec) {
        PhaseSpec prof = findOrCreate(spec.phases(), PhaseKind.PROFILING);
        set(prof, concurrency, requestCount, duration, gracePeriod, requestRate, arrivalPattern, smoothness,
                concurrencyRamp, rateRamp, prefillConcurrency, prefillRamp);
        applyRateSeries(prof);
        if (sessions != null) prof.setSessions(sessions);
        if (failedRequestThreshold != null) prof.setFailedRequestThreshold(failedRequestThreshold);
        if (cancellationRate != null || cancellationDelay != null) {
            CancellationSpec c = prof.getCancellation() == null ? new CancellationSpec() : prof.getCancellation();
            if (cancellationRate != null) c.setRate(cancellationRate);
            if (cancellationDelay != null) c.setDelay(cancellationDelay);
            prof.setCancellation(c);
        }
        applySessions(spec);
        applyModes(prof);
        if (userCentricRate != null) requireMultiTurn(spec);
        if (!anyWarmupFlag()) return;
        boolean existed = spec.phases().stream().anyMatch(p -> p != null && p.resolvedKind() == PhaseKind.WARMUP);
        PhaseSpec warm = findOrCreate(spec.phases(), PhaseKind.WARMUP);
        if (!existed) inherit(warm, prof);
        set(warm, warmupConcurrency, warmupRequests, warmupDuration, warmupGrace, warmupRate, warmupPattern, null,
                warmupConcurrencyRamp, warmupRateRamp, warmupPrefillConcurrency, warmupPrefillRamp);
        if (!existed && warm.getRate() == null && warm.resolvedType().isOpenModel()) {
            // a series is not inherited: without --warmup-request-rate the warmup is concurrency-paced (AIPerf)
            warm.setType(LoadType.CONCURRENCY);
            warm.setSmoothness(null);
            warm.setRateRamp(null);
        }
        // an inherited smoothness shapes gamma arrivals only: --warmup-arrival-pattern constant drops it (as AIPerf)
        if (warmupPattern != null && warmupPattern != LoadType.GAMMA) warm.setSmoothness(null);
        if (warmupSessions != null) warm.setSessions(warmupSessions);
    }

    /**
     * One rate source per phase, as AIPerf: --request-rate-series refuses --request-rate, --user-centric-rate and
     * --fixed-schedule beside it and replaces a file's rate (and its type, unless --arrival-pattern names one); a
     * --request-rate flag replaces a file's series.
     */
    private void applyRateSeries(PhaseSpec prof) {
        if (rateSeries == null) {
            if (requestRate != null || userCentricRate != null) prof.setRateSeries(null);
            return;
        }
        String other = requestRate != null ? "--request-rate" : userCentricRate != null ? "--user-centric-rate"
                : Boolean.TRUE.equals(fixedSchedule) ? "--fixed-schedule" : null;
        if (other != null) {
            throw new dev.redline.runner.BadInputException("--request-rate-series conflicts with " + other
                    + ": both set the phase's request rate; pass only one");
        }
        try {
            prof.setRateSeries(dev.redline.api.config.RateSeriesFile.read(rateSeries));
        } catch (dev.redline.api.config.SpecException e) {
            throw new dev.redline.runner.BadInputException("--request-rate-series: " + e.getMessage());
        }
        prof.setRate(null);
        prof.setUsers(null);
        prof.setFixedSchedule(null);
        prof.setType(arrivalPattern); // AIPerf: the named pattern, else poisson (gamma with a smoothness)
    }

    private void applySessions(BenchmarkSpec spec) {
        if (turnsMean == null && turnsStddev == null && turnDelayMean == null && turnDelayStddev == null
                && delayRatio == null && sharedSystemPromptLength == null && userContextPromptLength == null) return;
        SessionsSpec s = spec.sessions();
        if (turnsMean != null) s.setTurnsMean(turnsMean);
        if (turnsStddev != null) s.setTurnsStddev(turnsStddev);
        if (turnDelayMean != null) s.setTurnDelayMeanMs(turnDelayMean);
        if (turnDelayStddev != null) s.setTurnDelayStddevMs(turnDelayStddev);
        if (delayRatio != null) s.setDelayRatio(delayRatio);
        if (sharedSystemPromptLength != null) s.setSharedSystemPromptLength(sharedSystemPromptLength);
        if (userContextPromptLength != null) s.setUserContextPromptLength(userContextPromptLength);
    }

    private void applyModes(PhaseSpec prof) {
        if (userCentricRate != null) {
            prof.setType(LoadType.USER_CENTRIC);
            prof.setRate(userCentricRate);
        }
        if (numUsers != null) prof.setUsers(numUsers);
        if (Boolean.TRUE.equals(fixedSchedule)) prof.setType(LoadType.FIXED_SCHEDULE);
        if (Boolean.TRUE.equals(noFixedSchedule)) {
            if (prof.getType() == LoadType.FIXED_SCHEDULE) {
                throw new dev.redline.runner.BadInputException("--no-fixed-schedule conflicts with --fixed-schedule (or type fixed_schedule); keep one");
            }
            if (prof.getType() == null) prof.setType(prof.resolvedType()); // an explicit type: timestamps no longer imply a replay
        }
        if (fixedAutoOffset != null || fixedStartOffset != null || fixedEndOffset != null) {
            FixedScheduleSpec f = prof.getFixedSchedule() == null ? new FixedScheduleSpec() : prof.getFixedSchedule();
            if (fixedAutoOffset != null) f.setAutoOffset(fixedAutoOffset);
            if (fixedStartOffset != null) f.setStartOffsetMs(fixedStartOffset);
            if (fixedEndOffset != null) f.setEndOffsetMs(fixedEndOffset);
            prof.setFixedSchedule(f);
        }
    }

    /** AIPerf refuses --user-centric-rate over single-turn synthetic sessions (each user needs turns to space out). */
    private static void requireMultiTurn(BenchmarkSpec spec) {
        boolean synthetic = spec.getDataset() == null || spec.getDataset().getInputFile() == null
                && spec.getDataset().getPublicDataset() == null && spec.getDataset().getRecords() == null;
        Double turns = spec.getSessions() == null ? null : spec.getSessions().getTurnsMean();
        if (synthetic && (turns == null || turns < 2)) {
            throw new dev.redline.runner.BadInputException("--user-centric-rate needs multi-turn sessions: set --session-turns-mean >= 2"
                    + " (for single-turn load use --request-rate instead)");
        }
    }

    private boolean anyWarmupFlag() {
        return warmupRequests != null || warmupDuration != null || warmupSessions != null || warmupConcurrency != null
                || warmupPrefillConcurrency != null || warmupRate != null || warmupPattern != null || warmupGrace != null
                || warmupConcurrencyRamp != null || warmupPrefillRamp != null || warmupRateRamp != null;
    }

    /** A new warmup phase paces like profiling (AIPerf) but has its own stop condition. */
    private static void inherit(PhaseSpec warm, PhaseSpec prof) {
        warm.setType(prof.getType());
        warm.setConcurrency(prof.getConcurrency());
        warm.setPrefillConcurrency(prof.getPrefillConcurrency());
        warm.setRate(prof.getRate());
        warm.setSmoothness(prof.getSmoothness());
        warm.setConcurrencyRamp(prof.getConcurrencyRamp());
        warm.setPrefillRamp(prof.getPrefillRamp());
        warm.setRateRamp(prof.getRateRamp());
    }

    private static void set(PhaseSpec p, Integer conc, Integer requests, Double dur, Double grace, Double rate,
                            LoadType pattern, Double smooth, Double concRamp, Double rateRamp, Integer prefill, Double prefillRamp) {
        if (conc != null) p.setConcurrency(conc);
        if (requests != null) p.setRequests(requests);
        if (dur != null) p.setDuration(dur);
        if (grace != null) p.setGracePeriod(grace);
        if (rate != null) p.setRate(rate);
        if (pattern != null) p.setType(pattern);
        if (smooth != null) p.setSmoothness(smooth);
        if (concRamp != null) p.setConcurrencyRamp(concRamp);
        if (rateRamp != null) p.setRateRamp(rateRamp);
        if (prefill != null) p.setPrefillConcurrency(prefill);
        if (prefillRamp != null) p.setPrefillRamp(prefillRamp);
    }

    /** The first phase of that kind; a new one (warmup first, profiling last) when there is none. */
    static PhaseSpec findOrCreate(List<PhaseSpec> phases, PhaseKind kind) {
        for (PhaseSpec p : phases) if (p != null && p.resolvedKind() == kind) return p;
        PhaseSpec p = new PhaseSpec();
        p.setKind(kind);
        if (kind == PhaseKind.WARMUP) phases.add(0, p);
        else phases.add(p);
        return p;
    }

    @Override
    public Map<String, String> flagsByField() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("phases[*].concurrency", "--concurrency");
        m.put("phases[*].requests", "--request-count");
        m.put("phases[*].duration", "--benchmark-duration");
        m.put("phases[*].gracePeriod", "--benchmark-grace-period");
        m.put("phases[*].rate", "--request-rate");
        m.put("phases[*].type", "--arrival-pattern");
        m.put("phases[*].smoothness", "--arrival-smoothness");
        m.put("phases[*].concurrencyRamp", "--concurrency-ramp-duration");
        m.put("phases[*].rateRamp", "--request-rate-ramp-duration");
        m.put("phases[*].rateSeries", "--request-rate-series");
        m.put("phases[*].rateSeries[*]", "--request-rate-series");
        m.put("phases[*].rateSeries[*].*", "--request-rate-series");
        m.put("phases[*].prefillConcurrency", "--prefill-concurrency");
        m.put("phases[*].prefillRamp", "--prefill-concurrency-ramp-duration");
        m.put("phases[*].sessions", "--num-sessions");
        m.put("phases[*].failedRequestThreshold", "--failed-request-threshold");
        m.put("phases[*].cancellation.rate", "--request-cancellation-rate");
        m.put("phases[*].cancellation.delay", "--request-cancellation-delay");
        m.put("phases[*].users", "--num-users");
        m.put("phases[*].fixedSchedule.autoOffset", "--fixed-schedule-auto-offset");
        m.put("phases[*].fixedSchedule.startOffsetMs", "--fixed-schedule-start-offset");
        m.put("phases[*].fixedSchedule.endOffsetMs", "--fixed-schedule-end-offset");
        m.put("sessions.turnsMean", "--session-turns-mean");
        m.put("sessions.turnsStddev", "--session-turns-stddev");
        m.put("sessions.turnDelayMeanMs", "--session-turn-delay-mean");
        m.put("sessions.turnDelayStddevMs", "--session-turn-delay-stddev");
        m.put("sessions.delayRatio", "--session-delay-ratio");
        m.put("sessions.sharedSystemPromptLength", "--shared-system-prompt-length");
        m.put("sessions.userContextPromptLength", "--user-context-prompt-length");
        return m;
    }

    /** Seconds as a number, or inf / infinity / .inf for no limit. */
    public static final class SecondsConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("inf") || v.equals("infinity") || v.equals(".inf")) return Double.POSITIVE_INFINITY;
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds; use e.g. 30 or inf");
            }
        }
    }

    /** constant | poisson | gamma (the open-model arrival patterns). */
    public static final class PatternConverter implements ITypeConverter<LoadType> {
        @Override
        public LoadType convert(String value) {
            LoadType t = LoadType.fromName(value.trim());
            if (t == null || !t.isOpenModel()) {
                throw new TypeConversionException("unknown arrival pattern '" + value + "'; use constant, poisson or gamma");
            }
            return t;
        }
    }
}
