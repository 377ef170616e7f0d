package dev.redline.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;

import static dev.redline.api.config.Tree.NODES;

/**
 * Rewrites the shorthands and section shapes of AIPerf's YAML {@code benchmark} body (schemaVersion 2.0) into the
 * shape of {@link dev.redline.api.v1alpha1.BenchmarkSpec}, so AIPerf's files are read unchanged: {@code model} /
 * {@code models.items}, {@code datasets} lists, {@code warmup:}/{@code profiling:} and flat {@code phases:},
 * {@code serverMetrics}/{@code gpuTelemetry} sections, {@code artifacts.summary/records/raw},
 * {@code logging.level}, {@code mlflow.tags} as {@code key:value} text. Keys AIPerf accepts for features Redline does not have are refused here with the reason
 * (see {@link AiperfUnsupported}); anything left that the model does not know is reported by the key check later.
 * Redline's own shape passes through unchanged.
 */
public final class AiperfDialect {
    private AiperfDialect() { }

    /** Rewrites {@code benchmark} (the body of a file) in place; SpecException names the key and the fix. */
    public static void expand(ObjectNode benchmark) {
        AiperfUnsupported.refuseSections(benchmark);
        models(benchmark);
        AiperfDatasetDialect.expand(benchmark);
        AiperfPhaseDialect.expand(benchmark);
        endpoint(benchmark);
        artifacts(benchmark);
        telemetry(benchmark);
        runtime(benchmark);
        tokenizer(benchmark);
        mlflow(benchmark);
    }

    /** {@code models: {strategy, items: [{name, weight}]}} and {@code model:} -> models + modelSelectionStrategy. */
    private static void models(ObjectNode b) {
        if (Tree.has(b, "model") && Tree.has(b, "models")) {
            throw new SpecException("model and models are both set; use model for one model or models for several", Tree.get(b, "models"));
        }
        JsonNode m = Tree.has(b, "model") ? Tree.take(b, "model") : Tree.take(b, "models");
        if (m == null) return;
        if (!(m instanceof ObjectNode adv)) {
            b.set("models", m);
            return;
        }
        JsonNode strategy = Tree.take(adv, "strategy");
        JsonNode items = Tree.take(adv, "items");
        AiperfUnsupported.refuseLeftovers(adv, "models");
        ArrayNode names = NODES.arrayNode();
        if (items != null) {
            for (JsonNode item : items) {
                if (!(item instanceof ObjectNode o)) {
                    names.add(item);
                    continue;
                }
                JsonNode name = Tree.take(o, "name");
                if (Tree.has(o, "weight") || Tree.has(o, "lora") || Tree.has(o, "modalities") || Tree.has(o, "tokenizer")) {
                    String k = Tree.has(o, "weight") ? "weight" : Tree.has(o, "lora") ? "lora" : Tree.has(o, "modalities") ? "modalities" : "tokenizer";
                    throw new SpecException("models.items[]." + k + ": per-model " + k + " is not supported by Redline;"
                            + " list the model names (round_robin or random selection); see docs/migrating-from-aiperf.md", Tree.get(o, k));
                }
                AiperfUnsupported.refuseLeftovers(o, "models.items[]");
                names.add(name);
            }
        }
        b.set("models", names);
        if (strategy != null) Tree.putIfAbsent(b, "modelSelectionStrategy", NODES.textNode(strategy.asText().replace('-', '_')));
    }

    /** url as a list -> url + urls; an explicit transport of http is the default. */
    private static void endpoint(ObjectNode b) {
        JsonNode ep = Tree.get(b, "endpoint");
        if (!(ep instanceof ObjectNode e)) return;
        JsonNode url = Tree.get(e, "url");
        if (url instanceof ArrayNode list) {
            Tree.take(e, "url");
            ArrayNode urls = Tree.get(e, "urls") instanceof ArrayNode existing ? existing : NODES.arrayNode();
            for (int i = list.size() - 1; i >= 0; i--) urls.insert(0, list.get(i));
            e.set("urls", urls);
        }
        AiperfUnsupported.refuseEndpoint(e);
        for (String k : new String[] {"urlStrategy", "connectionReuse"}) {
            JsonNode v = Tree.get(e, k);
            if (v != null && v.isTextual()) e.set(Tree.key(e, k), NODES.textNode(v.asText().toLowerCase(Locale.ROOT)));
        }
    }

    /** summary/records/raw -> exportLevel; trace -> exportHttpTrace (an alias). */
    private static void artifacts(ObjectNode b) {
        JsonNode a = Tree.get(b, "artifacts");
        if (!(a instanceof ObjectNode art)) return;
        JsonNode summary = Tree.take(art, "summary");
        if (summary != null && (summary.isBoolean() && !summary.asBoolean() || summary.isArray() && summary.isEmpty())) {
            throw new SpecException("artifacts.summary: Redline always writes the summary JSON and CSV; remove summary: false", summary);
        }
        JsonNode records = Tree.take(art, "records");
        JsonNode raw = Tree.take(art, "raw");
        String level = null;
        if (raw != null && raw.asBoolean()) level = "raw";
        else if (records != null && (records.isBoolean() && !records.asBoolean() || records.isArray() && records.isEmpty())) level = "summary";
        if (level != null) Tree.putIfAbsent(art, "exportLevel", NODES.textNode(level));
        AiperfUnsupported.refuseArtifacts(art);
    }

    /** AIPerf's serverMetrics/gpuTelemetry sections -> Redline's one telemetry section. */
    private static void telemetry(ObjectNode b) {
        JsonNode server = Tree.take(b, "serverMetrics");
        JsonNode gpu = Tree.take(b, "gpuTelemetry");
        if (server == null && gpu == null) return;
        ObjectNode t = Tree.child(b, "telemetry");
        if (server != null) section(server, t, "serverMetrics", "serverMetricsUrls", null);
        if (gpu != null) section(gpu, t, "gpuTelemetry", "gpuTelemetryUrls", "gpuTelemetryCollector");
    }

