package dev.redline.plan.aggregate;

/** A run that produced no usable summary: its label ({@code run_0002}, or a variation's) and the one-line error. */
public record FailedRun(String label, String error) { }
