package dev.redline.plan.search;

import dev.redline.plan.Knob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code search_history.json} in AIPerf's shape ({@code config, iterations, best_trials, boundary_summary,
 * recipe, convergence_reason}), written after every iteration by the CLI and into a Search's results
 * ConfigMap by the operator. Each iteration also keeps what a resumed search needs to rebuild its
 * planner exactly ({@code sla_observed}, {@code objective_variances}, {@code error}); AIPerf's readers
 * ignore the extra keys.
 */
public final class SearchHistoryJson {
    public static final String FILE = "search_history.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SearchHistoryJson() { }

    /** @param reason the convergence reason, null while the search runs */
    public static String write(SearchStrategy planner, List<Evaluation> history, String recipe, String reason) {
        try {
            return JSON.writeValueAsString(tree(planner, history, recipe, reason));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + FILE, e);
        }
    }

    public static ObjectNode tree(SearchStrategy planner, List<Evaluation> history, String recipe, String reason) {
        SearchProblem p = planner.problem();
        ObjectNode root = JSON.createObjectNode();
        root.set("config", config(planner));
        ArrayNode iterations = root.putArray("iterations");
        boolean[] warn = planner.nonMonotonic(history);
        for (int i = 0; i < history.size(); i++) {
            Evaluation o = history.get(i);
            ObjectNode it = iterations.addObject();
            it.put("iteration_idx", o.index());
            it.set("variation_values", values(p, o.values()));
            it.set("objective_values", o.scored() ? numbers(o.objectives()) : null);
            it.put("feasible", o.feasible());
            it.put("non_monotonic_warning", warn[i]);
            it.set("objective_variances", o.scored() ? numbers(o.objectiveVariances()) : null);
            it.set("sla_observed", numbers(o.slaObserved()));
            if (o.failed()) it.put("error", o.error());
        }
        root.set("best_trials", bestTrials(p, history));
        if (p.multiObjective()) root.put("hypervolume", BestTrials.hypervolume(history, p, BestTrials.reference(history, p)));
        root.set("boundary_summary", boundary(planner, history, reason));
        if (planner instanceof MultiTierPlanner mt) MultiTierJson.put(root, mt, history, reason != null);
        root.put("recipe", recipe);
        root.put("convergence_reason", reason);
        return root;
    }

    private static ObjectNode config(SearchStrategy planner) {
        SearchProblem p = planner.problem();
        ObjectNode c = JSON.createObjectNode();
        c.put("planner", planner.name());
        ArrayNode objs = c.putArray("objectives");
        for (Objective o : p.objectives()) {
            ObjectNode n = objs.addObject();
            n.put("metric", o.metric());
            n.put("stat", o.stat());
            n.put("direction", o.direction().name());
            if (o.reference() == null) n.putNull("threshold");
            else n.put("threshold", o.reference());
        }
        c.putArray("outcome_constraints");
        c.put("max_iterations", p.stopping().maxIterations());
        c.put("n_initial_points", p.initialPoints());
        c.put("random_seed", p.seed());
        c.put("improvement_patience", p.stopping().improvementPatience());
        c.put("plateau_window", p.stopping().plateauWindow());
        c.put("plateau_threshold", p.stopping().plateauThreshold());
        c.put("precision", p.precision());
        ArrayNode space = c.putArray("search_space");
        for (Knob d : p.space().dimensions()) {
            ObjectNode n = space.addObject();
            n.put("path", d.path());
            n.put("lo", d.lo());
            n.put("hi", d.hi());
            n.put("kind", d.kind().wireName());
            n.put("prior", d.scale() == Knob.Scale.LOG ? "log-uniform" : "uniform");
        }
        ArrayNode filters = c.putArray("sla_filters");
        for (SlaFilter f : p.slaFilters()) filters.add(filter(f));
        if (p.multiTier()) {
            ArrayNode tiers = c.putArray("tiers");
            for (SlaTier t : p.tiers()) {
                ObjectNode n = tiers.addObject();
                n.put("label", t.label());
                ArrayNode own = n.putArray("filters");
                for (SlaFilter f : t.filters()) own.add(filter(f));
            }
        }
        return c;
    }

    static ObjectNode filter(SlaFilter f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("metric_tag", f.metricTag());
        n.put("stat", f.stat());
        n.put("op", f.op().aiperfName());
        n.put("threshold", f.threshold());
        return n;
    }

    private static JsonNode bestTrials(SearchProblem p, List<Evaluation> history) {
        List<Integer> best = BestTrials.select(history, p);
        if (best.isEmpty()) return null;
        int feasible = BestTrials.feasibleCount(history);
        ArrayNode out = JSON.createArrayNode();
        for (int i : best) {
            Evaluation o = history.get(i);
            ObjectNode n = out.addObject();
            n.put("iteration_idx", o.index());
            n.set("objective_values", numbers(o.objectives()));
            n.set("variation_values", values(p, o.values()));
            n.put("feasible", o.feasible());
            n.put("feasible_count", feasible);
            n.put("pareto_rank", 0);
        }
        return out;
    }

    private static JsonNode boundary(SearchStrategy planner, List<Evaluation> history, String reason) {
        BoundarySummary b = planner.boundary(history);
        if (b == null) return null;
        SearchProblem p = planner.problem();
        Knob dim = p.space().get(0);
        ObjectNode n = JSON.createObjectNode();
        n.put("swept_dim_path", b.sweptDimPath());
        if (b.feasibleMax() == null) {
            n.putNull("feasible_max");
        } else {
            Evaluation o = history.get(b.feasibleMax().position());
            ObjectNode f = n.putObject("feasible_max");
            putValue(f, "value", dim, b.feasibleMax().value());
            f.put("iteration_idx", o.index());
            f.set("objective_value", o.scored() ? JSON.getNodeFactory().numberNode(o.objective(0)) : null);
        }
        if (b.infeasibleMin() == null) {
            n.putNull("infeasible_min");
        } else {
            Evaluation o = history.get(b.infeasibleMin().position());
            ObjectNode f = n.putObject("infeasible_min");
            putValue(f, "value", dim, b.infeasibleMin().value());
            f.put("iteration_idx", o.index());
            int k = b.infeasibleMin().firstBreach();
            if (k < 0) {
                f.putNull("first_breach");
            } else {
                ObjectNode breach = filter(p.observedFilters().get(k));
                double observed = o.sla(k);
                if (Double.isFinite(observed)) breach.put("observed", observed);
                else breach.putNull("observed");
                f.set("first_breach", breach);
            }
        }
        n.put("non_monotonic_warning", b.nonMonotonicWarning());
        n.put("convergence_reason", reason);
        if (b.bindingConstraint() != null) n.put("binding_constraint", b.bindingConstraint());
        if (b.estimate() != null) n.put("boundary_estimate", b.estimate());
        return n;
    }

    private static ObjectNode values(SearchProblem p, double[] v) {
        ObjectNode n = JSON.createObjectNode();
        for (Map.Entry<String, Number> e : p.space().valuesByPath(v).entrySet()) {
            if (e.getValue() instanceof Long l) n.put(e.getKey(), l);
            else n.put(e.getKey(), e.getValue().doubleValue());
        }
        return n;
    }

    private static void putValue(ObjectNode n, String key, Knob dim, double v) {
        if (dim.isInteger()) n.put(key, Math.round(v));
        else n.put(key, v);
    }

    /** Non-finite values become null, as AIPerf scrubs them. */
    private static ArrayNode numbers(double[] v) {
        ArrayNode a = JSON.createArrayNode();
        for (double d : v) {
            if (Double.isFinite(d)) a.add(d);
            else a.addNull();
        }
        return a;
    }

    /**
     * Reads the iterations of a history written by {@link #write} for the same search, so that a resumed
     * search continues exactly. A history of another search (space, objectives, SLAs, planner) is refused.
     */
    public static List<Evaluation> read(String json, SearchStrategy planner, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.has("config") || !root.path("iterations").isArray()) {
            throw new IllegalArgumentException(source + ": not a search history (no config/iterations)");
        }
        JsonNode expected = config(planner);
        for (String key : List.of("planner", "objectives", "search_space", "sla_filters", "tiers")) {
            if (!java.util.Objects.equals(expected.get(key), root.get("config").get(key))) {
                throw new IllegalArgumentException(source + ": the search there has a different " + key
                        + "; resume it with the same search options, or start a new one in another directory");
            }
        }
        SearchProblem p = planner.problem();
        List<Evaluation> out = new ArrayList<>();
        for (JsonNode it : root.get("iterations")) {
            int index = it.path("iteration_idx").asInt(out.size());
            double[] values = p.space().valuesOf(numbersOf(it.get("variation_values")));
            if (it.hasNonNull("error")) {
                out.add(Evaluation.failed(index, values, p.objectives().size(), p.observedFilters().size(), it.get("error").asText()));
                continue;
            }
            double[] objectives = array(it.get("objective_values"), p.objectives().size());
            double[] variances = array(it.get("objective_variances"), p.objectives().size());
            double[] sla = array(it.get("sla_observed"), p.observedFilters().size());
            out.add(Evaluation.measured(index, values, objectives, variances, sla, p));
        }
        return out;
    }

    private static Map<String, Number> numbersOf(JsonNode node) {
        Map<String, Number> m = new java.util.LinkedHashMap<>();
        if (node != null) node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble()));
        return m;
    }

    private static double[] array(JsonNode node, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode v = node == null || node.isNull() ? null : node.get(i);
            out[i] = v == null || v.isNull() ? Double.NaN : v.asDouble();
        }
        return out;
    }
}
