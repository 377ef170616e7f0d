package dev.redline.plan.search;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.api.v1alpha1.SearchDimensionSpec;
import dev.redline.api.v1alpha1.SearchObjectiveSpec;
import dev.redline.api.v1alpha1.SlaFilterSpec;
import dev.redline.api.v1alpha1.SlaTierSpec;
import dev.redline.api.v1alpha1.SloOperator;
import dev.redline.api.validate.Suggestions;
import dev.redline.plan.DotPath;
import dev.redline.plan.Knob;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Validates an {@link AdaptiveSearchSpec} (from flags, a YAML file or a Search resource) and builds its
 * {@link SearchProblem} and planner. Every problem is one {@link SpecException} line naming the field (or
 * flag) and the fix; Optuna options are mapped to the built-in planner with a notice, or refused.
 */
public final class SearchSpecs {
    public static final int DEFAULT_MAX_ITERATIONS = 30;
    public static final int MIN_TIERS = 2;
    public static final int MAX_TIERS = 10;

    /** Knobs (by {@link DotPath#name()}) that are whole numbers unless the search space says otherwise. */
    private static final Set<String> INTEGER_KNOBS = Set.of("concurrency", "prefill_concurrency", "users", "requests",
            "sessions", "isl", "osl", "isl_stddev", "osl_stddev");
    private static final Set<String> SINGLE_ACQUISITIONS = Set.of("logei", "qlogei", "qnei", "qlognei");
    private static final Set<String> MULTI_ACQUISITIONS = Set.of("qehvi", "qnehvi", "qlognehvi");
    private static final Set<String> SAMPLERS = Set.of("gp", "tpe", "botorch");

    /** A validated search: what to run, how, and the notices to print once. */
    public record Resolved(SearchProblem problem, SearchStrategy planner, AdaptiveSearchSpec.Pooling pooling, String recipe,
                           double cooldownSeconds, List<String> notices) {
        public Resolved { notices = List.copyOf(notices); }
    }

    private SearchSpecs() { }

    /**
     * @param streaming whether the benchmark template streams (streaming-only metrics need it)
     */
    public static Resolved resolve(AdaptiveSearchSpec spec, boolean streaming, SearchFieldNames names) {
        List<String> notices = new ArrayList<>();
        SearchSpace space = space(spec.getSearchSpace(), names);
        List<Objective> objectives = objectives(spec.getObjectives(), streaming, names);
        List<SlaFilter> filters = filters(spec.getSlaFilters(), streaming, i -> names.name("slaFilters[" + i + "]"));
        List<SlaTier> tiers = tiers(spec.getSlaTiers(), streaming, names);
        AdaptiveSearchSpec.Pooling pooling = pooling(spec, objectives, names);
        SearchPlanners planner = planner(spec, objectives.size(), names, notices);

        int maxIterations = orDefault(spec.getMaxIterations(), DEFAULT_MAX_ITERATIONS);
        requireRange(names.name("maxIterations"), maxIterations, StoppingRules.MIN_ITERATIONS, StoppingRules.MAX_ITERATIONS);
        int patience = orDefault(spec.getImprovementPatience(), StoppingRules.DEFAULT_PATIENCE);
        requireRange(names.name("improvementPatience"), patience, 2, Integer.MAX_VALUE);
        int window = orDefault(spec.getPlateauWindow(), StoppingRules.DEFAULT_PLATEAU_WINDOW);
        requireRange(names.name("plateauWindow"), window, 2, Integer.MAX_VALUE);
        double plateau = spec.getPlateauThreshold() == null ? StoppingRules.DEFAULT_PLATEAU_THRESHOLD : spec.getPlateauThreshold();
        if (!(plateau > 0) || !Double.isFinite(plateau)) fail(names.name("plateauThreshold"), "must be a number > 0, got " + plateau);
        int initial = orDefault(spec.getNInitialPoints(), SearchProblem.DEFAULT_INITIAL_POINTS);
        requireRange(names.name("nInitialPoints"), initial, 1, Integer.MAX_VALUE);
        if (planner == SearchPlanners.BAYESIAN && initial >= maxIterations) {
            fail(names.name("nInitialPoints"), initial + " must be < " + names.name("maxIterations") + " (" + maxIterations
                    + "), or the Gaussian process never proposes a point; lower it or raise the iterations");
        }
        long seed = spec.getRandomSeed() == null ? 0 : spec.getRandomSeed();
        if (seed < 0) fail(names.name("randomSeed"), "must be >= 0, got " + seed);
        double precision = spec.getPrecision() == null ? SearchProblem.DEFAULT_PRECISION : spec.getPrecision();
        if (!(precision > 0 && precision < 1)) fail(names.name("precision"), "must be a fraction in (0, 1), e.g. 0.05, got " + precision);

        double cooldown = spec.getCooldownSeconds() == null ? 0 : spec.getCooldownSeconds();
        if (!(cooldown >= 0 && cooldown <= 86400)) fail(names.name("cooldownSeconds"), cooldown + " is not 0..86400 seconds");
        SearchProblem problem = new SearchProblem(space, objectives, filters,
                new StoppingRules(maxIterations, patience, window, plateau), initial, seed, precision, SearchProblem.DEFAULT_MARGIN_Z, tiers);
        SearchStrategy built;
        try {
            if (!tiers.isEmpty() && planner != SearchPlanners.SMOOTH_ISOTONIC) {
                notices.add(names.name("planner") + " " + planner.wireName() + " is not used with " + names.name("slaTiers")
                        + ": the multi-tier search has its own bracket/bisection method");
            }
            built = tiers.isEmpty() ? planner.create(problem) : new MultiTierPlanner(problem);
        } catch (IllegalArgumentException e) {
            throw new SpecException(names.name(tiers.isEmpty() ? "planner" : "slaTiers") + ": " + e.getMessage());
        }
        return new Resolved(problem, built, pooling, spec.getRecipe(), cooldown, notices);
    }

