package dev.redline.runner.record;

/**
 * vLLM's per-request {@code metrics.speculative_decoding} object as it came off the wire (served with
 * {@code --per-request-spec-decode-metrics}), unchecked: the parser only copies numbers so the event loop stays
 * light; {@code dev.redline.runner.specdecode.SpecDecodeAcceptance#from} checks it in record processing.
 * Numbers the server sent with the wrong JSON type are recorded in {@code typeProblem}.
 *
 * @param meanAcceptanceLength NaN when absent
 * @param draftAcceptanceRate  NaN when absent (a 0..1 fraction on the wire)
 * @param histogram            dense: index j = steps that accepted exactly j drafts; null when absent
 * @param accepted             num_accepted_draft_tokens, {@link #ABSENT} when absent
 * @param draft                num_draft_tokens, {@link #ABSENT} when absent
 * @param steps                num_spec_steps, {@link #ABSENT} when absent
 * @param numSpecTokens        num_spec_tokens (k), {@link #ABSENT} when absent or null
 * @param perStepAccepted      optional ordered per-step accepted counts, null when absent
 * @param perStepDrafted       optional ordered per-step drafted counts, null when absent
 * @param typeProblem          the first field with a wrong JSON type, or null
 */
public record SpecDecodeStats(double meanAcceptanceLength, double draftAcceptanceRate, long[] histogram,
                              long accepted, long draft, long steps, long numSpecTokens, long[] perStepAccepted,
                              long[] perStepDrafted, String typeProblem) {
    public static final long ABSENT = Long.MIN_VALUE;
}
