package dev.redline.plan.search.recipe;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.api.v1alpha1.SearchDimensionSpec;
import dev.redline.api.v1alpha1.SearchObjectiveSpec;
import dev.redline.api.v1alpha1.SearchRecipeSpec;
import dev.redline.api.v1alpha1.SlaFilterSpec;
import dev.redline.api.validate.Suggestions;
import dev.redline.plan.search.SearchFieldNames;
import dev.redline.plan.search.SearchMetrics;
import dev.redline.plan.DotPath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * AIPerf's search recipes ({@code --search-recipe}), with its defaults: each names a question
 * ("highest throughput with TTFT p95 under X") and expands into the search or sweep that answers it.
 * Streaming-only metrics need a streaming benchmark; a recipe without its SLA option is refused.
 */
public final class SearchRecipes {
    public static final String CONCURRENCY = DotPath.parse("concurrency", "recipe").canonical();
    public static final String ISL = DotPath.parse("isl", "recipe").canonical();
    public static final String OSL = DotPath.parse("osl", "recipe").canonical();
    /** Each recipe's name and what it answers; {@link #expand} dispatches on these names, {@code redline plugins recipe} lists them. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();
    public static final List<String> NAMES = List.copyOf(DESCRIPTIONS.keySet());

    private static Map<String, String> descriptions() {
        Map<String, String> d = new java.util.LinkedHashMap<>();
        d.put("max-throughput-ttft-sla", "highest output token throughput with TTFT p95 under --ttft-sla-ms (Bayesian over concurrency)");
        d.put("max-throughput-itl-sla", "highest output token throughput with ITL p95 under --itl-sla-ms (Bayesian over concurrency)");
        d.put("max-concurrency-under-sla", "highest concurrency where every SLA filter passes (smooth-isotonic by default, --search-style)");
        d.put("max-goodput-under-slo", "highest goodput where a share of requests meets TTFT, TPOT and E2E SLOs together (DistServe)");
        d.put("concurrency-ramp", "log-spaced concurrency ramp; the first concurrency whose request latency p99 degrades past baseline");
        d.put("prefill-ttft-curve", "ISL sweep at concurrency 1 with a TTFT-vs-ISL fit (linear, quadratic when r^2 < 0.85)");
        d.put("decode-itl-curve", "concurrency x OSL grid with the ITL surface (decode_itl_surface.json)");
        d.put("pareto-sweep", "paired ISL/OSL shapes across concurrencies; the latency/throughput Pareto frontier");
        return java.util.Collections.unmodifiableMap(d);
    }
    public static final List<String> STYLES = List.of("smooth_isotonic", "monotonic", "bo", "grid");

    private SearchRecipes() { }

    /**
     * @param streaming whether the benchmark streams
     * @param names     how recipe options are named in errors (flags on the CLI, fields on a resource)
     */
    public static RecipePlan expand(SearchRecipeSpec r, boolean streaming, SearchFieldNames names) {
        String name = r.getName();
        if (name == null || !NAMES.contains(name)) {
            throw new SpecException(names.name("name") + ": unknown recipe '" + name + "'"
                    + (name == null ? "" : Suggestions.didYouMean(name, NAMES)) + "; use one of " + String.join(", ", NAMES));
        }
        Ctx c = new Ctx(r, streaming, names);
        return switch (name) {
            case "max-throughput-ttft-sla" -> {
                double ttft = c.required("ttftSlaMs", r.getTtftSlaMs(), "the TTFT p95 threshold in ms");
                c.streaming("time_to_first_token");
                yield c.bo(List.of(sla("time_to_first_token", "p95", "lt", ttft)), "output_token_throughput", Map.of());
            }
            case "max-throughput-itl-sla" -> {
                Double itl = c.interToken();
                if (itl == null) c.missing("itlSlaMs", "the inter-token latency p95 threshold in ms (or tpotSlaMs)");
                c.streaming("inter_token_latency");
                yield c.bo(List.of(sla("inter_token_latency", "p95", "lt", itl)), "output_token_throughput", Map.of());
            }
            case "max-concurrency-under-sla" -> c.maxConcurrency();
            case "max-goodput-under-slo" -> c.maxGoodput();
            case "concurrency-ramp" -> c.concurrencyRamp();
            case "prefill-ttft-curve" -> c.prefillCurve();
            case "decode-itl-curve" -> c.decodeSurface();
            default -> c.paretoSweep();
        };
    }

    static SlaFilterSpec sla(String tag, String stat, String op, double threshold) {
        return new SlaFilterSpec(tag, stat, op, threshold);
    }

