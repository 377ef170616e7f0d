package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.api.v1alpha1.SearchDimensionSpec;
import dev.redline.api.v1alpha1.SearchObjectiveSpec;
import dev.redline.api.v1alpha1.SearchRecipeSpec;
import dev.redline.api.v1alpha1.SlaFilterSpec;
import dev.redline.api.v1alpha1.SlaTierSpec;
import dev.redline.runner.BadInputException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The adaptive-search flags of {@code redline profile}, AIPerf's names: an explicit search
 * ({@code --search-space} with {@code --search-metric}/{@code --search-direction}), or a recipe
 * ({@code --search-recipe} with its SLA options). They build the one {@link AdaptiveSearchSpec} /
 * {@link SearchRecipeSpec} that YAML files and the Search resource also use.
 */
public class SearchOptions {
    @Option(names = "--search-space", paramLabel = "PATH:LO,HI[:int|real]",
            description = "A knob to search (repeatable): dot-path or concurrency, rate, users, smoothness, isl, osl; e.g. concurrency:1,256:int.")
    List<String> space;
    @Option(names = "--search-metric", paramLabel = "TAG", description = "Metric to optimise, e.g. output_token_throughput.")
    String metric;
    @Option(names = "--search-stat", paramLabel = "STAT", description = "Its statistic: avg (default), p50, p90, p95, p99.")
    String stat;
    @Option(names = "--search-direction", paramLabel = "DIR", description = "maximize or minimize.")
    String direction;
    @Option(names = "--search-max-iterations", paramLabel = "N", description = "Iteration budget, 2..200 (default 30).")
    Integer maxIterations;
    @Option(names = "--search-initial-points", paramLabel = "N", description = "Sobol points before the Gaussian process proposes (default 5).")
    Integer initialPoints;
    @Option(names = "--search-random-seed", paramLabel = "SEED", description = "Seed of the Sobol points (default 0).")
    Long seed;
    @Option(names = "--search-planner", paramLabel = "PLANNER",
            description = "bayesian (default), monotonic_sla, smooth_isotonic or grid; optuna runs as bayesian.")
    String planner;
    @Option(names = "--search-percentile-pooling", paramLabel = "MODE",
            description = "A percentile objective over trials: mean of per-trial values (default) or pooled over all requests.")
    String pooling;
    @Option(names = "--search-sla", paramLabel = "TAG:STAT:OP:THRESHOLD",
            description = "An SLA to keep (repeatable), op lt, le, gt or ge; e.g. time_to_first_token:p95:lt:200.")
    List<String> sla;
    @Option(names = "--search-sla-tier", paramLabel = "[LABEL:]FILTER[,FILTER...]",
            description = "One tier of a multi-tier SLA search (2 to 10, repeatable), each FILTER TAG:STAT:OP:THRESHOLD; unlabelled tiers are tier_1, tier_2, ...; --search-sla applies to every tier. Needs one int knob.")
    List<String> slaTiers;
    @Option(names = "--optuna-sampler", paramLabel = "NAME", description = "AIPerf's Optuna sampler (gp, tpe, botorch): accepted, the built-in Gaussian process is used.")
    String optunaSampler;
    @Option(names = "--optuna-acquisition", paramLabel = "NAME", description = "AIPerf's acquisition (logei ... qlognehvi): mapped to log EI or the Pareto search.")
    String optunaAcquisition;
    @Option(names = "--optuna-terminator", paramLabel = "NAME", description = "AIPerf's terminator: only none is supported.")
    String optunaTerminator;
    /** AIPerf deprecated this flag and ignores it (its constraints go through Optuna's constraints_func); so does Redline. */
    @Option(names = "--bo-constraint-mode", paramLabel = "MODE", description = "Deprecated in AIPerf and ignored there: accepted and ignored.")
    String boConstraintMode;
    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the search whose search_history.json is in DIR (its artifact directory).")
    Path resume;