    private static SearchSpace space(List<SearchDimensionSpec> dims, SearchFieldNames names) {
        if (dims == null || dims.isEmpty()) {
            fail(names.name("searchSpace"), "is required: name at least one knob, e.g. concurrency:1,256:int");
        }
        List<Knob> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < dims.size(); i++) {
            SearchDimensionSpec d = dims.get(i);
            String field = names.name("searchSpace[" + i + "]");
            if (d == null || d.getPath() == null || d.getPath().isBlank()) fail(field, "needs a path (e.g. concurrency or phases.profiling.rate)");
            String shortName = d.getPath().trim();
            DotPath dot = DotPath.parse(shortName, field);
            String path = dot.canonical();
            if (d.getLo() == null || d.getHi() == null) fail(field, "needs lo and hi");
            double lo = d.getLo(), hi = d.getHi();
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) fail(field, "lo and hi must be finite numbers, got " + lo + ", " + hi);
            if (!(lo < hi)) fail(field, "lo (" + num(lo) + ") must be < hi (" + num(hi) + ") for " + shortName);
            if (!seen.add(path)) fail(field, "names " + path + " twice; give each knob once");
            Knob.Kind kind = d.getKind() != null ? (d.getKind() == SearchDimensionSpec.Kind.INT ? Knob.Kind.INT
                    : Knob.Kind.REAL) : INTEGER_KNOBS.contains(dot.name()) ? Knob.Kind.INT : Knob.Kind.REAL;
            Knob.Scale scale = d.getPrior() == SearchDimensionSpec.Prior.LOG_UNIFORM ? Knob.Scale.LOG
                    : Knob.Scale.LINEAR;
            if (scale == Knob.Scale.LOG && lo <= 0) fail(field, "prior log-uniform needs lo > 0, got " + num(lo));
            if (kind == Knob.Kind.INT && Math.ceil(lo) > Math.floor(hi)) {
                fail(field, "kind int but no whole number lies in " + num(lo) + ".." + num(hi));
            }
            out.add(new Knob(path, lo, hi, kind, scale));
        }
        return new SearchSpace(out);
    }

    private static List<Objective> objectives(List<SearchObjectiveSpec> specs, boolean streaming, SearchFieldNames names) {
        if (specs == null || specs.isEmpty()) {
            fail(names.name("objectives"), "is required: name the metric to optimise, e.g. output_token_throughput");
        }
        if (specs.size() > SearchProblem.MAX_OBJECTIVES) {
            fail(names.name("objectives"), "at most " + SearchProblem.MAX_OBJECTIVES + " objectives, got " + specs.size());
        }
        List<Objective> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            SearchObjectiveSpec o = specs.get(i);
            String field = "objectives[" + i + "]";
            if (o == null || o.getMetric() == null || o.getMetric().isBlank()) fail(names.name(field + ".metric"), "is required");
            metric(o.getMetric(), streaming, names.name(field + ".metric"));
            String stat = o.getStat() == null ? "avg" : o.getStat();
            if (!SearchMetrics.OBJECTIVE_STATS.contains(stat)) {
                fail(names.name(field + ".stat"), "unknown stat '" + stat + "'" + Suggestions.didYouMean(stat, SearchMetrics.OBJECTIVE_STATS)
                        + "; use one of " + String.join(", ", SearchMetrics.OBJECTIVE_STATS));
            }
            if (o.getDirection() == null) fail(names.name(field + ".direction"), "is required: maximize or minimize");
            Double ref = o.getThreshold();
            if (ref != null && !Double.isFinite(ref)) fail(names.name(field + ".threshold"), "must be a finite number");
            out.add(new Objective(o.getMetric(), stat,
                    o.getDirection() == SearchObjectiveSpec.Direction.MAXIMIZE ? Direction.MAXIMIZE : Direction.MINIMIZE, ref));
        }
        return out;
    }

    /** AIPerf's multi-tier grammar: 2 to 10 tiers, each with a unique label and at least one filter. */
    private static List<SlaTier> tiers(List<SlaTierSpec> specs, boolean streaming, SearchFieldNames names) {
        List<SlaTier> out = new ArrayList<>();
        if (specs == null) return out;
        if (specs.size() < MIN_TIERS || specs.size() > MAX_TIERS) {
            fail(names.name("slaTiers"), "expected between " + MIN_TIERS + " and " + MAX_TIERS + " tiers, got " + specs.size()
                    + "; give one per service level, or use --search-sla for a single one");
        }
        Set<String> labels = new HashSet<>();
        for (int t = 0; t < specs.size(); t++) {
            SlaTierSpec spec = specs.get(t);
            String field = names.name("slaTiers[" + t + "]");
            String label = spec == null || spec.getLabel() == null || spec.getLabel().isBlank() ? null : spec.getLabel().trim();
            if (label == null) fail(field, "needs a label (LABEL:FILTER[,FILTER...])");
            if (!labels.add(label)) fail(field, "duplicate label '" + label + "'; each tier needs a unique label");
            if (spec.getFilters() == null || spec.getFilters().isEmpty()) {
                fail(field, "tier '" + label + "' has no filters; give at least one metric_tag:stat:op:threshold");
            }
            final int tier = t;
            out.add(new SlaTier(label, filters(spec.getFilters(), streaming, i -> names.name("slaTiers[" + tier + "].filters[" + i + "]"))));
        }
        return out;
    }

    private static List<SlaFilter> filters(List<SlaFilterSpec> specs, boolean streaming, IntFunction<String> fieldName) {
        List<SlaFilter> out = new ArrayList<>();
        if (specs == null) return out;
        for (int i = 0; i < specs.size(); i++) {
            SlaFilterSpec f = specs.get(i);
            String field = fieldName.apply(i);
            if (f == null || f.getMetricTag() == null || f.getMetricTag().isBlank()) fail(field, "needs a metric tag");
            metric(f.getMetricTag(), streaming, field);
            String stat = f.getStat() == null ? "p95" : f.getStat();
            if (!SearchMetrics.SLA_STATS.contains(stat)) {
                fail(field, "unknown stat '" + stat + "'" + Suggestions.didYouMean(stat, SearchMetrics.SLA_STATS)
                        + "; use one of " + String.join(", ", SearchMetrics.SLA_STATS));
            }
            SloOperator op = f.getOp() == null ? null : opOf(f.getOp());
            if (op == null) fail(field, "op must be lt, le, gt or ge, got '" + f.getOp() + "'");
            if (f.getThreshold() == null || !Double.isFinite(f.getThreshold())) {
                fail(field, "threshold must be a finite number, got " + f.getThreshold());
            }
            out.add(new SlaFilter(f.getMetricTag(), stat, op, f.getThreshold()));
        }
        return out;
    }

    /** lt, le, gt, ge only: the symbols of Benchmark SLOs are not part of AIPerf's search grammar. */
    private static SloOperator opOf(String op) {
        SloOperator parsed = SloOperator.parse(op);
        return parsed != null && parsed.aiperfName().equals(op.trim()) ? parsed : null;
    }

    private static void metric(String tag, boolean streaming, String field) {
        if (!SearchMetrics.known(tag)) {
            fail(field, "unknown metric tag '" + tag + "'" + Suggestions.didYouMean(tag, SearchMetrics.TAGS)
                    + "; see docs/metrics.md for the tags");
        }
        if (!streaming && SearchMetrics.streamingOnly(tag)) {
            fail(field, tag + " is measured only on streamed responses; add --streaming (endpoint.streaming: true) or pick another metric");
        }
    }

    private static AdaptiveSearchSpec.Pooling pooling(AdaptiveSearchSpec spec, List<Objective> objectives, SearchFieldNames names) {
        AdaptiveSearchSpec.Pooling p = spec.getObjectivePooling() == null ? AdaptiveSearchSpec.Pooling.MEAN : spec.getObjectivePooling();
        if (p == AdaptiveSearchSpec.Pooling.POOLED && objectives.stream().noneMatch(o -> o.stat().startsWith("p"))) {
            fail(names.name("objectivePooling"), "pooled needs a percentile objective (p50/p90/p95/p99); pooling averages changes nothing");
        }
        return p;
    }

    private static SearchPlanners planner(AdaptiveSearchSpec spec, int objectiveCount, SearchFieldNames names, List<String> notices) {
        AdaptiveSearchSpec.Planner p = spec.getPlanner() == null ? AdaptiveSearchSpec.Planner.BAYESIAN : spec.getPlanner();
        boolean optuna = p == AdaptiveSearchSpec.Planner.OPTUNA;
        if (optuna) notices.add(names.name("planner") + " optuna: runs Redline's Bayesian planner (Matern 5/2 Gaussian process, log EI)");
        String sampler = spec.getOptunaSampler();
        if (sampler != null) {
            if (!SAMPLERS.contains(sampler)) fail(names.name("optunaSampler"), "must be gp, tpe or botorch, got '" + sampler + "'");
            notices.add(names.name("optunaSampler") + " " + sampler + ": the built-in Gaussian-process planner is used");
        }
        String acq = spec.getOptunaAcquisition();
        if (acq != null) {
            if (SINGLE_ACQUISITIONS.contains(acq)) {
                if (objectiveCount != 1) fail(names.name("optunaAcquisition"), acq + " is single-objective but " + objectiveCount
                        + " objectives are set; use qlognehvi or drop objectives");
                notices.add(names.name("optunaAcquisition") + " " + acq + ": mapped to log expected improvement");
            } else if (MULTI_ACQUISITIONS.contains(acq)) {
                if (objectiveCount == 1) fail(names.name("optunaAcquisition"), acq + " is multi-objective but one objective is set; use logei");
                notices.add(names.name("optunaAcquisition") + " " + acq + ": mapped to the Pareto search (ParEGO scalarisation, hypervolume)");
            } else {
                fail(names.name("optunaAcquisition"), "unknown acquisition '" + acq + "'; use one of logei, qlogei, qnei, qlognei, qehvi, qnehvi, qlognehvi");
            }
        }
        String term = spec.getOptunaTerminator();
        if (term != null && !term.equals("none")) {
            fail(names.name("optunaTerminator"), term.equals("regret") || term.equals("emmr")
                    ? term + " (posterior-regret stopping) is not implemented; drop it and rely on improvement patience and the CV plateau"
                    : "must be none, got '" + term + "'");
        }
        if (!optuna && p != AdaptiveSearchSpec.Planner.BAYESIAN && (sampler != null || acq != null)) {
            fail(names.name("planner"), "Optuna options apply to the bayesian planner only, not " + p.name().toLowerCase());
        }
        return switch (p) {
            case BAYESIAN, OPTUNA -> SearchPlanners.BAYESIAN;
            case MONOTONIC_SLA -> SearchPlanners.MONOTONIC_SLA;
            case SMOOTH_ISOTONIC -> SearchPlanners.SMOOTH_ISOTONIC;
            case GRID -> SearchPlanners.GRID;
        };
    }

    private static int orDefault(Integer v, int d) { return v == null ? d : v; }

    private static void requireRange(String field, int v, int lo, int hi) {
        if (v < lo || v > hi) fail(field, "must be " + (hi == Integer.MAX_VALUE ? ">= " + lo : "in " + lo + ".." + hi) + ", got " + v);
    }

    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static void fail(String field, String message) {
        throw new SpecException(field + ": " + message);
    }
}
