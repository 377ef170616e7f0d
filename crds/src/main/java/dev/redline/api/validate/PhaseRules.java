package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.CancellationSpec;
import dev.redline.api.v1alpha1.FixedScheduleSpec;
import dev.redline.api.v1alpha1.SessionsSpec;
import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.api.v1alpha1.RateSeriesPoint;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Load phases: names, limits, stop conditions. */
final class PhaseRules implements ValidationRule {
    private static final Pattern NAME = Pattern.compile(PhaseSpec.NAME_PATTERN);

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        List<PhaseSpec> phases = spec.getPhases();
        if (phases == null || phases.isEmpty()) return; // defaults apply: one profiling phase
        Set<String> names = new HashSet<>();
        boolean profiling = false;
        for (int i = 0; i < phases.size(); i++) {
            PhaseSpec p = phases.get(i);
            String at = "phases[" + i + "]";
            if (p == null) {
                out.add(at, "phase is empty; remove it or give it a type");
                continue;
            }
            if (p.getName() != null && !NAME.matcher(p.getName()).matches()) {
                out.add(at + ".name", "'" + p.getName() + "' must match " + PhaseSpec.NAME_PATTERN);
            }
            if (!names.add(p.resolvedName().toLowerCase(Locale.ROOT))) {
                out.add(at + ".name", "phase name '" + p.resolvedName() + "' is used twice; give each phase a unique name");
            }
            profiling |= p.resolvedKind() == PhaseKind.PROFILING;
            if (p.getGracePeriod() != null && p.getDuration() == null) {
                out.add(at + ".gracePeriod", "a grace period needs a duration; set duration (CLI: --benchmark-duration) or remove the grace period");
            }
            checkPacing(spec, p, at, out);
            checkModes(spec, p, at, out);
        }
        if (!profiling) {
            out.add("phases", "no profiling phase; add a phase with kind: profiling");
        }
    }

    /** User-centric and fixed-schedule specifics. */
    private static void checkModes(BenchmarkSpec spec, PhaseSpec p, String at, Violations out) {
        if (p.getType() == LoadType.USER_CENTRIC) {
            if (p.getRate() == null) out.add(at + ".rate", "user_centric needs a rate; set rate (CLI: --user-centric-rate)");
            if (p.getUsers() == null) out.add(at + ".users", "user_centric needs users; set users (CLI: --num-users)");
            if (p.getRateRamp() != null) out.add(at + ".rateRamp", "a rate ramp cannot be combined with user_centric; remove it");
            if (p.getSmoothness() != null) out.add(at + ".smoothness", "smoothness cannot be combined with user_centric; remove it");
            SessionsSpec s = spec.getSessions();
            if (s != null && s.getTurnsMean() != null && s.getTurnsMean() < 2) {
                out.add("sessions.turnsMean", "user_centric needs multi-turn sessions; set turnsMean >= 2 (CLI: --session-turns-mean)");
            }
        } else if (p.getUsers() != null) {
            out.add(at + ".users", "users applies only to type user_centric; use --user-centric-rate or remove it");
        }
        FixedScheduleSpec f = p.getFixedSchedule();
        if (f != null) {
            if (p.getType() != null && p.getType() != LoadType.FIXED_SCHEDULE) {
                out.add(at + ".fixedSchedule", "fixed-schedule settings need type fixed_schedule, not " + p.getType().wireName()
                        + "; remove the rate/arrival pattern or the fixed-schedule settings");
            }
            if (f.isAutoOffset() && f.getStartOffsetMs() != null) {
                out.add(at + ".fixedSchedule.startOffsetMs", "autoOffset and startOffsetMs are mutually exclusive"
                        + " (CLI: --fixed-schedule-auto-offset vs --fixed-schedule-start-offset); keep one");
            }
            if (f.getStartOffsetMs() != null && f.getEndOffsetMs() != null && f.getEndOffsetMs() < f.getStartOffsetMs()) {
                out.add(at + ".fixedSchedule.endOffsetMs", "end offset " + f.getEndOffsetMs() + " ms is before start offset "
                        + f.getStartOffsetMs() + " ms; set end >= start");
            }
        }
    }

    /** AIPerf's rate_series: no second rate source, an open-model type, and at least two finite, ordered points. */
    private static void checkRateSeries(PhaseSpec p, String at, Violations out) {
        List<RateSeriesPoint> series = p.getRateSeries();
        if (series == null) return;
        String field = at + ".rateSeries";
        if (p.getRate() != null) {
            out.add(field, "rate and rateSeries are mutually exclusive (CLI: --request-rate vs --request-rate-series); keep one");
        }
        if (p.getType() != null && !p.getType().isOpenModel()) {
            out.add(field, "a rate series paces constant, poisson or gamma arrivals, not " + p.getType().wireName()
                    + "; remove the series or the other pacing");
        }
        boolean whole = true;
        for (int i = 0; i < series.size(); i++) { // each point's missing field by name, as the schema names it
            RateSeriesPoint pt = series.get(i);
            String ptAt = field + "[" + i + "]";
            if (pt == null) {
                out.add(ptAt, "a point needs time_s and qps");
                whole = false;
                continue;
            }
            if (pt.getTimeS() == null) out.add(ptAt + ".timeS", "is required: seconds from the start of the series (time_s)");
            if (pt.getQps() == null) out.add(ptAt + ".qps", "is required: the request rate at this point (qps)");
            whole &= pt.getTimeS() != null && pt.getQps() != null;
        }
        if (series.size() < 2) {
            out.add(field, "a request-rate series needs at least two points, e.g. [{time_s: 0, qps: 1}, {time_s: 60, qps: 10}]");
            return;
        }
        if (!whole) return;
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < series.size(); i++) {
            RateSeriesPoint pt = series.get(i);
            String ptAt = field + "[" + i + "]";
            double t = pt.getTimeS();
            double q = pt.getQps();
            if (!Double.isFinite(t) || !Double.isFinite(q)) {
                out.add(ptAt, "time_s and qps must be finite numbers, got time_s " + t + ", qps " + q);
                return;
            }
            if (t < 0) out.add(ptAt + ".timeS", "must be at least 0 (seconds from the start of the series), got " + t);
            if (q <= 0) out.add(ptAt + ".qps", "must be greater than 0 (requests/s), got " + q);
            if (t <= previous) { // the first out-of-order point only: one line, not one per point of a long series
                out.add(ptAt + ".timeS", "time_s values must be strictly increasing; " + t + " follows " + previous);
                return;
            }
            previous = t;
        }
    }

    /** Conflicting or incomplete pacing and stop settings of one phase. */
    private static void checkPacing(BenchmarkSpec spec, PhaseSpec p, String at, Violations out) {
        if (p.getRequests() != null && p.getSessions() != null) {
            out.add(at + ".sessions", "requests and sessions are both set; they are mutually exclusive stop conditions"
                    + " (CLI: --request-count vs --num-sessions); keep one");
        }
        LoadType type = p.getType();
        if (type != null && type.isOpenModel() && p.resolvedRate() == null) {
            out.add(at + ".rate", "type " + type.wireName() + " needs a rate; set rate (CLI: --request-rate) or rateSeries (CLI: --request-rate-series)");
        }
        checkRateSeries(p, at, out);
        if (type == LoadType.FIXED_SCHEDULE && p.getRate() != null) {
            out.add(at + ".rate", "a fixed schedule replays trace timestamps and cannot have a rate; remove the rate (CLI: --request-rate)");
        }
        if (type == LoadType.CONCURRENCY && p.getRate() != null) {
            out.add(at + ".type", "type concurrency conflicts with rate " + p.getRate()
                    + "; remove the rate or use constant, poisson or gamma (CLI: --arrival-pattern)");
        }
        if (p.getSmoothness() != null && p.getType() != null && p.getType() != LoadType.GAMMA) {
            out.add(at + ".smoothness", "smoothness applies only to type gamma; set type gamma (CLI: --arrival-pattern gamma) or remove it");
        } else if (p.getSmoothness() != null && p.getType() == null && p.resolvedRate() == null) {
            // AIPerf: without a rate the phase is concurrency-paced, and smoothness only shapes gamma arrivals
            out.add(at + ".smoothness", "smoothness shapes gamma arrivals at a rate; set rate (CLI: --request-rate) or remove it");
        }
        if (p.getRateRamp() != null && p.resolvedRate() == null) {
            out.add(at + ".rateRamp", "a rate ramp needs a rate; set rate (CLI: --request-rate) or remove the ramp");
        }
        if (p.getConcurrencyRamp() != null && p.getConcurrency() == null) {
            out.add(at + ".concurrencyRamp", "a concurrency ramp needs concurrency; set concurrency (CLI: --concurrency) or remove the ramp");
        }
        // a prefill ramp without prefillConcurrency has nothing to ramp; AIPerf accepts it (its ramping sample uses it)
        if (p.getPrefillConcurrency() != null) {
            boolean streaming = spec.getEndpoint() != null && spec.getEndpoint().isStreaming();
            if (!streaming) {
                out.add(at + ".prefillConcurrency", "prefill concurrency needs streaming responses (first-token time); set endpoint.streaming (CLI: --streaming) or remove it");
            }
            if (p.getConcurrency() != null && p.getPrefillConcurrency() > p.getConcurrency()) {
                out.add(at + ".prefillConcurrency", "prefill concurrency " + p.getPrefillConcurrency() + " exceeds concurrency "
                        + p.getConcurrency() + "; set it <= concurrency");
            }
        }
        CancellationSpec c = p.getCancellation();
        if (c != null && c.getDelay() != null && (c.getRate() == null || c.getRate() == 0)) {
            out.add(at + ".cancellation.delay", "a cancellation delay needs a cancellation rate; set cancellation.rate > 0"
                    + " (CLI: --request-cancellation-rate) or remove the delay");
        }
    }
}