    @Option(names = "--search-recipe", paramLabel = "NAME",
            description = "A named search: max-throughput-ttft-sla, max-throughput-itl-sla, max-concurrency-under-sla, max-goodput-under-slo, concurrency-ramp, prefill-ttft-curve, decode-itl-curve, pareto-sweep.")
    String recipe;
    @Option(names = "--ttft-sla-ms", paramLabel = "MS", description = "Recipe SLA: TTFT p95 below MS.")
    Double ttftSlaMs;
    @Option(names = "--itl-sla-ms", paramLabel = "MS", description = "Recipe SLA: inter-token latency p95 below MS.")
    Double itlSlaMs;
    @Option(names = "--tpot-sla-ms", paramLabel = "MS", description = "Recipe SLA: time per output token below MS (same as --itl-sla-ms).")
    Double tpotSlaMs;
    @Option(names = "--e2e-sla-ms", paramLabel = "MS", description = "Recipe SLA: request latency p99 below MS.")
    Double e2eSlaMs;
    @Option(names = "--error-rate-sla", paramLabel = "FRACTION", description = "Recipe SLA: error rate below FRACTION (0.01 = 1 %%).")
    Double errorRateSla;
    @Option(names = "--slo-attainment-fraction", paramLabel = "FRACTION", description = "max-goodput-under-slo: share of requests meeting all SLOs (default 0.95).")
    Double sloAttainmentFraction;
    @Option(names = "--search-style", paramLabel = "STYLE", description = "max-concurrency-under-sla: smooth_isotonic (default), monotonic, bo or grid.")
    String searchStyle;
    @Option(names = "--degradation-threshold", paramLabel = "FRACTION", description = "concurrency-ramp: degradation that marks the knee (default 0.20).")
    Double degradationThreshold;
    @Option(names = "--degradation-metric-tag", paramLabel = "TAG", description = "concurrency-ramp: metric judged (default request_latency).")
    String degradationMetricTag;
    @Option(names = "--degradation-stat", paramLabel = "STAT", description = "concurrency-ramp: statistic judged (default p99).")
    String degradationStat;
    @Option(names = "--concurrency-min", paramLabel = "N", description = "Recipes: lowest concurrency (default 1).")
    Integer concurrencyMin;
    @Option(names = "--concurrency-max", paramLabel = "N", description = "Recipes: highest concurrency (default 1000; decode-itl-curve 200).")
    Integer concurrencyMax;
    @Option(names = "--concurrency-steps", paramLabel = "N", description = "Grid recipes: concurrency levels, log-spaced (default 8; decode-itl-curve 6).")
    Integer concurrencySteps;
    @Option(names = "--isl-min", paramLabel = "TOKENS", description = "prefill-ttft-curve: smallest ISL (default 256).")
    Integer islMin;
    @Option(names = "--isl-max", paramLabel = "TOKENS", description = "prefill-ttft-curve: largest ISL (default 32768).")
    Integer islMax;
    @Option(names = "--isl-steps", paramLabel = "N", description = "prefill-ttft-curve: ISL levels, log-spaced (default 8).")
    Integer islSteps;
    @Option(names = "--osl-min", paramLabel = "TOKENS", description = "decode-itl-curve: smallest OSL (default 64).")
    Integer oslMin;
    @Option(names = "--osl-max", paramLabel = "TOKENS", description = "decode-itl-curve: largest OSL (default 1024).")
    Integer oslMax;
    @Option(names = "--osl-steps", paramLabel = "N", description = "decode-itl-curve: OSL levels, log-spaced (default 4).")
    Integer oslSteps;
    @Option(names = "--isl-osl-pairs", paramLabel = "PAIRS", description = "pareto-sweep: ISL/OSL shapes, e.g. 128/128,512/256.")
    String islOslPairs;

    /** Whether any explicit-search flag (not a recipe option) was given. */
    boolean explicitSearch() {
        return space != null || metric != null || stat != null || direction != null || planner != null || pooling != null
                || sla != null || optunaSampler != null || optunaAcquisition != null || optunaTerminator != null;
    }

    /** Flags that tune a recipe's search as well as an explicit one (AIPerf layers the SLA tiers over either). */
    private boolean tunables() { return maxIterations != null || initialPoints != null || seed != null || slaTiers != null; }

    private boolean recipeOptions() {
        return ttftSlaMs != null || itlSlaMs != null || tpotSlaMs != null || e2eSlaMs != null || errorRateSla != null
                || sloAttainmentFraction != null || searchStyle != null || degradationThreshold != null
                || degradationMetricTag != null || degradationStat != null || concurrencyMin != null || concurrencyMax != null
                || concurrencySteps != null || islMin != null || islMax != null || islSteps != null || oslMin != null
                || oslMax != null || oslSteps != null || islOslPairs != null;
    }

    /** True when the flags ask for a search or a recipe. */
    public boolean requested() { return recipe != null || explicitSearch() || tunables(); }