    /**
     * {@code steps} log-spaced whole numbers from lo to hi, ends included, rounding duplicates dropped
     * (AIPerf's {@code _logspace_int_steps}).
     */
    public static List<Number> logSteps(int lo, int hi, int steps) {
        TreeSet<Long> out = new TreeSet<>();
        for (int i = 0; i < steps; i++) {
            double v = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (steps - 1));
            out.add(Math.max(1, Math.round(v)));
        }
        return new ArrayList<>(out);
    }

    /** The recipe being expanded with its options and error naming. */
    private record Ctx(SearchRecipeSpec r, boolean streamingOn, SearchFieldNames names) {
        String recipe() { return r.getName(); }

        double required(String field, Double v, String what) {
            if (v == null) missing(field, what);
            positive(field, v);
            return v;
        }

        void missing(String field, String what) {
            throw new SpecException(names.name(field) + ": required by recipe " + recipe() + " (" + what + ")");
        }

        void positive(String field, Double v) {
            if (v != null && !(v > 0 && Double.isFinite(v))) throw new SpecException(names.name(field) + ": must be a number > 0, got " + v);
        }

        void streaming(String tag) {
            if (!streamingOn && SearchMetrics.streamingOnly(tag)) {
                throw new SpecException(names.name("name") + ": recipe " + recipe() + " judges " + tag
                        + ", which is measured only on streamed responses; add --streaming (endpoint.streaming: true)");
            }
        }

        Double interToken() {
            Double itl = r.getItlSlaMs(), tpot = r.getTpotSlaMs();
            positive("itlSlaMs", itl);
            positive("tpotSlaMs", tpot);
            if (itl != null && tpot != null && !itl.equals(tpot)) {
                throw new SpecException(names.name("tpotSlaMs") + ": " + tpot + " conflicts with " + names.name("itlSlaMs") + " " + itl
                        + " (they are the same inter-token SLA); give one");
            }
            return itl != null ? itl : tpot;
        }

        int[] concurrencyBounds(int lo, int hi) {
            int a = r.getConcurrencyMin() == null ? lo : r.getConcurrencyMin();
            int b = r.getConcurrencyMax() == null ? hi : r.getConcurrencyMax();
            if (a < 1) throw new SpecException(names.name("concurrencyMin") + ": must be >= 1, got " + a);
            if (a >= b) {
                throw new SpecException(names.name("concurrencyMin") + ": " + a + " must be < " + names.name("concurrencyMax") + " (" + b + ")");
            }
            return new int[] {a, b};
        }

        int steps(String field, Integer v, int d) {
            int s = v == null ? d : v;
            if (s < 2) throw new SpecException(names.name(field) + ": must be >= 2, got " + s);
            return s;
        }

        AdaptiveSearchSpec search(AdaptiveSearchSpec.Planner planner, int lo, int hi, boolean logPrior, String objective,
                                  List<SlaFilterSpec> filters, int maxIterations) {
            AdaptiveSearchSpec s = new AdaptiveSearchSpec();
            s.setRecipe(recipe());
            s.setPlanner(planner);
            s.setSearchSpace(List.of(new SearchDimensionSpec(CONCURRENCY, (double) lo, (double) hi, SearchDimensionSpec.Kind.INT,
                    logPrior ? SearchDimensionSpec.Prior.LOG_UNIFORM : SearchDimensionSpec.Prior.UNIFORM)));
            s.setObjectives(List.of(new SearchObjectiveSpec(objective, "avg", SearchObjectiveSpec.Direction.MAXIMIZE)));
            s.setSlaFilters(filters);
            s.setMaxIterations(maxIterations);
            s.setNInitialPoints(planner == AdaptiveSearchSpec.Planner.BAYESIAN ? 5 : 1);
            return s;
        }

        RecipePlan bo(List<SlaFilterSpec> filters, String objective, Map<String, Double> slos) {
            int[] b = concurrencyBounds(1, 1000);
            return new RecipePlan(recipe(), search(AdaptiveSearchSpec.Planner.BAYESIAN, b[0], b[1], true, objective, filters, 30),
                    slos, null, null, null);
        }

        RecipePlan maxConcurrency() {
            List<SlaFilterSpec> filters = new ArrayList<>();
            if (r.getTtftSlaMs() != null) filters.add(sla("time_to_first_token", "p95", "lt", required("ttftSlaMs", r.getTtftSlaMs(), "")));
            Double itl = interToken();
            if (itl != null) filters.add(sla("inter_token_latency", "p95", "lt", itl));
            if (r.getE2eSlaMs() != null) filters.add(sla("request_latency", "p99", "lt", required("e2eSlaMs", r.getE2eSlaMs(), "")));
            Double err = r.getErrorRateSla();
            if (err != null) {
                if (!(err > 0 && err <= 1)) throw new SpecException(names.name("errorRateSla") + ": must be a fraction in (0, 1], got " + err);
                // request_error_rate is reported in percent; the option is a fraction, as AIPerf's
                filters.add(sla("request_error_rate", "avg", "lt", err * 100));
            }
            if (filters.isEmpty()) {
                throw new SpecException(names.name("name") + ": recipe " + recipe() + " needs at least one SLA: "
                        + names.name("ttftSlaMs") + ", " + names.name("tpotSlaMs") + ", " + names.name("e2eSlaMs") + " or " + names.name("errorRateSla"));
            }
            for (SlaFilterSpec f : filters) streaming(f.getMetricTag());
            String style = r.getSearchStyle() == null ? "smooth_isotonic" : r.getSearchStyle();
            if (!STYLES.contains(style)) {
                throw new SpecException(names.name("searchStyle") + ": unknown style '" + style + "'" + Suggestions.didYouMean(style, STYLES)
                        + "; use one of " + String.join(", ", STYLES));
            }
            int[] b = concurrencyBounds(1, 1000);
            return switch (style) {
                case "monotonic" -> new RecipePlan(recipe(), search(AdaptiveSearchSpec.Planner.MONOTONIC_SLA, b[0], b[1], false,
                        "output_token_throughput", filters, 20), Map.of(), null, null, null);
                case "bo" -> new RecipePlan(recipe(), search(AdaptiveSearchSpec.Planner.BAYESIAN, b[0], b[1], true,
                        "output_token_throughput", filters, 30), Map.of(), null, null, null);
                case "grid" -> {
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("swept_param", CONCURRENCY);
                    params.put("sla_filters", filters);
                    yield new RecipePlan(recipe(), null, Map.of(),
                            Map.of(CONCURRENCY, logSteps(b[0], b[1], steps("concurrencySteps", r.getConcurrencySteps(), 8))), null,
                            new RecipePlan.PostProcess("sla_breach_knee", "sla_breach.json", params));
                }
                default -> new RecipePlan(recipe(), search(AdaptiveSearchSpec.Planner.SMOOTH_ISOTONIC, b[0], b[1], false,
                        "output_token_throughput", filters, 30), Map.of(), null, null, null);
            };
        }

        RecipePlan maxGoodput() {
            List<String> missing = new ArrayList<>();
            if (r.getTtftSlaMs() == null) missing.add(names.name("ttftSlaMs"));
            Double tpot = interToken();
            if (tpot == null) missing.add(names.name("tpotSlaMs"));
            if (r.getE2eSlaMs() == null) missing.add(names.name("e2eSlaMs"));
            if (!missing.isEmpty()) {
                throw new SpecException(names.name("name") + ": recipe " + recipe() + " needs " + String.join(", ", missing)
                        + " (together they define a good request)");
            }
            positive("ttftSlaMs", r.getTtftSlaMs());
            positive("e2eSlaMs", r.getE2eSlaMs());
            double attainment = r.getSloAttainmentFraction() == null ? 0.95 : r.getSloAttainmentFraction();
            if (!(attainment > 0 && attainment <= 1)) {
                throw new SpecException(names.name("sloAttainmentFraction") + ": must be in (0, 1], got " + attainment);
            }
            streaming("inter_token_latency");
            Map<String, Double> slos = new LinkedHashMap<>();
            slos.put("time_to_first_token", r.getTtftSlaMs());
            slos.put("inter_token_latency", tpot);
            slos.put("request_latency", r.getE2eSlaMs());
            return bo(List.of(sla(SearchMetrics.GOOD_REQUEST_FRACTION, "avg", "ge", attainment)), "goodput", slos);
        }

        RecipePlan concurrencyRamp() {
            int[] b = concurrencyBounds(1, 1000);
            double threshold = r.getDegradationThreshold() == null ? 0.20 : r.getDegradationThreshold();
            if (!(threshold > 0) || !Double.isFinite(threshold)) {
                throw new SpecException(names.name("degradationThreshold") + ": must be a number > 0 (0.20 = 20 %), got " + threshold);
            }
            String tag = r.getDegradationMetricTag() == null ? "request_latency" : r.getDegradationMetricTag();
            if (!SearchMetrics.known(tag)) {
                throw new SpecException(names.name("degradationMetricTag") + ": unknown metric tag '" + tag + "'"
                        + Suggestions.didYouMean(tag, SearchMetrics.TAGS));
            }
            streaming(tag);
            String stat = r.getDegradationStat() == null ? "p99" : r.getDegradationStat();
            if (!SearchMetrics.SLA_STATS.contains(stat)) {
                throw new SpecException(names.name("degradationStat") + ": unknown stat '" + stat + "'; use one of " + String.join(", ", SearchMetrics.SLA_STATS));
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("threshold_pct", threshold);
            params.put("metric_tag", tag);
            params.put("stat", stat);
            params.put("swept_param", CONCURRENCY);
            return new RecipePlan(recipe(), null, Map.of(),
                    Map.of(CONCURRENCY, logSteps(b[0], b[1], steps("concurrencySteps", r.getConcurrencySteps(), 8))), null,
                    new RecipePlan.PostProcess("degradation_knee_detect", "degradation_knee.json", params));
        }

        RecipePlan prefillCurve() {
            streaming("time_to_first_token");
            int lo = r.getIslMin() == null ? 256 : r.getIslMin(), hi = r.getIslMax() == null ? 32768 : r.getIslMax();
            if (lo < 1 || lo >= hi) throw new SpecException(names.name("islMin") + ": " + lo + " must be >= 1 and < " + names.name("islMax") + " (" + hi + ")");
            Map<String, List<Number>> grid = new LinkedHashMap<>();
            grid.put(ISL, logSteps(lo, hi, steps("islSteps", r.getIslSteps(), 8)));
            grid.put(CONCURRENCY, List.of(1));
            return new RecipePlan(recipe(), null, Map.of(), grid, null, new RecipePlan.PostProcess("ttft_curve_fit", "prefill_curve.json",
                    Map.of("metric_tag", "time_to_first_token", "stat", "avg", "swept_param", ISL)));
        }

        RecipePlan decodeSurface() {
            streaming("inter_token_latency");
            int[] b = concurrencyBounds(1, 200);
            int lo = r.getOslMin() == null ? 64 : r.getOslMin(), hi = r.getOslMax() == null ? 1024 : r.getOslMax();
            if (lo < 1 || lo >= hi) throw new SpecException(names.name("oslMin") + ": " + lo + " must be >= 1 and < " + names.name("oslMax") + " (" + hi + ")");
            Map<String, List<Number>> grid = new LinkedHashMap<>();
            grid.put(CONCURRENCY, logSteps(b[0], b[1], steps("concurrencySteps", r.getConcurrencySteps(), 6)));
            grid.put(OSL, logSteps(lo, hi, steps("oslSteps", r.getOslSteps(), 4)));
            return new RecipePlan(recipe(), null, Map.of(), grid, null, new RecipePlan.PostProcess("itl_surface_fit", "decode_itl_surface.json",
                    Map.of("metric_tag", "inter_token_latency", "stat", "avg", "concurrency_param", CONCURRENCY, "osl_param", OSL)));
        }

        RecipePlan paretoSweep() {
            streaming("time_to_first_token");
            if (r.getIslOslPairs() == null || r.getIslOslPairs().isBlank()) missing("islOslPairs", "ISL/OSL shapes, e.g. 128/128,512/256");
            List<int[]> pairs = IslOslPairs.parse(r.getIslOslPairs(), names.name("islOslPairs"));
            List<Integer> conc = r.getConcurrency() == null || r.getConcurrency().isEmpty() ? List.of(1, 4, 16, 64, 256) : r.getConcurrency();
            for (int c : conc) if (c < 1) throw new SpecException(names.name("concurrency") + ": values must be >= 1, got " + c);
            if (pairs.size() * conc.size() < 2) {
                throw new SpecException(names.name("islOslPairs") + ": a Pareto sweep of one point is meaningless; give 2 shapes or 2 concurrencies");
            }
            List<RecipePlan.Scenario> scenarios = new ArrayList<>();
            for (int[] p : pairs) {
                for (int c : conc) {
                    Map<String, Number> v = new LinkedHashMap<>();
                    v.put(ISL, p[0]);
                    v.put(OSL, p[1]);
                    v.put(CONCURRENCY, c);
                    scenarios.add(new RecipePlan.Scenario("shape_" + p[0] + "_" + p[1] + "_c" + c, v));
                }
            }
            return new RecipePlan(recipe(), null, Map.of(), null, scenarios, new RecipePlan.PostProcess("pareto_sweep_export",
                    "pareto_sweep.json", Map.of("x_metric", "time_to_first_token", "x_stat", "p95", "y_metric", "output_token_throughput", "y_stat", "avg")));
        }
    }
}
