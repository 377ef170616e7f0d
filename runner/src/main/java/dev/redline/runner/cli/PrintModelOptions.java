package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.BadInputException;
import dev.redline.runner.mock.engine.EngineConfig;
import dev.redline.runner.mock.engine.EngineOracle;
import dev.redline.runner.mock.engine.LoadPoint;
import dev.redline.runner.mock.engine.SteadyState;
import dev.redline.runner.mock.engine.Workload;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code redline mock-server --engine sim --print-model}: prints what {@link EngineOracle} says a
 * {@code redline profile} closed loop measures at each concurrency, the steady-state formula, and (with
 * {@code --sla}) the largest concurrency that meets it, then exits without serving.
 */
public class PrintModelOptions {
    private static final Set<String> SLA_TAGS = Set.of("time_to_first_token", "inter_token_latency", "request_latency");
    private static final Set<String> SLA_STATS = Set.of("avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75",
            "p90", "p95", "p99");

    @Option(names = "--print-model", description = "sim: print the model's latency and throughput per concurrency (and --sla answers), then exit.")
    boolean printModel;

    @Option(names = "--isl", paramLabel = "TOKENS", description = "--print-model: prompt tokens per request (default 550).")
    int isl = 550;

    @Option(names = "--osl", paramLabel = "TOKENS", description = "--print-model: output tokens per request (default 150).")
    int osl = 150;

    @Option(names = "--concurrency", paramLabel = "C[,C...]", split = ",", hideParamSyntax = true,
            description = "--print-model: closed-loop concurrencies (default 1,2,4,... up to 2 x --max-num-seqs).")
    List<Integer> concurrency;

    @Option(names = "--request-count", paramLabel = "N",
            description = "--print-model: requests per concurrency (default max(100, 10 x concurrency)).")
    Integer requestCount;

    @Option(names = "--num-dataset-entries", paramLabel = "N",
            description = "--print-model: distinct prompts, reused in turn (default 100, as redline profile).")
    int datasetEntries = Workload.DEFAULT_DATASET_ENTRIES;

    @Option(names = "--num-prefix-prompts", paramLabel = "K", description = "--print-model: shared prefixes (default 0).")
    int prefixPrompts;

    @Option(names = "--prefix-prompt-length", paramLabel = "TOKENS",
            description = "--print-model: tokens per shared prefix, added to --isl (default 0).")
    int prefixLength;

    @Option(names = "--sla", paramLabel = "TAG:STAT:MS",
            description = "--print-model: an upper bound, e.g. time_to_first_token:p95:200; prints the largest concurrency meeting every --sla. Repeatable.")
    List<String> slas = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json", description = "--print-model: output format (default text).")
    String format = "text";

    boolean requested() {
        return printModel;
    }

    /** The first of these flags given without --print-model (they would do nothing), or null. */
    static String givenWithoutPrint(picocli.CommandLine.ParseResult parsed) {
        if (parsed == null || parsed.hasMatchedOption("--print-model")) return null;
        for (String flag : List.of("--isl", "--osl", "--concurrency", "--request-count", "--num-dataset-entries",
                "--num-prefix-prompts", "--prefix-prompt-length", "--sla", "--format")) {
            if (parsed.hasMatchedOption(flag)) return flag;
        }
        return null;
    }

    /** Prints the model for {@code config} (null: not simulated, an error) and returns the exit code. */
    int print(EngineConfig config, long seed, PrintWriter out) {
        if (config == null) throw new BadInputException("--print-model describes the simulated engine; add --engine sim");
        if (!format.equals("text") && !format.equals("json")) {
            throw new BadInputException("--format " + format + " is not a format; use --format text or --format json");
        }
        Workload base;
        try {
            base = new Workload(isl, osl, 1, datasetEntries, prefixPrompts, prefixLength, Workload.DEFAULT_CLIENT_GAP_MS);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--isl, --osl, --num-dataset-entries must be >= 1 and --num-prefix-prompts / "
                    + "--prefix-prompt-length both set or both 0: " + e.getMessage());
        }
        if ((long) base.promptTokens() + osl > config.maxSequenceTokens()) {
            throw new BadInputException("--isl + --osl " + (base.promptTokens() + osl) + " exceeds --kv-cache-tokens "
                    + config.kvCacheTokens() + "; lower them or raise --kv-cache-tokens");
        }
        if (requestCount != null && requestCount < 1) throw new BadInputException("--request-count must be at least 1, was " + requestCount);
        List<Integer> levels = concurrency != null ? concurrency : defaultLevels(config);
        for (int c : levels) if (c < 1 || c > 65_536) throw new BadInputException("--concurrency " + c + " is out of range; use 1..65536");
        List<Predicate<LoadPoint>> bounds = new ArrayList<>();
        for (String sla : slas) bounds.add(parseSla(sla));