    private static void section(JsonNode s, ObjectNode t, String enabledKey, String urlsKey, String collectorKey) {
        if (s.isBoolean()) {
            t.set(enabledKey, s);
            return;
        }
        if (s.isTextual()) {
            String v = s.asText().toLowerCase(Locale.ROOT);
            if (collectorKey != null && (v.equals("dcgm") || v.equals("pynvml") || v.equals("amdsmi"))) t.set(collectorKey, NODES.textNode(v));
            else t.set(urlsKey, Tree.array(s));
            t.set(enabledKey, NODES.booleanNode(true));
            return;
        }
        if (!(s instanceof ObjectNode o)) throw new SpecException(enabledKey + ": expected a mapping (enabled, urls, ...), true/false or a URL", s);
        JsonNode enabled = Tree.take(o, "enabled");
        t.set(enabledKey, enabled == null ? NODES.booleanNode(true) : enabled);
        JsonNode urls = Tree.take(o, "urls");
        JsonNode url = Tree.take(o, "url");
        ArrayNode all = NODES.arrayNode();
        if (url != null) all.addAll(url.isArray() ? (ArrayNode) url : Tree.array(url));
        if (urls != null) all.addAll(urls.isArray() ? (ArrayNode) urls : Tree.array(urls));
        if (!all.isEmpty()) t.set(urlsKey, all);
        JsonNode formats = Tree.take(o, "formats");
        if (formats != null) t.set("serverMetricsFormats", formats);
        if (collectorKey != null) {
            JsonNode collector = Tree.take(o, "collector");
            if (collector != null) t.set(collectorKey, NODES.textNode(collector.asText().toLowerCase(Locale.ROOT)));
            Tree.take(o, "mode"); // summary | realtime_dashboard: Redline always prints the GPU table; the dashboard shows live figures
            // AIPerf documents metrics_file as pre-recorded metrics, but reads it as the custom DCGM fields CSV
            JsonNode metricsFile = Tree.take(o, "metricsFile");
            if (metricsFile != null && !metricsFile.isNull()) t.set("gpuMetricsFile", NODES.textNode(metricsFile.asText()));
        }
        AiperfUnsupported.refuseTelemetry(o, enabledKey);
    }

    /** logging.level -> runtime.logLevel; runtime.communication -> zmqHost / zmqIpcPath. */
    private static void runtime(ObjectNode b) {
        JsonNode logging = Tree.take(b, "logging");
        if (logging instanceof ObjectNode l) {
            JsonNode level = Tree.take(l, "level");
            AiperfUnsupported.refuseLeftovers(l, "logging");
            if (level != null) Tree.putIfAbsent(Tree.child(b, "runtime"), "logLevel", NODES.textNode(logLevel(level.asText())));
        } else if (logging != null) {
            throw new SpecException("logging: expected a mapping with level", logging);
        }
        JsonNode r = Tree.get(b, "runtime");
        if (!(r instanceof ObjectNode rt)) return;
        JsonNode comm = Tree.take(rt, "communication");
        if (comm instanceof ObjectNode c) {
            Tree.take(c, "type");
            JsonNode host = Tree.has(c, "host") ? Tree.take(c, "host") : Tree.take(c, "tcpHost");
            JsonNode path = Tree.has(c, "path") ? Tree.take(c, "path") : Tree.take(c, "ipcPath");
            if (host != null) Tree.putIfAbsent(rt, "zmqHost", host);
            if (path != null) Tree.putIfAbsent(rt, "zmqIpcPath", path);
            for (Map.Entry<String, JsonNode> e : Tree.entries(c)) {
                throw new SpecException("runtime.communication." + e.getKey() + ": AIPerf's inter-process ports do not apply to"
                        + " Redline (its services are threads of one process); remove it", e.getValue());
            }
        }
        JsonNode ui = Tree.get(rt, "ui");
        if (ui != null && ui.isTextual()) rt.set(Tree.key(rt, "ui"), NODES.textNode(ui.asText().toLowerCase(Locale.ROOT)));
        AiperfUnsupported.refuseRuntime(rt);
    }

    /** AIPerf's loguru levels onto Redline's. */
    static String logLevel(String level) {
        return switch (level.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> "trace";
            case "DEBUG" -> "debug";
            case "INFO", "NOTICE", "SUCCESS" -> "info";
            case "WARNING", "WARN" -> "warn";
            case "ERROR", "CRITICAL" -> "error";
            default -> level;
        };
    }

    /** mlflow.tags as AIPerf also takes them: "k:v,k2:v2", a JSON string or a list -> a mapping. */
    private static void mlflow(ObjectNode b) {
        if (!(Tree.get(b, "mlflow") instanceof ObjectNode m)) return;
        JsonNode tags = Tree.get(m, "tags");
        if (tags == null || tags.isObject() || tags.isNull()) return;
        ObjectNode parsed = NODES.objectNode();
        try {
            MlflowTags.fromNode(tags).forEach(parsed::put);
        } catch (IllegalArgumentException e) {
            throw new SpecException("mlflow.tags: " + e.getMessage(), tags);
        }
        m.set(Tree.key(m, "tags"), parsed);
    }

    private static void tokenizer(ObjectNode b) {
        JsonNode t = Tree.get(b, "tokenizer");
        if (t != null && t.isTextual()) {
            ObjectNode o = NODES.objectNode();
            o.set("name", t);
            b.set(Tree.key(b, "tokenizer"), o);
            return;
        }
        if (t instanceof ObjectNode o) AiperfUnsupported.refuseTokenizer(o);
    }
}
