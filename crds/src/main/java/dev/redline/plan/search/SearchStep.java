package dev.redline.plan.search;

/** What a planner says after reading the history: probe these knob values next, or stop and why. */
public sealed interface SearchStep {
    /** @param values knob values in the search space's dimension order, already snapped */
    record Probe(double[] values) implements SearchStep {
        public Probe { values = values.clone(); }
        @Override public double[] values() { return values.clone(); }
    }

    /** @param reason AIPerf's {@code convergence_reason} string (see {@link ConvergenceReason}) */
    record Done(String reason) implements SearchStep { }

    static SearchStep probe(double... values) { return new Probe(values); }

    static SearchStep done(String reason) { return new Done(reason); }
}
