package dev.redline.runner.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.cli.RedlineCli;
import dev.redline.runner.mock.engine.EngineConfig;
import dev.redline.runner.mock.engine.EngineOracle;
import dev.redline.runner.mock.engine.LoadPoint;
import dev.redline.runner.mock.engine.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The accuracy benchmark of docs/search.md (not a timed test; skipped unless {@code -Dredline.bench.search=true}):
 * real {@code redline profile} searches against {@code --mock-server --engine sim}, judged against the engine's
 * ground truth ({@link EngineOracle}, the same simulator run offline). It prints a table and writes
 * {@code target/search-accuracy.json}. Each run has a warmup of 64 requests (the JIT and the mock's first steps).
 *
 * <pre>./mvnw -B -pl runner -am test -Dtest=SearchAccuracyBench -Dredline.bench.search=true -Dredline.test.forkTimeout=7200 -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * About 30 minutes on a busy 2-core machine (the searches' runs are real: 128 requests each, after a warmup of 64).
 */
@EnabledIfSystemProperty(named = "redline.bench.search", matches = "true")
class SearchAccuracyBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fast steps with a visible per-sequence cost: a 128-request run takes 1-12 s. */
    static final EngineConfig ENGINE = EngineConfig.defaults().withStepTime(2, 0.1, 0.02, 0.04).withPrefixCaching(false);
    static final String[] ENGINE_FLAGS = {"--engine", "sim", "--step-base-ms", "2", "--step-ms-per-seq", "0.1",
            "--step-ms-per-prefill-token", "0.02", "--step-ms-per-1k-context", "0.04", "--no-enable-prefix-caching"};
    static final int ISL = 256, OSL = 32, REQUESTS = 128, MAX_C = 128;
    private final EngineOracle oracle = new EngineOracle(ENGINE);
    private final Map<String, LoadPoint> memo = new HashMap<>();
    private final ArrayNode results = JSON.createArrayNode();

    private LoadPoint truth(int concurrency, int osl) {
        return memo.computeIfAbsent(concurrency + "/" + osl, k -> oracle.atConcurrency(concurrency, Workload.of(ISL, osl, REQUESTS)));
    }

    /** Runs {@code redline profile} with the search flags into target/search-accuracy/NAME and returns that directory. */
    private Path run(String name, String... searchFlags) throws Exception {
        Path dir = Path.of("target", "search-accuracy", name);
        deleteTree(dir); // a search from an earlier run of the benchmark must not be read back
        List<String> args = new ArrayList<>(List.of("profile", "--mock-server", "--streaming", "--isl", Integer.toString(ISL),
                "--osl", Integer.toString(OSL), "--request-count", Integer.toString(REQUESTS), "--warmup-request-count", "64", "--random-seed", "3",
                "--ui-type", "none", "--no-sweep-table", "--artifact-dir", dir.toString()));
        args.addAll(List.of(ENGINE_FLAGS));
        args.addAll(List.of(searchFlags));
        long t0 = System.nanoTime();
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)); // the runs' tables
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            code = RedlineCli.commandLine().execute(args.toArray(new String[0]));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        // a probe whose run failed is recorded and the search goes on (exit 1); 2 would be bad input
        if (code != 0 && code != 1) throw new AssertionError(name + " exited " + code + ": " + errors.toString(StandardCharsets.UTF_8));
        System.out.printf("%s: %.0f s%n", name, (System.nanoTime() - t0) / 1e9);
        return dir;
    }

    private JsonNode search(String name, String... searchFlags) throws Exception {
        return JSON.readTree(run(name, searchFlags).resolve("search_history.json").toFile());
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** The concurrency a one-knob iteration probed. */
    private static int c(JsonNode iteration) {
        return iteration.at("/variation_values/phases.profiling.concurrency").asInt();
    }

    /**
     * Probes until the feasibility-first best so far (by the measured values, as the planner sees them) is a truly
     * feasible configuration whose true objective is within 5 % of the true optimum; -1 when never.
     */
    private static int probesToWithin5(JsonNode history, ToDoubleFunction<JsonNode> trueValue, Predicate<JsonNode> trulyFeasible,
                                       double optimum) {
        JsonNode best = null;
        int k = 0;
        for (JsonNode it : history.get("iterations")) {
            k++;
            if (it.get("objective_values").isNull()) continue;
            double v = it.at("/objective_values/0").asDouble();
            boolean f = it.get("feasible").asBoolean();
            if (best == null || (f && !best.get("feasible").asBoolean())
                    || (f == best.get("feasible").asBoolean() && v > best.at("/objective_values/0").asDouble())) best = it;
            if (best.get("feasible").asBoolean() && trulyFeasible.test(best) && trueValue.applyAsDouble(best) >= 0.95 * optimum) return k;
        }
        return -1;
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.HOURS) // about 30 minutes on a busy 2-core machine
    void accuracy() throws Exception {
        maxConcurrencyUnderTtft();
        throughputUnderSla("max-throughput-ttft-sla", "--ttft-sla-ms", 200, "time_to_first_token", "TTFT");
        throughputUnderSla("max-throughput-itl-sla", "--itl-sla-ms", 10, "inter_token_latency", "ITL");
        twoKnobs();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "search-accuracy.json"), results.toPrettyString());
        System.out.println(results.toPrettyString());
    }

    /** max-concurrency-under-sla, TTFT p95 < 200 ms: each style against the true boundary. */
    private void maxConcurrencyUnderTtft() throws Exception {
        int truthC = oracle.maxConcurrency(Workload.of(ISL, OSL, REQUESTS), MAX_C, p -> p.metric("time_to_first_token", "p95") < 200);
        for (String style : List.of("monotonic", "smooth_isotonic", "bo", "grid")) {
            String[] flags = {"--search-recipe", "max-concurrency-under-sla", "--ttft-sla-ms", "200", "--search-style", style,
                    "--concurrency-max", Integer.toString(MAX_C)};
            int found, above, probes;
            String reason;
            if (style.equals("grid")) { // a sweep of log-spaced levels: its sla_breach.json is the answer
                JsonNode breach = JSON.readTree(run("max-concurrency-grid", flags).resolve("sweep_aggregate/sla_breach.json").toFile());
                found = breach.path("max_passing_concurrency").asInt(0);
                above = breach.path("first_failing_concurrency").asInt(0);
                probes = breach.get("all_points").size();
                reason = "grid (every level ran)";
            } else {
                JsonNode h = search("max-concurrency-" + style, flags);
                found = h.at("/boundary_summary/feasible_max/value").asInt();
                above = h.at("/boundary_summary/infeasible_min/value").asInt();
                probes = h.get("iterations").size();
                reason = h.get("convergence_reason").asText();
            }
            ObjectNode r = results.addObject();
            r.put("problem", "max concurrency, TTFT p95 < 200 ms");
            r.put("planner", style);
            r.put("probes", probes);
            r.put("convergence_reason", reason);
            r.put("true_boundary", truthC);
            r.put("found", found);
            r.put("bracket_high", above);
            r.put("error_pct", 100.0 * (truthC - found) / truthC);
            r.put("within_precision", found <= truthC && (truthC - found) <= Math.max(1, 0.05 * truthC));
        }
    }

    /** A max-throughput recipe (bayesian over concurrency 1..128): 1-D, against the grid of every concurrency. */
    private void throughputUnderSla(String recipe, String flag, double ms, String tag, String label) throws Exception {
        Predicate<LoadPoint> sla = p -> p.metric(tag, "p95") < ms;
        double optimum = 0;
        int argmax = 0;
        for (int c = 1; c <= MAX_C; c++) {
            LoadPoint p = truth(c, OSL);
            if (sla.test(p) && p.outputTokenThroughput() > optimum) {
                optimum = p.outputTokenThroughput();
                argmax = c;
            }
        }
        JsonNode h = search(recipe, "--search-recipe", recipe, flag, Double.toString(ms),
                "--concurrency-max", Integer.toString(MAX_C), "--search-random-seed", "1");
        int k = probesToWithin5(h, it -> truth(c(it), OSL).outputTokenThroughput(), it -> sla.test(truth(c(it), OSL)), optimum);
        JsonNode best = h.at("/best_trials/0");
        ObjectNode r = results.addObject();
        r.put("problem", "1-D: max output throughput over concurrency 1..128, " + label + " p95 < " + (int) ms + " ms (" + recipe + ")");
        r.put("planner", "bayesian");
        r.put("probes", h.get("iterations").size());
        r.put("convergence_reason", h.get("convergence_reason").asText());
        r.put("true_optimum", optimum);
        r.put("true_argmax_concurrency", argmax);
        r.put("best_concurrency", c(best));
        r.put("true_value_at_best", truth(c(best), OSL).outputTokenThroughput());
        r.put("best_truly_feasible", sla.test(truth(c(best), OSL)));
        r.put("error_pct", 100 * (optimum - truth(c(best), OSL).outputTokenThroughput()) / optimum);
        r.put("probes_to_within_5pct", k);
        r.put("grid_probes_same_resolution", MAX_C);
        r.put("coarsest_log_grid_within_5pct", coarsestGrid(levels -> logLevels(1, MAX_C, levels), List.of(OSL), sla, optimum));
    }

    /** Bayesian over concurrency 1..128 x osl 16..256, request latency p95 < 1000 ms: 2-D, against the full grid. */
    private void twoKnobs() throws Exception {
        Predicate<LoadPoint> sla = p -> p.metric("request_latency", "p95") < 1000;
        double optimum = 0;
        int[] argmax = null;
        for (int osl = 16; osl <= 256; osl++) {
            // latency grows with concurrency at a fixed osl: the largest feasible concurrency, by bisection
            int lo = 0, hi = MAX_C + 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) / 2;
                if (sla.test(truth(mid, osl))) lo = mid;
                else hi = mid;
            }
            for (int c = Math.max(1, lo - 2); c <= lo; c++) {
                LoadPoint p = truth(c, osl);
                if (sla.test(p) && p.outputTokenThroughput() > optimum) {
                    optimum = p.outputTokenThroughput();
                    argmax = new int[] {c, osl};
                }
            }
        }
        JsonNode h = search("two-knobs", "--search-space", "concurrency:1,128:int", "--search-space", "osl:16,256:int",
                "--search-metric", "output_token_throughput", "--search-direction", "maximize",
                "--search-sla", "request_latency:p95:lt:1000", "--search-max-iterations", "40", "--search-initial-points", "8",
                "--search-random-seed", "2");
        ToDoubleFunction<JsonNode> value = it -> truth(c(it), osl(it)).outputTokenThroughput();
        Predicate<JsonNode> feasible = it -> sla.test(truth(c(it), osl(it)));
        int k = probesToWithin5(h, value, feasible, optimum);
        JsonNode best = h.at("/best_trials/0");
        ObjectNode r = results.addObject();
        r.put("problem", "2-D: max output throughput over concurrency 1..128 x OSL 16..256, request latency p95 < 1000 ms");
        r.put("planner", "bayesian");
        r.put("probes", h.get("iterations").size());
        r.put("convergence_reason", h.get("convergence_reason").asText());
        r.put("true_optimum", optimum);
        r.put("true_argmax", argmax[0] + " x " + argmax[1]);
        r.put("best", c(best) + " x " + osl(best));
        r.put("true_value_at_best", value.applyAsDouble(best));
        r.put("best_truly_feasible", feasible.test(best));
        r.put("error_pct", 100 * (optimum - value.applyAsDouble(best)) / optimum);
        r.put("probes_to_within_5pct", k);
        r.put("grid_probes_same_resolution", MAX_C * (256 - 16 + 1));
        r.put("coarsest_uniform_grid_within_5pct_probes", coarsestGrid2(sla, optimum));
    }

    private static int osl(JsonNode iteration) {
        return iteration.at("/variation_values/dataset.prompts.osl.mean").asInt();
    }

    private static List<Integer> logLevels(int lo, int hi, int levels) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            int v = (int) Math.round(Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (levels - 1)));
            if (!out.contains(v)) out.add(v);
        }
        return out;
    }

    private static List<Integer> linLevels(int lo, int hi, int levels) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            int v = (int) Math.round(lo + (hi - lo) * (double) i / (levels - 1));
            if (!out.contains(v)) out.add(v);
        }
        return out;
    }

    /** Probes of the coarsest log grid over concurrency whose best feasible point is within 5 % of the optimum. */
    private int coarsestGrid(java.util.function.IntFunction<List<Integer>> levels, List<Integer> osls, Predicate<LoadPoint> sla, double optimum) {
        for (int n = 2; n <= MAX_C; n++) {
            double best = 0;
            List<Integer> cs = levels.apply(n);
            for (int c : cs) {
                for (int osl : osls) {
                    LoadPoint p = truth(c, osl);
                    if (sla.test(p)) best = Math.max(best, p.outputTokenThroughput());
                }
            }
            if (best >= 0.95 * optimum) return cs.size() * osls.size();
        }
        return -1;
    }

    /** The same for the 2-D problem: k x k levels (log concurrency, linear osl), the first k that gets within 5 %. */
    private int coarsestGrid2(Predicate<LoadPoint> sla, double optimum) {
        for (int k = 2; k <= 64; k++) {
            double best = 0;
            List<Integer> cs = logLevels(1, MAX_C, k), osls = linLevels(16, 256, k);
            for (int c : cs) for (int osl : osls) {
                LoadPoint p = truth(c, osl);
                if (sla.test(p)) best = Math.max(best, p.outputTokenThroughput());
            }
            if (best >= 0.95 * optimum) return cs.size() * osls.size();
        }
        return -1;
    }
}
