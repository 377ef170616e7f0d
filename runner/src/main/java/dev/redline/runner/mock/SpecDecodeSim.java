package dev.redline.runner.mock;

import java.util.concurrent.atomic.LongAdder;

/**
 * Simulated speculative decoding (the {@code --spec-decode-*} options): each request's vLLM per-request
 * {@code metrics.speculative_decoding} object, as vLLM serves it with {@code --per-request-spec-decode-metrics}.
 * The first output token comes from prefill; every verify step then proposes {@code k} drafts and accepts each in
 * turn with probability {@code p} until the first rejection, emitting the accepted drafts plus one bonus token. The
 * last step accepts no more drafts than tokens are left. Seeded per request index, so a request always gets the
 * same object; what was sent is summed in {@link #sent()} so tests have exact ground truth.
 */
public final class SpecDecodeSim {
    /** Draw slots far above the jitter slots ({@link SeededDice#SLOT_JITTER} + token index). */
    private static final long SLOT_BASE = 1L << 40;

    private final int k;
    private final double p;
    private final SeededDice dice;
    private final LongAdder requests = new LongAdder();
    private final LongAdder steps = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder drafted = new LongAdder();

    /** What the mock has sent so far, summed over responses that carried the object. */
    public record Sent(long requests, long steps, long acceptedDraftTokens, long draftTokens) { }

    SpecDecodeSim(int k, double p, long seed) {
        this.k = k;
        this.p = p;
        this.dice = new SeededDice(seed);
    }

    /** The {@code {"speculative_decoding":{...}}} value of the response-root {@code metrics} for one request. */
    String metricsJson(long request, int outputTokens, MockMetrics metrics, MockMetrics.ModelStats model) {
        long[] histogram = new long[k + 1];
        long remaining = Math.max(outputTokens - 1, 0);
        long nSteps = 0, nAccepted = 0;
        long draw = 0;
        while (remaining > 0) {
            int j = 0;
            while (j < k && dice.uniform(request, SLOT_BASE + draw++) < p) j++;
            j = (int) Math.min(j, remaining - 1);
            histogram[j]++;
            nSteps++;
            nAccepted += j;
            remaining -= j + 1;
        }
        long nDraft = nSteps * k;
        requests.increment();
        steps.add(nSteps);
        accepted.add(nAccepted);
        drafted.add(nDraft);
        metrics.specDecodeSent(model, nSteps, nDraft, nAccepted);
        StringBuilder b = new StringBuilder(160 + 4 * k);
        b.append("{\"speculative_decoding\":{\"num_spec_tokens\":").append(k)
                .append(",\"num_spec_steps\":").append(nSteps)
                .append(",\"num_draft_tokens\":").append(nDraft)
                .append(",\"num_accepted_draft_tokens\":").append(nAccepted)
                .append(",\"mean_acceptance_length\":").append(nSteps == 0 ? 0.0 : 1.0 + (double) nAccepted / nSteps)
                .append(",\"draft_acceptance_rate\":").append(nDraft == 0 ? 0.0 : (double) nAccepted / nDraft)
                .append(",\"acceptance_histogram\":[");
        for (int j = 0; j <= k; j++) b.append(j == 0 ? "" : ",").append(histogram[j]);
        return b.append("]}}").toString();
    }

    Sent sent() {
        return new Sent(requests.sum(), steps.sum(), accepted.sum(), drafted.sum());
    }
}
