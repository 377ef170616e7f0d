package dev.redline.plan.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Drives a planner against an analytic "benchmark" until it stops. */
final class SearchLoop {
    /** What one probe measured: objective values and the observed SLA statistics. */
    record Measured(double[] objectives, double[] sla) {
        static Measured of(double objective, double... sla) { return new Measured(new double[] {objective}, sla); }
    }

    final List<Evaluation> history = new ArrayList<>();
    String reason;

    static SearchLoop run(SearchStrategy planner, Function<double[], Measured> bench) {
        SearchLoop loop = new SearchLoop();
        for (int guard = 0; guard < 500; guard++) {
            SearchStep step = planner.next(loop.history);
            if (step instanceof SearchStep.Done d) {
                loop.reason = d.reason();
                return loop;
            }
            double[] v = ((SearchStep.Probe) step).values();
            Measured m = bench.apply(v);
            loop.history.add(Evaluation.measured(loop.history.size(), v, m.objectives(), null, m.sla(),
                    planner.problem()));
        }
        throw new AssertionError("planner never stopped");
    }

    double[] probes(int dim) {
        return history.stream().mapToDouble(o -> o.value(dim)).toArray();
    }
}
