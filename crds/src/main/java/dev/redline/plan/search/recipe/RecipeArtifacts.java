package dev.redline.plan.search.recipe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.SlaFilterSpec;
import dev.redline.api.v1alpha1.SloOperator;
import dev.redline.plan.DotPath;
import dev.redline.plan.ParetoFront;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The derived files of the grid and scenario recipes, in AIPerf's shapes: {@code degradation_knee.json},
 * {@code sla_breach.json} and {@code pareto_sweep.json} here, the fitted curves in {@link CurveArtifacts}.
 */
public final class RecipeArtifacts {
    static final ObjectMapper JSON = new ObjectMapper();

    private RecipeArtifacts() { }

    public static ObjectNode compute(RecipePlan.PostProcess pp, List<RecipeCell> cells) {
        return switch (pp.handler()) {
            case "degradation_knee_detect" -> degradationKnee(pp, cells);
            case "sla_breach_knee" -> slaBreach(pp, cells);
            case "pareto_sweep_export" -> paretoSweep(pp, cells);
            case "ttft_curve_fit" -> CurveArtifacts.ttftCurve(pp, cells);
            case "itl_surface_fit" -> CurveArtifacts.itlSurface(pp, cells);
            default -> throw new IllegalArgumentException("unknown post-process " + pp.handler());
        };
    }

    /** The knob's short name: {@code phases.profiling.concurrency} -> concurrency, {@code dataset.prompts.isl.mean} -> isl. */
    static String leaf(String path) {
        return DotPath.parse(path, "recipe").name();
    }

    /** Cells sorted by a knob, those without it dropped. */
    static List<RecipeCell> sortedBy(List<RecipeCell> cells, String path) {
        List<RecipeCell> out = new ArrayList<>();
        for (RecipeCell c : cells) if (!Double.isNaN(c.value(path))) out.add(c);
        out.sort(Comparator.comparingDouble(c -> c.value(path)));
        return out;
    }

    static void putNumber(ObjectNode n, String key, double v) {
        if (!Double.isFinite(v)) n.putNull(key);
        else if (v == Math.rint(v) && Math.abs(v) < 1e15) n.put(key, (long) v);
        else n.put(key, v);
    }

    static ObjectNode degradationKnee(RecipePlan.PostProcess pp, List<RecipeCell> cells) {
        String path = (String) pp.params().get("swept_param");
        String tag = (String) pp.params().get("metric_tag");
        String stat = (String) pp.params().get("stat");
        double threshold = ((Number) pp.params().get("threshold_pct")).doubleValue();
        String leaf = leaf(path);
        List<double[]> points = new ArrayList<>();
        for (RecipeCell c : sortedBy(cells, path)) {
            double y = c.metric(tag, stat);
            if (!Double.isNaN(y)) points.add(new double[] {c.value(path), y});
        }
        ObjectNode out = JSON.createObjectNode();
        double baseX = points.isEmpty() ? Double.NaN : points.get(0)[0];
        double baseY = points.isEmpty() ? Double.NaN : points.get(0)[1];
        double kneeX = Double.NaN, kneeY = Double.NaN;
        if (baseY > 0) {
            double cutoff = baseY * (1 + threshold);
            for (double[] p : points.subList(1, points.size())) {
                if (p[1] > cutoff) {
                    kneeX = p[0];
                    kneeY = p[1];
                    break;
                }
            }
        }
        putNumber(out, "baseline_" + leaf, baseX);
        putNumber(out, "baseline_" + stat, baseY);
        putNumber(out, "knee_" + leaf, kneeX);
        putNumber(out, "knee_" + stat, kneeY);
        out.put("threshold_pct", threshold);
        out.put("swept_metric", tag);
        out.put("stat", stat);
        out.put("swept_param", path);
        ArrayNode all = out.putArray("all_points");
        for (double[] p : points) {
            ObjectNode n = all.addObject();
            putNumber(n, leaf, p[0]);
            putNumber(n, stat, p[1]);
        }
        if (points.isEmpty()) out.put("error_reason", "no cell measured " + tag + " " + stat);
        else if (!(baseY > 0)) out.put("error_reason", "baseline " + stat + " of " + tag + " is not positive (" + baseY + ")");
        return out;
    }

