package dev.redline.operator;

/**
 * Operator-wide settings (from {@code redline.operator.*} / env {@code REDLINE_OPERATOR_*}).
 *
 * @param runnerImage            image for runner pods when a Benchmark names none
 * @param deadlineMarginSeconds  added to the planned duration for the Job's activeDeadlineSeconds
 *                               (dataset build, tokenizer load, uploads)
 * @param unboundedPhaseSeconds  allowance for a phase bounded only by a request count without a rate
 * @param resultsGraceSeconds    how long a succeeded Job may wait for summary.json to show up in the
 *                               informer cache before the Benchmark is marked ResultsMissing
 */
public record OperatorSettings(String runnerImage, long deadlineMarginSeconds, long unboundedPhaseSeconds,
                               long resultsGraceSeconds) {
    public static final String DEFAULT_RUNNER_IMAGE = "ghcr.io/redline-dev/redline-runner:0.1.0";

    public static OperatorSettings defaults() {
        return new OperatorSettings(DEFAULT_RUNNER_IMAGE, 300, 3600, 30);
    }
}
