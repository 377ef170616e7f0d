package dev.redline.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys of AIPerf's YAML that Redline knows but does not support, with the reason. A key set to its off value
 * (false, empty, or AIPerf's default) is dropped; any other value is refused with one line, so a file never runs
 * differently from what it asks for. docs/migrating-from-aiperf.md lists the same differences.
 */
final class AiperfUnsupported {
    private static final String DOC = "; see docs/migrating-from-aiperf.md";
    private static final String MEDIA = "image, audio and video inputs are not supported by Redline yet";
    private static final String AGENTIC = "agentic/Weka trace replay is not supported by Redline";
    private static final String BASETEN = "baseten_trace replay options are not supported by Redline";
    private static final String ADAPTIVE = "single-run adaptive scaling is not supported by Redline; use a search (--search-*) instead";

    private AiperfUnsupported() { }

    /** key -> {reason, off value as JSON text or null (any false/empty value is off)}. */
    private static Map<String, String[]> table(String... rows) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 3) m.put(rows[i], new String[] {rows[i + 1], rows[i + 2]});
        return m;
    }

    private static final Map<String, String[]> BENCHMARK = table(
            "wandb", "Weights & Biases upload is not supported by Redline", null,
            "accuracy", "accuracy benchmarking is not supported by Redline", null,
            "scenario", "scenario locks (e.g. inferencex-agentx-mvp) are not supported by Redline", null,
            "unsafeOverride", "scenario locks are not supported by Redline", null,
            "metrics", "per-metric configuration is not supported by Redline", null);

    private static final Map<String, String[]> ENDPOINT = table(
            "template", "the template endpoint is not supported by Redline yet", null,
            "downloadVideoContent", "video generation endpoints are not supported by Redline yet", null,
            "requestContentType", "multipart request bodies are not supported by Redline yet", "\"application-json\"",
            "uuidAndStrip", MEDIA, null);

    private static final Map<String, String[]> ARTIFACTS = table(
            "autoPlot", "plots are not drawn by this build's profile (redline plot)", null,
            "plotRequired", "plots are not drawn by this build's profile (redline plot)", null);

    private static final Map<String, String[]> TELEMETRY = table(
            "discovery", "Kubernetes discovery of server-metrics endpoints is not supported by Redline; list the URLs (in a cluster: telemetry.dcgmPodSelector for DCGM)", null);

    private static final Map<String, String[]> RUNTIME = table(
            "serviceRunType", "Redline runs its services as threads of one process", "\"multiprocessing\"",
            "datasetApiBaseUrl", "AIPerf's kube-mode dataset API does not apply to Redline (runner pods get the spec)", null,
            "workersPerPod", "AIPerf's kube-mode pod sizing does not apply; set the Benchmark's spec.runners", null,
            "recordProcessorsPerPod", "AIPerf's kube-mode pod sizing does not apply; set the Benchmark's spec.runners", null,
            "workersMin", "Redline sizes its event loops itself; set runtime.workers for an upper bound", null);

    private static final Map<String, String[]> TOKENIZER = table(
            "applyChatTemplate", "chat-template ISL compensation is not supported by Redline; ISL counts the bare prompt (AIPerf's default)", null);

    static final Map<String, String[]> DATASET = table(
            "images", MEDIA, null, "audio", MEDIA, null, "video", MEDIA, null,
            "imageBatchSize", MEDIA, null, "audioBatchSize", MEDIA, null, "videoBatchSize", MEDIA, null,
            "filters", "dataset filters are not supported by Redline's public datasets (sharegpt, instruct_coder)", null,
            "hfWekaDataset", AGENTIC, null, "useThinkTimeOnly", AGENTIC, null, "maxContextLength", AGENTIC, null,
            "traceIdleGapCapSeconds", AGENTIC, null,
            "traceSessionSampleRatio", BASETEN, null, "interTurnDelayCapSeconds", BASETEN, null,
            "maxIdleGapCapSeconds", BASETEN, null, "replaySpeedup", BASETEN, null, "openLoopReplay", BASETEN, "true",
            "openLoopStrict", BASETEN, null, "omitKvHints", BASETEN, null, "forceMinTokens", BASETEN, "true");

    static final Map<String, String[]> PHASE = table(
            "seamless", "seamless phase transitions are not supported: each phase drains before the next starts", null,
            "sla", ADAPTIVE, null, "adaptiveScale", ADAPTIVE, null, "adaptiveSustainDuration", ADAPTIVE, null,
            "adaptiveAssessmentPeriod", ADAPTIVE, null, "adaptiveMinCompletedRequests", ADAPTIVE, "1",
            "adaptiveControlVariable", ADAPTIVE, "\"concurrency\"", "adaptiveControlMin", ADAPTIVE, "1",
            "adaptiveControlMax", ADAPTIVE, null, "adaptiveScaleStrategyType", ADAPTIVE, "\"ramp_until_fail\"",
            "adaptiveScaleStepPolicy", ADAPTIVE, "\"sla_margin\"", "adaptiveScaleBaseStep", ADAPTIVE, "10",
            "adaptiveScaleMaxStepMultiplier", ADAPTIVE, "4", "adaptiveScaleStepPercent", ADAPTIVE, "25.0",
            "timingMode", "timing is chosen by the phase type in Redline; remove timingMode", null,
            "trajectoryStartMinRatio", AGENTIC, "0.25", "trajectoryStartMaxRatio", AGENTIC, "0.75",
            "burstPhaseStarts", AGENTIC, null, "systemIdleGapCapSeconds", AGENTIC, null,
            "agenticCacheWarmupDuration", AGENTIC, null, "agenticWarmupGracePeriod", AGENTIC, null);

    static void refuseSections(ObjectNode b) { refuse(b, BENCHMARK, "benchmark", dev.redline.api.v1alpha1.BenchmarkSpec.class); }

    static void refuseEndpoint(ObjectNode e) { refuse(e, ENDPOINT, "endpoint", dev.redline.api.v1alpha1.EndpointSpec.class); }

    static void refuseArtifacts(ObjectNode a) { refuse(a, ARTIFACTS, "artifacts", dev.redline.api.v1alpha1.ArtifactsSpec.class); }

    static void refuseTelemetry(ObjectNode t, String section) {
        refuse(t, TELEMETRY, section, dev.redline.api.v1alpha1.TelemetrySpec.class);
        refuseLeftovers(t, section);
    }

    static void refuseRuntime(ObjectNode r) { refuse(r, RUNTIME, "runtime", dev.redline.api.v1alpha1.RuntimeSpec.class); }

    static void refuseTokenizer(ObjectNode t) { refuse(t, TOKENIZER, "tokenizer", dev.redline.api.v1alpha1.TokenizerSpec.class); }

    static void refuseDataset(ObjectNode d, String path) { refuse(d, DATASET, path, dev.redline.api.v1alpha1.DatasetSpec.class); }

    static void refusePhase(ObjectNode p, String path) { refuse(p, PHASE, path, dev.redline.api.v1alpha1.PhaseSpec.class); }

    /**
     * Drops listed keys that are off; throws for the first one that is on. A key the model has gained a property for
     * (e.g. when a later feature adds it) is left to the model.
     */
    private static void refuse(ObjectNode obj, Map<String, String[]> keys, String path, Class<?> model) {
        java.util.Set<String> known = properties(model);
        for (Map.Entry<String, String[]> k : keys.entrySet()) {
            if (known.contains(k.getKey())) continue;
            String written = Tree.key(obj, k.getKey());
            if (written == null) continue;
            JsonNode v = obj.get(written);
            if (isOff(v, k.getValue()[1])) {
                obj.remove(written);
                continue;
            }
            throw new SpecException(Tree.join(path, written) + ": " + k.getValue()[0] + DOC, v);
        }
    }

    private static final Map<Class<?>, java.util.Set<String>> PROPERTIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.Set<String> properties(Class<?> model) {
        return PROPERTIES.computeIfAbsent(model, m -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            SpecReader.mapper().getSerializationConfig().introspect(SpecReader.mapper().constructType(m))
                    .findProperties().forEach(p -> out.add(p.getName()));
            return out;
        });
    }

    private static boolean isOff(JsonNode v, String offJson) {
        if (v == null || v.isNull() || v.isBoolean() && !v.asBoolean()) return true;
        if ((v.isArray() || v.isObject()) && v.isEmpty()) return true;
        if (v.isObject() && v.has("enabled") && !v.get("enabled").asBoolean(true)) return true;
        if (offJson == null) return false;
        try {
            JsonNode off = SpecReader.mapper().readTree(offJson);
            return off.equals(v) || off.isNumber() && v.isNumber() && off.asDouble() == v.asDouble()
                    || off.isTextual() && v.isTextual() && off.asText().replace('_', '-').equalsIgnoreCase(v.asText().replace('_', '-'));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any key still in an AIPerf section Redline rewrote is not a key of that section. */
    static void refuseLeftovers(ObjectNode obj, String path) {
        for (Map.Entry<String, JsonNode> e : Tree.entries(obj)) {
            throw new SpecException(Tree.join(path, e.getKey()) + ": unknown key" + DOC, e.getValue());
        }
    }
}
