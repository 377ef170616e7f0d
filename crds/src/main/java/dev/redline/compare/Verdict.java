package dev.redline.compare;

/** The outcome of comparing one gated figure of a run with its baseline. */
public enum Verdict {
    /** Worse than the baseline by more than the tolerance, at the gate's confidence. */
    Regressed,
    /** Not shown to be worse by more than the tolerance (includes changes too small or too noisy to tell). */
    WithinTolerance,
    /** Better than the baseline by more than the tolerance, at the gate's confidence. */
    Improved,
    /** One of the runs has no per-request values of this metric. */
    Missing,
    /** Fewer per-request values than {@link RegressionTest#MIN_SAMPLES} in one of the runs. */
    TooFewSamples
}