    @SuppressWarnings("unchecked")
    static ObjectNode slaBreach(RecipePlan.PostProcess pp, List<RecipeCell> cells) {
        String path = (String) pp.params().get("swept_param");
        List<SlaFilterSpec> filters = (List<SlaFilterSpec>) pp.params().get("sla_filters");
        String leaf = leaf(path);
        ObjectNode out = JSON.createObjectNode();
        out.put("swept_param", path);
        double maxPassing = Double.NaN, firstFailing = Double.NaN;
        ObjectNode firstBreach = null;
        boolean monotone = true, seenFail = false;
        ArrayNode all = JSON.createArrayNode();
        for (RecipeCell c : sortedBy(cells, path)) {
            ArrayNode breaches = JSON.createArrayNode();
            for (SlaFilterSpec f : filters) {
                double observed = c.metric(f.getMetricTag(), f.getStat());
                SloOperator op = SloOperator.parse(f.getOp());
                if (Double.isNaN(observed) || !op.holds(observed, f.getThreshold())) breaches.add(breach(f, observed));
            }
            boolean feasible = breaches.isEmpty();
            double x = c.value(path);
            if (feasible) {
                if (seenFail) monotone = false;
                else maxPassing = x;
            } else if (!seenFail) {
                seenFail = true;
                firstFailing = x;
                firstBreach = (ObjectNode) breaches.get(0);
            }
            ObjectNode n = all.addObject();
            putNumber(n, leaf, x);
            n.put("feasible", feasible);
            n.set("breaches", breaches);
        }
        putNumber(out, "max_passing_" + leaf, maxPassing);
        putNumber(out, "first_failing_" + leaf, firstFailing);
        out.set("first_failing_breach", firstBreach);
        out.set("all_points", all);
        out.put("monotonicity_check", monotone);
        ArrayNode fs = out.putArray("filters");
        for (SlaFilterSpec f : filters) fs.add(breach(f, Double.NaN).without("observed"));
        return out;
    }

    private static ObjectNode breach(SlaFilterSpec f, double observed) {
        ObjectNode n = JSON.createObjectNode();
        n.put("metric_tag", f.getMetricTag());
        n.put("stat", f.getStat());
        n.put("op", f.getOp());
        n.put("threshold", f.getThreshold());
        if (Double.isNaN(observed)) n.putNull("observed");
        else n.put("observed", observed);
        return n;
    }

    /** Pareto front of x (minimised, e.g. TTFT p95) against y (maximised, e.g. output throughput). */
    static ObjectNode paretoSweep(RecipePlan.PostProcess pp, List<RecipeCell> cells) {
        String xm = (String) pp.params().get("x_metric"), xs = (String) pp.params().get("x_stat");
        String ym = (String) pp.params().get("y_metric"), ys = (String) pp.params().get("y_stat");
        ObjectNode out = JSON.createObjectNode();
        out.put("x_metric", xm);
        out.put("x_stat", xs);
        out.put("y_metric", ym);
        out.put("y_stat", ys);
        List<RecipeCell> measured = new ArrayList<>();
        List<double[]> pts = new ArrayList<>();
        for (RecipeCell c : cells) {
            double x = c.metric(xm, xs), y = c.metric(ym, ys);
            if (Double.isNaN(x) || Double.isNaN(y)) continue;
            measured.add(c);
            pts.add(new double[] {x, y});
        }
        List<Integer> front = ParetoFront.indices(pts, new boolean[] {false, true});
        ArrayNode arr = out.putArray("cells");
        for (int i = 0; i < measured.size(); i++) {
            RecipeCell c = measured.get(i);
            ObjectNode n = arr.addObject();
            putNumber(n, "isl", c.value(SearchRecipes.ISL));
            putNumber(n, "osl", c.value(SearchRecipes.OSL));
            putNumber(n, "concurrency", c.value(SearchRecipes.CONCURRENCY));
            n.put("x", pts.get(i)[0]);
            n.put("y", pts.get(i)[1]);
            n.put("pareto_optimal", front.contains(i));
        }
        return out;
    }
}