        EngineOracle oracle = new EngineOracle(config, seed);
        List<LoadPoint> points = new ArrayList<>();
        for (int c : levels) points.add(oracle.atConcurrency(c, base.withRequests(requests(c))));
        SteadyState saturation = oracle.steadyState(config.maxNumSeqs() + 1, base.promptTokens(), osl);
        Integer best = null;
        if (!bounds.isEmpty()) {
            int limit = levels.stream().mapToInt(Integer::intValue).max().orElse(1);
            best = oracle.maxConcurrency(c -> base.withRequests(requests(c)), limit, p -> bounds.stream().allMatch(b -> b.test(p)));
        }
        if (format.equals("json")) json(out, config, base, points, saturation, best);
        else text(out, config, base, points, saturation, best);
        out.flush();
        return 0;
    }

    private int requests(int c) {
        return requestCount != null ? requestCount : Math.max(100, 10 * c);
    }

    private static List<Integer> defaultLevels(EngineConfig config) {
        List<Integer> levels = new ArrayList<>();
        for (int c = 1; c <= 2 * config.maxNumSeqs(); c *= 2) levels.add(c);
        return levels;
    }

    private Predicate<LoadPoint> parseSla(String sla) {
        String[] p = sla.split(":");
        if (p.length != 3 || !SLA_TAGS.contains(p[0]) || !SLA_STATS.contains(p[1])) {
            throw new BadInputException("--sla " + sla + " is not TAG:STAT:MS; use e.g. --sla time_to_first_token:p95:200 "
                    + "(tags " + String.join(", ", new java.util.TreeSet<>(SLA_TAGS)) + "; stats avg, min, max, p1..p99)");
        }
        double bound;
        try {
            bound = Double.parseDouble(p[2]);
        } catch (NumberFormatException e) {
            bound = Double.NaN;
        }
        if (!(bound > 0) || Double.isInfinite(bound)) {
            throw new BadInputException("--sla " + sla + ": the bound must be a number of milliseconds > 0, e.g. " + p[0] + ":" + p[1] + ":200");
        }
        double max = bound;
        return point -> point.metric(p[0], p[1]) < max;
    }

    private void text(PrintWriter out, EngineConfig c, Workload w, List<LoadPoint> points, SteadyState sat, Integer best) {
        out.printf(Locale.ROOT, "Simulated engine: step_ms = %s + %s x decode_seqs + %s x prefill_tokens + %s x context_tokens / 1000%s%n",
                num(c.stepBaseMs()), num(c.stepMsPerSeq()), num(c.stepMsPerPrefillToken()), num(c.stepMsPer1kContext()),
                c.stepJitterMs() > 0 ? " + U[0, " + num(c.stepJitterMs()) + ")" : "");
        out.printf(Locale.ROOT, "  max-num-seqs %d, max-num-batched-tokens %d, kv-cache-tokens %d (%d blocks of %d), chunked prefill %s, prefix caching %s, preemption %s%n",
                c.maxNumSeqs(), c.maxNumBatchedTokens(), c.kvCacheTokens(), c.kvBlocks(), c.blockSize(),
                onOff(c.chunkedPrefill()), onOff(c.prefixCaching()), onOff(c.preemption()));
        out.printf(Locale.ROOT, "Workload: prompt %d tokens%s, osl %d, %d distinct prompts; closed loop as redline profile --concurrency C --request-count N%n",
                w.promptTokens(), w.prefixPrompts() > 0 ? " (" + w.prefixPrompts() + " shared prefixes of " + w.prefixLength() + ")" : "",
                w.osl(), w.datasetEntries());
        out.println();
        out.printf(Locale.ROOT, "%11s %8s %9s %12s %9s %9s %9s %8s %8s %11s %7s %7s%n", "concurrency", "requests", "req/s",
                "output tok/s", "TTFT p50", "TTFT p95", "TTFT p99", "ITL p50", "ITL p95", "latency p50", "batch", "hit %");
        for (LoadPoint p : points) {
            out.printf(Locale.ROOT, "%11d %8d %9.2f %12.1f %9.1f %9.1f %9.1f %8.2f %8.2f %11.1f %7.1f %7.1f%n",
                    p.concurrency(), p.requests(), p.requestThroughput(), p.outputTokenThroughput(),
                    p.timeToFirstToken().p50(), p.timeToFirstToken().p95(), p.timeToFirstToken().p99(),
                    itl(p, "p50"), itl(p, "p95"), p.requestLatency().p50(), p.meanBatch(), 100 * p.prefixCacheHitRate());
        }
        out.println("(times in ms; ITL per request = (last - first token) / (osl - 1); batch = mean running sequences)");
        out.println();
        out.printf(Locale.ROOT, "Saturation (steady state, batch %d, no prefix hits): %.1f output tok/s, %.2f req/s, step %.2f ms%s%n",
                sat.batch(), sat.outputTokenThroughput(), sat.requestThroughput(), sat.stepMs(),
                sat.kvLimited() ? " (KV-limited: the real batch is smaller, see the table)" : "");
        if (best != null) out.printf(Locale.ROOT, "Max concurrency meeting %s: %d%n", String.join(" and ", slas), best);
    }

    private void json(PrintWriter out, EngineConfig c, Workload w, List<LoadPoint> points, SteadyState sat, Integer best) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.set("engine", mapper.valueToTree(c));
        root.set("workload", mapper.valueToTree(w));
        ArrayNode rows = root.putArray("points");
        for (LoadPoint p : points) {
            ObjectNode row = rows.addObject();
            row.put("concurrency", p.concurrency());
            row.put("requests", p.requests());
            row.put("benchmark_duration", p.durationSeconds());
            row.put("request_throughput", p.requestThroughput());
            row.put("output_token_throughput", p.outputTokenThroughput());
            row.set("time_to_first_token", mapper.valueToTree(p.timeToFirstToken()));
            if (p.interTokenLatency() != null) row.set("inter_token_latency", mapper.valueToTree(p.interTokenLatency()));
            row.set("request_latency", mapper.valueToTree(p.requestLatency()));
            row.put("prefix_cache_hit_rate", p.prefixCacheHitRate());
            row.put("preemptions", p.preemptions());
            row.put("mean_batch", p.meanBatch());
        }
        root.set("saturation", mapper.valueToTree(sat));
        if (best != null) {
            ObjectNode s = root.putObject("max_concurrency");
            s.set("sla", mapper.valueToTree(slas));
            s.put("concurrency", best);
        }
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double itl(LoadPoint p, String stat) {
        return p.interTokenLatency() == null ? Double.NaN : p.interTokenLatency().get(stat);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }
}
