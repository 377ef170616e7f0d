package dev.redline.plan.search.recipe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static dev.redline.plan.search.recipe.RecipeArtifacts.JSON;
import static dev.redline.plan.search.recipe.RecipeArtifacts.putNumber;

/**
 * {@code prefill_curve.json} (TTFT against ISL: a least-squares line, a quadratic when the line's r^2 is
 * under 0.85, whichever fits better) and {@code decode_itl_surface.json} (ITL on the concurrency x OSL grid,
 * null where a cell was not measured), in AIPerf's shapes. Coefficients highest power first, as numpy's polyfit.
 */
final class CurveArtifacts {
    static final double R2_FLOOR = 0.85;

    private CurveArtifacts() { }

    static ObjectNode ttftCurve(RecipePlan.PostProcess pp, List<RecipeCell> cells) {
        String path = (String) pp.params().get("swept_param");
        String tag = (String) pp.params().get("metric_tag");
        String stat = (String) pp.params().get("stat");
        List<double[]> pts = new ArrayList<>();
        for (RecipeCell c : RecipeArtifacts.sortedBy(cells, path)) {
            double y = c.metric(tag, stat);
            if (!Double.isNaN(y)) pts.add(new double[] {c.value(path), y});
        }
        ObjectNode out = JSON.createObjectNode();
        String form = "linear";
        double[] coef = new double[0];
        double r2 = 0;
        if (pts.size() >= 2) {
            coef = fit(pts, 1);
            r2 = rSquared(pts, coef);
            if (r2 < R2_FLOOR && pts.size() >= 3) {
                double[] q = fit(pts, 2);
                double rq = rSquared(pts, q);
                if (rq > r2) {
                    form = "quadratic";
                    coef = q;
                    r2 = rq;
                }
            }
        }
        out.put("fit_form", form);
        ArrayNode c = out.putArray("coefficients");
        for (double v : coef) c.add(v);
        out.put("r_squared", r2);
        out.put("below_floor", pts.size() < 2 || r2 < R2_FLOOR);
        out.put("r_squared_floor", R2_FLOOR);
        if (pts.size() < 2) out.put("error_reason", "fewer than 2 cells measured " + tag + " " + stat);
        ArrayNode raw = out.putArray("raw_points");
        for (double[] p : pts) {
            ObjectNode n = raw.addObject();
            putNumber(n, "isl", p[0]);
            n.put("ttft_ms", p[1]);
        }
        out.put("swept_metric", tag);
        out.put("stat", stat);
        out.put("swept_param", path);
        return out;
    }

    /** Least squares polynomial, highest power first. */
    static double[] fit(List<double[]> pts, int degree) {
        WeightedObservedPoints obs = new WeightedObservedPoints();
        for (double[] p : pts) obs.add(p[0], p[1]);
        double[] low = PolynomialCurveFitter.create(degree).fit(obs.toList());
        double[] high = new double[low.length];
        for (int i = 0; i < low.length; i++) high[i] = low[low.length - 1 - i];
        return high;
    }

    static double rSquared(List<double[]> pts, double[] coefHighFirst) {
        double mean = 0;
        for (double[] p : pts) mean += p[1];
        mean /= pts.size();
        double ssRes = 0, ssTot = 0;
        for (double[] p : pts) {
            double f = 0;
            for (double c : coefHighFirst) f = f * p[0] + c;
            ssRes += (p[1] - f) * (p[1] - f);
            ssTot += (p[1] - mean) * (p[1] - mean);
        }
        return ssTot > 0 ? 1 - ssRes / ssTot : (ssRes == 0 ? 1 : 0);
    }

    static ObjectNode itlSurface(RecipePlan.PostProcess pp, List<RecipeCell> cells) {
        String tag = (String) pp.params().get("metric_tag");
        String stat = (String) pp.params().get("stat");
        String cp = (String) pp.params().get("concurrency_param");
        String op = (String) pp.params().get("osl_param");
        List<double[]> triples = new ArrayList<>();
        for (RecipeCell c : cells) {
            double x = c.value(cp), o = c.value(op), v = c.metric(tag, stat);
            if (!Double.isNaN(x) && !Double.isNaN(o) && v >= 0) triples.add(new double[] {x, o, v});
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("swept_metric", tag);
        out.put("stat", stat);
        ArrayNode params = out.putArray("swept_params");
        params.add(cp);
        params.add(op);
        ArrayNode raw = out.putArray("raw_points");
        TreeSet<Double> cAxis = new TreeSet<>(), oAxis = new TreeSet<>();
        for (double[] t : triples) {
            ObjectNode n = raw.addObject();
            putNumber(n, "concurrency", t[0]);
            putNumber(n, "osl", t[1]);
            n.put("itl_ms", t[2]);
            cAxis.add(t[0]);
            oAxis.add(t[1]);
        }
        ObjectNode surface = out.putObject("surface");
        ArrayNode ca = surface.putArray("concurrency_axis");
        cAxis.forEach(ca::add);
        ArrayNode oa = surface.putArray("osl_axis");
        oAxis.forEach(oa::add);
        ArrayNode grid = surface.putArray("itl_grid");
        for (double c : cAxis) {
            ArrayNode row = grid.addArray();
            for (double o : oAxis) {
                Double v = null;
                for (double[] t : triples) if (t[0] == c && t[1] == o) v = t[2];
                if (v == null) row.addNull();
                else row.add(v);
            }
        }
        boolean failed = triples.size() < 2;
        out.put("surface_fit_failed", failed);
        if (failed) out.put("error_reason", "fewer than 2 cells measured " + tag + " " + stat);
        return out;
    }
}