    /** The recipe and its options, or null without --search-recipe. */
    public SearchRecipeSpec recipeSpec() {
        if (recipe == null) {
            if (recipeOptions()) throw new BadInputException(firstRecipeOption() + ": a recipe option; give --search-recipe NAME with it");
            return null;
        }
        if (explicitSearch()) {
            throw new BadInputException("--search-recipe " + recipe + ": the recipe chooses the space, objective and planner; drop "
                    + firstExplicitFlag() + " (only --search-max-iterations, --search-initial-points, --search-random-seed and --search-sla-tier tune a recipe)");
        }
        SearchRecipeSpec r = new SearchRecipeSpec();
        r.setName(recipe);
        r.setTtftSlaMs(ttftSlaMs);
        r.setItlSlaMs(itlSlaMs);
        r.setTpotSlaMs(tpotSlaMs);
        r.setE2eSlaMs(e2eSlaMs);
        r.setErrorRateSla(errorRateSla);
        r.setSloAttainmentFraction(sloAttainmentFraction);
        r.setSearchStyle(searchStyle);
        r.setDegradationThreshold(degradationThreshold);
        r.setDegradationMetricTag(degradationMetricTag);
        r.setDegradationStat(degradationStat);
        r.setConcurrencyMin(concurrencyMin);
        r.setConcurrencyMax(concurrencyMax);
        r.setConcurrencySteps(concurrencySteps);
        r.setIslMin(islMin);
        r.setIslMax(islMax);
        r.setIslSteps(islSteps);
        r.setOslMin(oslMin);
        r.setOslMax(oslMax);
        r.setOslSteps(oslSteps);
        r.setIslOslPairs(islOslPairs);
        return r;
    }

    /** The budget flags a recipe may be tuned with, or null when none was given. */
    public AdaptiveSearchSpec tuning() {
        if (!tunables()) return null;
        AdaptiveSearchSpec t = new AdaptiveSearchSpec();
        t.setMaxIterations(maxIterations);
        t.setNInitialPoints(initialPoints);
        t.setRandomSeed(seed);
        t.setSlaTiers(tiers());
        return t;
    }

    /** The explicit search the flags describe, or null without --search-space. */
    public AdaptiveSearchSpec searchSpec() {
        if (space == null) {
            if (explicitSearch() || (recipe == null && tunables())) {
                throw new BadInputException(firstExplicitFlagOrTunable() + ": needs --search-space PATH:LO,HI[:int|real] (the knob to search)");
            }
            return null;
        }
        if (metric == null) throw new BadInputException("--search-space: needs --search-metric TAG (what to optimise, e.g. output_token_throughput)");
        if (direction == null) throw new BadInputException("--search-space: needs --search-direction maximize|minimize");
        AdaptiveSearchSpec s = new AdaptiveSearchSpec();
        List<SearchDimensionSpec> dims = new ArrayList<>();
        for (String raw : space) dims.add(dimension(raw));
        s.setSearchSpace(dims);
        SearchObjectiveSpec.Direction dir = switch (direction.trim().toLowerCase(Locale.ROOT)) {
            case "maximize" -> SearchObjectiveSpec.Direction.MAXIMIZE;
            case "minimize" -> SearchObjectiveSpec.Direction.MINIMIZE;
            default -> throw new BadInputException("--search-direction: '" + direction + "' must be maximize or minimize");
        };
        s.setObjectives(List.of(new SearchObjectiveSpec(metric, stat, dir)));
        if (sla != null) {
            List<SlaFilterSpec> filters = new ArrayList<>();
            for (String raw : sla) filters.add(filter(raw));
            s.setSlaFilters(filters);
        }
        s.setSlaTiers(tiers());
        s.setPlanner(planner == null ? null : enumValue("--search-planner", planner, AdaptiveSearchSpec.Planner.values(),
                "bayesian, monotonic_sla, smooth_isotonic, grid"));
        s.setObjectivePooling(pooling == null ? null : enumValue("--search-percentile-pooling", pooling,
                AdaptiveSearchSpec.Pooling.values(), "mean, pooled"));
        s.setMaxIterations(maxIterations);
        s.setNInitialPoints(initialPoints);
        s.setRandomSeed(seed);
        s.setOptunaSampler(optunaSampler);
        s.setOptunaAcquisition(optunaAcquisition);
        s.setOptunaTerminator(optunaTerminator);
        return s;
    }

    private List<SlaTierSpec> tiers() {
        if (slaTiers == null) return null;
        List<SlaTierSpec> tiers = new ArrayList<>();
        for (int i = 0; i < slaTiers.size(); i++) tiers.add(tier(slaTiers.get(i), i));
        return tiers;
    }

    public Path resume() { return resume; }

