package dev.redline.runner.record;

import java.util.Arrays;

/**
 * One request's speculative-decoding acceptance, checked the way AIPerf's vLLM adapter and its
 * {@code SpecDecodeAcceptanceRecord} check it (AIPerf's {@code spec_decode_acceptance}).
 *
 * @param histogram       dense: index j = verify steps that accepted exactly j draft tokens (bonus token excluded)
 * @param numSpecTokens   k, or -1 when the server did not say
 * @param perStepAccepted null when the server sent none
 * @param perStepDrafted  null when the server sent none
 */
public record SpecDecodeAcceptance(double meanAcceptanceLength, double draftAcceptanceRate, long[] histogram,
                                   long accepted, long draft, long steps, long numSpecTokens, long[] perStepAccepted,
                                   long[] perStepDrafted) {
    public static final String ENGINE = "vllm";

    /** The outcome of checking a wire object: the acceptance, or why it was dropped (both null: not vLLM's). */
    public record Checked(SpecDecodeAcceptance acceptance, String problem) { }

    /**
     * Checks a wire object. Not vLLM's shape (no {@code acceptance_histogram} or {@code num_spec_steps}): neither;
     * malformed (a missing or mistyped field, a negative count, a histogram not k + 1 long, counts that do not add
     * up): the problem, and the request gets no spec-decode metrics (AIPerf drops it with a warning, the record stays
     * valid).
     */
    public static Checked check(SpecDecodeStats s) {
        if (s == null || s.histogram() == null || s.steps() == SpecDecodeStats.ABSENT) return new Checked(null, null);
        String problem = problem(s);
        if (problem != null) return new Checked(null, problem);
        return new Checked(new SpecDecodeAcceptance(s.meanAcceptanceLength(), s.draftAcceptanceRate(), s.histogram(),
                s.accepted(), s.draft(), s.steps(), s.numSpecTokens() == SpecDecodeStats.ABSENT ? -1 : s.numSpecTokens(),
                s.perStepAccepted(), s.perStepDrafted()), null);
    }

    private static String problem(SpecDecodeStats s) {
        if (s.typeProblem() != null) return s.typeProblem() + " has the wrong type";
        if (Double.isNaN(s.meanAcceptanceLength())) return "mean_acceptance_length is missing";
        if (Double.isNaN(s.draftAcceptanceRate())) return "draft_acceptance_rate is missing";
        if (s.accepted() == SpecDecodeStats.ABSENT) return "num_accepted_draft_tokens is missing";
        if (s.draft() == SpecDecodeStats.ABSENT) return "num_draft_tokens is missing";
        long k = s.numSpecTokens();
        if (k != SpecDecodeStats.ABSENT && (k < 0 || s.histogram().length != k + 1)) {
            return "acceptance_histogram has " + s.histogram().length + " buckets, expected num_spec_tokens + 1 = " + (k + 1);
        }
        if (s.accepted() < 0 || s.draft() < 0 || s.steps() < 0) return "a count is negative";
        long steps = 0, acceptedSum = 0;
        for (int j = 0; j < s.histogram().length; j++) {
            long c = s.histogram()[j];
            if (c < 0) return "acceptance_histogram has a negative count";
            steps += c;
            acceptedSum += j * c;
        }
        if (steps != s.steps()) return "acceptance_histogram counts sum to " + steps + ", but num_spec_steps is " + s.steps();
        if (acceptedSum != s.accepted()) return "acceptance_histogram j-weighted sum is " + acceptedSum
                + ", but num_accepted_draft_tokens is " + s.accepted();
        if (s.accepted() > s.draft()) return "num_accepted_draft_tokens exceeds num_draft_tokens";
        return perStepProblem(s);
    }

    private static String perStepProblem(SpecDecodeStats s) {
        long[] a = s.perStepAccepted(), d = s.perStepDrafted();
        if (a != null && (a.length != s.steps() || sum(a) != s.accepted() || Arrays.stream(a).anyMatch(v -> v < 0))) {
            return "per_step_accepted does not match num_spec_steps / num_accepted_draft_tokens";
        }
        if (d != null && (d.length != s.steps() || sum(d) != s.draft() || Arrays.stream(d).anyMatch(v -> v < 0))) {
            return "per_step_drafted does not match num_spec_steps / num_draft_tokens";
        }
        if (a != null && d != null) {
            for (int i = 0; i < a.length; i++) if (a[i] > d[i]) return "a verify step accepted more drafts than it proposed";
        }
        return null;
    }

    private static long sum(long[] v) {
        long t = 0;
        for (long x : v) t += x;
        return t;
    }
}
