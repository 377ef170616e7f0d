package dev.redline.plan.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.plan.SweepParameter;

import java.util.List;

/**
 * The aggregate exports as JSON in AIPerf 0.13's shapes (its reference output is a test resource):
 * {@code profile_export_redline_aggregate.json} (confidence), {@code profile_export_redline_collated.json}
 * and {@code profile_export_redline_sweep.json}. Non-finite numbers become null, as AIPerf writes them.
 */
public final class AggregateJson {
    public static final String CONFIDENCE_FILE = "profile_export_redline_aggregate.json";
    public static final String COLLATED_FILE = "profile_export_redline_collated.json";
    public static final String SWEEP_FILE = "profile_export_redline_sweep.json";
    public static final String CONFIDENCE_SCHEMA = "1.0";
    public static final String COLLATED_SCHEMA = "1.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AggregateJson() { }

    public static ObjectNode confidence(ConfidenceAggregate a, String redlineVersion) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", CONFIDENCE_SCHEMA);
        root.put("redline_version", redlineVersion);
        ObjectNode md = root.putObject("metadata");
        md.put("aggregation_type", "confidence");
        md.put("num_profile_runs", a.numRuns());
        md.put("num_successful_runs", a.numSuccessfulRuns());
        failed(md.putArray("failed_runs"), a.failedRuns());
        md.put("confidence_level", a.confidenceLevel());
        ArrayNode labels = md.putArray("run_labels");
        a.runLabels().forEach(labels::add);
        md.put("cooldown_seconds", a.cooldownSeconds());
        if (a.numSuccessfulRuns() == 1) md.put("single_run", true);
        ObjectNode metrics = root.putObject("metrics");
        a.metrics().forEach((key, s) -> {
            ObjectNode m = metrics.putObject(key);
            number(m, "mean", s.mean());
            number(m, "std", s.std());
            number(m, "min", s.min());
            number(m, "max", s.max());
            number(m, "cv", s.cv());
            number(m, "se", s.se());
            number(m, "ci_low", s.ciLow());
            number(m, "ci_high", s.ciHigh());
            number(m, "t_critical", s.tCritical());
            m.put("unit", s.unit());
        });
        return root;
    }

    public static ObjectNode collated(CollatedAggregate c, int numRuns, List<FailedRun> failedRuns, double cooldownSeconds,
                                      String redlineVersion) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", COLLATED_SCHEMA);
        root.put("redline_version", redlineVersion);
        root.put("description", "Collated per-request metrics across all runs. Pools individual request-level values from every run"
                + " into a single population and computes combined percentiles (p50, p90, p95, p99). Contrast with "
                + CONFIDENCE_FILE + ", which computes statistics over run-level summary values.");
        ObjectNode md = root.putObject("metadata");
        md.put("aggregation_type", "detailed");
        md.put("num_profile_runs", numRuns);
        md.put("num_successful_runs", c.runLabels().size());
        failed(md.putArray("failed_runs"), failedRuns);
        ArrayNode labels = md.putArray("run_labels");
        c.runLabels().forEach(labels::add);
        md.put("cooldown_seconds", cooldownSeconds);
        ObjectNode metrics = root.putObject("metrics");
        c.metrics().forEach((tag, m) -> {
            ObjectNode o = metrics.putObject(tag);
            ObjectNode combined = o.putObject("combined");
            number(combined, "mean", m.mean());
            number(combined, "std", m.std());
            number(combined, "p50", m.p50());
            number(combined, "p90", m.p90());
            number(combined, "p95", m.p95());
            number(combined, "p99", m.p99());
            combined.put("count", m.count());
            ArrayNode per = o.putArray("per_run");
            for (CollatedAggregate.RunPart p : m.perRun()) {
                ObjectNode r = per.addObject();
                r.put("label", p.label());
                number(r, "mean", p.mean());
                r.put("count", p.count());
            }
        });
        return root;
    }

    public static ObjectNode sweep(SweepAggregate s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("aggregation_type", "sweep");
        root.put("num_profile_runs", s.numRuns());
        root.put("num_successful_runs", s.numSuccessfulRuns());
        failed(root.putArray("failed_runs"), s.failedRuns());
        ObjectNode md = root.putObject("metadata");
        ArrayNode params = md.putArray("sweep_parameters");
        for (SweepParameter p : s.parameters()) {
            ObjectNode o = params.addObject();
            o.put("name", p.name());
            o.set("values", JSON.valueToTree(p.values()));
        }
        md.put("num_combinations", s.numCombinations());
        md.put("sweep_mode", s.sweepMode());
        md.put("confidence_level", s.confidenceLevel());
        md.put("num_trials_per_value", s.trialsPerValue());
        md.put("aggregation_type", "sweep");
        if (s.partial()) md.put("partial", true);
        ArrayNode rows = root.putArray("per_combination_metrics");
        for (Combination c : s.combinations()) {
            ObjectNode row = rows.addObject();
            row.set("parameters", JSON.valueToTree(c.parameters()));
            ObjectNode metrics = row.putObject("metrics");
            c.metrics().forEach((key, fields) -> {
                ObjectNode m = metrics.putObject(key);
                fields.forEach((k, v) -> {
                    if (v instanceof Number n) number(m, k, n);
                    else m.put(k, String.valueOf(v));
                });
            });
        }
        ObjectNode best = root.putObject("best_configurations");
        best(best, "best_throughput", s.bestThroughput());
        best(best, "best_latency_p99", s.bestLatency());
        ArrayNode pareto = root.putArray("pareto_optimal");
        s.pareto().forEach(c -> pareto.add(JSON.<JsonNode>valueToTree(c.parameters())));
        return root;
    }

    private static void best(ObjectNode best, String key, SweepAggregate.Best b) {
        if (b == null) return;
        ObjectNode o = best.putObject(key);
        o.set("parameters", JSON.valueToTree(b.combination().parameters()));
        number(o, "metric", b.metric());
        o.put("unit", b.unit());
    }

    private static void failed(ArrayNode out, List<FailedRun> failed) {
        for (FailedRun f : failed) out.addObject().put("label", f.label()).put("error", f.error());
    }

    /** Whole longs as integers; doubles as doubles; non-finite as null. */
    static void number(ObjectNode o, String key, Number v) {
        if (v instanceof Long || v instanceof Integer) {
            o.put(key, v.longValue());
            return;
        }
        double d = v.doubleValue();
        if (Double.isFinite(d)) o.put(key, d);
        else o.putNull(key);
    }

    public static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