    static SearchDimensionSpec dimension(String raw) {
        String[] parts = raw.split(":");
        if (parts.length < 2 || parts.length > 3 || !parts[1].contains(",")) {
            throw new BadInputException("--search-space '" + raw + "': expected PATH:LO,HI[:int|real], e.g. concurrency:1,256:int");
        }
        String[] bounds = parts[1].split(",", -1);
        double lo, hi;
        try {
            if (bounds.length != 2) throw new NumberFormatException();
            lo = Double.parseDouble(bounds[0].trim());
            hi = Double.parseDouble(bounds[1].trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("--search-space '" + raw + "': LO,HI must be two numbers, e.g. concurrency:1,256");
        }
        SearchDimensionSpec.Kind kind = null;
        if (parts.length == 3) {
            kind = switch (parts[2].trim()) {
                case "int" -> SearchDimensionSpec.Kind.INT;
                case "real" -> SearchDimensionSpec.Kind.REAL;
                default -> throw new BadInputException("--search-space '" + raw + "': kind must be int or real, got '" + parts[2] + "'");
            };
        }
        return new SearchDimensionSpec(parts[0].trim(), lo, hi, kind, null);
    }

    static SlaFilterSpec filter(String raw) {
        return filter(raw, "--search-sla '" + raw + "'");
    }

    /**
     * AIPerf's tier grammar: {@code LABEL:FILTER[,FILTER...]} or {@code FILTER[,FILTER...]} (labelled tier_N, N from 1);
     * a label is present when the text before the first comma has other than 3 colons.
     */
    static SlaTierSpec tier(String raw, int index) {
        String flag = "--search-sla-tier '" + raw + "'";
        if (raw.isBlank()) throw new BadInputException("--search-sla-tier: the value is empty; give LABEL:TAG:STAT:OP:THRESHOLD[,...]");
        String first = raw.split(",", 2)[0];
        String label = "tier_" + (index + 1), rest = raw;
        if (first.chars().filter(c -> c == ':').count() != 3) {
            int colon = raw.indexOf(':');
            label = colon < 0 ? raw.trim() : raw.substring(0, colon).trim();
            rest = colon < 0 ? "" : raw.substring(colon + 1);
            if (label.isEmpty()) throw new BadInputException(flag + ": the label before ':' is empty; name the tier or drop the ':'");
        }
        List<SlaFilterSpec> filters = new ArrayList<>();
        for (String part : rest.split(",")) if (!part.isBlank()) filters.add(filter(part.trim(), flag + " (tier '" + label + "')"));
        if (filters.isEmpty()) {
            throw new BadInputException(flag + ": tier '" + label + "' has no filters; give at least one TAG:STAT:OP:THRESHOLD");
        }
        return new SlaTierSpec(label, filters);
    }

    private static SlaFilterSpec filter(String raw, String where) {
        String[] parts = raw.split(":");
        if (parts.length != 4) {
            throw new BadInputException(where + ": expected TAG:STAT:OP:THRESHOLD, e.g. time_to_first_token:p95:lt:200");
        }
        double threshold;
        try {
            threshold = Double.parseDouble(parts[3].trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(where + ": threshold '" + parts[3] + "' is not a number");
        }
        return new SlaFilterSpec(parts[0].trim(), parts[1].trim(), parts[2].trim(), threshold);
    }

    private static <E extends Enum<E>> E enumValue(String flag, String given, E[] values, String allowed) {
        String g = given.trim().toLowerCase(Locale.ROOT);
        for (E e : values) if (e.name().toLowerCase(Locale.ROOT).equals(g)) return e;
        throw new BadInputException(flag + ": '" + given + "' is not one of " + allowed);
    }

    private String firstExplicitFlag() {
        if (space != null) return "--search-space";
        if (metric != null) return "--search-metric";
        if (stat != null) return "--search-stat";
        if (direction != null) return "--search-direction";
        if (planner != null) return "--search-planner";
        if (pooling != null) return "--search-percentile-pooling";
        if (sla != null) return "--search-sla";
        if (optunaSampler != null) return "--optuna-sampler";
        if (optunaAcquisition != null) return "--optuna-acquisition";
        return "--optuna-terminator";
    }

    private String firstExplicitFlagOrTunable() {
        if (explicitSearch()) return firstExplicitFlag();
        if (maxIterations != null) return "--search-max-iterations";
        if (initialPoints != null) return "--search-initial-points";
        if (slaTiers != null) return "--search-sla-tier";
        return "--search-random-seed";
    }

    private String firstRecipeOption() {
        if (ttftSlaMs != null) return "--ttft-sla-ms";
        if (itlSlaMs != null) return "--itl-sla-ms";
        if (tpotSlaMs != null) return "--tpot-sla-ms";
        if (e2eSlaMs != null) return "--e2e-sla-ms";
        if (errorRateSla != null) return "--error-rate-sla";
        if (sloAttainmentFraction != null) return "--slo-attainment-fraction";
        if (searchStyle != null) return "--search-style";
        if (degradationThreshold != null || degradationMetricTag != null || degradationStat != null) return "--degradation-*";
        if (concurrencyMin != null || concurrencyMax != null || concurrencySteps != null) return "--concurrency-min/-max/-steps";
        if (islMin != null || islMax != null || islSteps != null) return "--isl-min/-max/-steps";
        if (oslMin != null || oslMax != null || oslSteps != null) return "--osl-min/-max/-steps";
        return "--isl-osl-pairs";
    }
}
