package dev.redline.plan.search;

import dev.redline.api.results.ProfileExport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the profile exports of one iteration's successful trials into the {@link Evaluation} the search
 * math reads, the same way on the CLI and in the operator: each objective and SLA statistic is the mean of its
 * per-trial values (AIPerf's default pooling), its variance the squared standard error of that mean; a
 * pooled percentile computed over every request of the iteration may replace an objective's mean.
 */
public final class Evaluations {
    private Evaluations() { }

    /** The key of a pooled value: {@code time_to_first_token/p95}. */
    public static String key(String tag, String stat) { return tag + "/" + stat; }

    /**
     * @param trials  exports of the successful trials (empty: the iteration failed)
     * @param pooled  pooled percentiles by {@link #key}, used for objectives instead of the trial mean (may be empty)
     * @param error   why the iteration failed, when it did
     */
    public static Evaluation of(SearchProblem problem, int index, double[] values, List<ProfileExport> trials,
                                 Map<String, Double> pooled, String error) {
        int m = problem.objectives().size();
        List<SlaFilter> observed = problem.observedFilters();
        int f = observed.size();
        if (trials.isEmpty()) return Evaluation.failed(index, values, m, f, error == null ? "no successful trial" : error);
        double[] objectives = new double[m];
        double[] variances = new double[m];
        for (int k = 0; k < m; k++) {
            Objective o = problem.objectives().get(k);
            Double p = pooled.get(key(o.metric(), o.stat()));
            double[] mv = meanAndVariance(trials, o.metric(), o.stat());
            objectives[k] = p != null ? p : mv[0];
            variances[k] = p != null ? 0 : mv[1];
        }
        double[] sla = new double[f];
        for (int k = 0; k < f; k++) {
            SlaFilter s = observed.get(k);
            sla[k] = meanAndVariance(trials, s.metricTag(), s.stat())[0];
        }
        return Evaluation.measured(index, values, objectives, variances, sla, problem);
    }

    /** Mean over the trials of a statistic ({@link #value} semantics); NaN when no trial reports it. */
    public static double mean(List<ProfileExport> trials, String tag, String stat) {
        return meanAndVariance(trials, tag, stat)[0];
    }

    /** Mean over the trials that report the statistic, and the variance of that mean; NaN when none does. */
    static double[] meanAndVariance(List<ProfileExport> trials, String tag, String stat) {
        List<Double> vs = new ArrayList<>();
        for (ProfileExport t : trials) {
            Double v = value(t, tag, stat);
            if (v != null && Double.isFinite(v)) vs.add(v);
        }
        if (vs.isEmpty()) return new double[] {Double.NaN, 0};
        double mean = 0;
        for (double v : vs) mean += v;
        mean /= vs.size();
        if (vs.size() < 2) return new double[] {mean, 0};
        double ss = 0;
        for (double v : vs) ss += (v - mean) * (v - mean);
        return new double[] {mean, ss / (vs.size() - 1) / vs.size()};
    }

    /**
     * A statistic of an export; a scalar metric (throughput, error rate) has only its value, which stands for
     * any statistic, as for Benchmark SLOs. {@code good_request_fraction} is derived as good / (valid + errors).
     */
    public static Double value(ProfileExport export, String tag, String stat) {
        if (SearchMetrics.GOOD_REQUEST_FRACTION.equals(tag)) {
            Double good = export.stat("good_request_count", "avg");
            Double valid = export.stat("request_count", "avg");
            Double errors = export.stat("error_request_count", "avg");
            double attempted = (valid == null ? 0 : valid) + (errors == null ? 0 : errors);
            return good == null || attempted <= 0 ? null : good / attempted;
        }
        var block = export.metric(tag);
        if (block == null) return null;
        Double v = block.stat(stat);
        return v == null && block.isScalar() ? block.stat("avg") : v;
    }
}
