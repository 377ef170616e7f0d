package dev.redline.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.ArtifactsSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.api.v1alpha1.EndpointSpec;
import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.v1alpha1.NetworkLatencySpec;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.v1alpha1.TelemetrySpec;
import dev.redline.api.v1alpha1.TokenizerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark with the defaults a run applies written out ({@code config show}): endpoint type, path, timeout and
 * streaming as the run resolves them, the tokenizer, dataset size, sampling and synthetic lengths, each phase's
 * name, kind and pacing, exports and telemetry. The input is not changed.
 */
public final class ResolvedConfig {
    private ResolvedConfig() { }

    public static BenchmarkSpec of(BenchmarkSpec given) {
        ObjectNode tree = SpecReader.mapper().valueToTree(given);
        BenchmarkSpec s = SpecReader.bind(tree, "resolved config", BenchmarkSpec.class);
        if (s.getModelSelectionStrategy() == null && s.getModels() != null && s.getModels().size() > 1) s.setModelSelectionStrategy("round_robin");
        endpoint(s.endpoint());
        TokenizerSpec t = s.tokenizer();
        if (t.getName() == null) {
            t.setName(s.getModels() == null || s.getModels().isEmpty() ? "builtin" : s.getModels().get(0));
        }
        if (t.getRevision() == null) t.setRevision("main");
        dataset(s.dataset());
        if (s.getPhases() == null || s.getPhases().isEmpty()) s.phases().add(new PhaseSpec());
        for (PhaseSpec p : s.phases()) {
            p.setName(p.resolvedName());
            p.setKind(p.resolvedKind());
            p.setType(p.resolvedType());
            if (p.getDuration() != null && p.getGracePeriod() == null) {
                p.setGracePeriod(p.resolvedKind() == PhaseKind.WARMUP ? Double.POSITIVE_INFINITY : p.resolvedGracePeriod());
            }
        }
        ArtifactsSpec a = s.artifacts();
        a.setPrefix(a.resolvedPrefix());
        a.setExportLevel(a.resolvedExportLevel());
        TelemetrySpec tel = s.telemetry();
        if (tel.getServerMetrics() == null) tel.setServerMetrics(true);
        if (tel.getServerMetricsInterval() == null) tel.setServerMetricsInterval(1.0);
        if (tel.getGpuTelemetryInterval() == null) tel.setGpuTelemetryInterval(1.0);
        if (tel.getScrapeTimeout() == null) tel.setScrapeTimeout(2.0);
        if (tel.getServerMetricsFormats() == null) tel.setServerMetricsFormats(List.of("json", "csv"));
        if (tel.getGpuTelemetryCollector() == null) tel.setGpuTelemetryCollector("dcgm");
        NetworkLatencySpec net = s.networkLatency();
        if (net.getEnabled() == null) net.setEnabled(false);
        if (net.getPingInterval() == null) net.setPingInterval(net.resolvedPingInterval());
        return s;
    }

    private static void endpoint(EndpointSpec ep) {
        if (ep.getUrl() == null) ep.setUrl(ep.resolvedUrls().get(0));
        ep.setType(ep.resolvedType());
        if (ep.getPath() == null) ep.setPath(ep.resolvedPath());
        ep.setStreaming(ep.isStreaming());
        if (ep.getTimeoutSeconds() == null) ep.setTimeoutSeconds(ep.resolvedTimeoutSeconds());
        if (ep.getUrls() != null && ep.getUrlStrategy() == null) ep.setUrlStrategy("round_robin");
        if (ep.getConnectionReuse() == null) ep.setConnectionReuse("pooled");
        if (ep.getTransport() == null) ep.setTransport("http");
        if (ep.getSessionHeader() == null) ep.setSessionHeader("X-Correlation-ID");
        if (ep.getWaitForModelTimeout() == null) ep.setWaitForModelTimeout(0.0);
    }

    private static void dataset(DatasetSpec ds) {
        boolean file = ds.getInputFile() != null || ds.getRecords() != null;
        boolean pub = ds.getPublicDataset() != null;
        if (ds.getType() == null) ds.setType(pub ? "public" : file ? "file" : "synthetic");
        if (ds.getSamplingStrategy() == null) ds.setSamplingStrategy(file && !pub ? "sequential" : "shuffle");
        if (file || pub) return;
        ds.setEntries(ds.resolvedEntries());
        PromptSpec p = ds.getPrompts() == null ? new PromptSpec() : ds.getPrompts();
        ds.setPrompts(p);
        if (p.getSequenceDistribution() == null) {
            LengthSpec isl = p.getIsl() == null ? new LengthSpec(PromptSpec.DEFAULT_ISL, null) : p.getIsl();
            boolean shaped = isl.getPeaks() != null || isl.getPoints() != null;
            if (isl.getMean() == null && !shaped) isl.setMean(PromptSpec.DEFAULT_ISL);
            if (isl.getStddev() == null && isl.getMedian() == null && !shaped) isl.setStddev(0.0);
            p.setIsl(isl);
        }
        if (p.getBatchSize() == null) p.setBatchSize(1);
        if (p.getCorpus() == null) p.setCorpus("sonnet");
    }

    /** The resolved benchmark as a tree, in the envelope with the file's other sections (sweep, multiRun, variables). */
    public static ObjectNode envelope(LoadedConfig c) {
        return envelope(c.envelope());
    }

    /** As {@link #envelope(LoadedConfig)} for an envelope built in memory (config generate). */
    public static ObjectNode envelope(dev.redline.api.config.ConfigEnvelope given) {
        ObjectNode root = SpecReader.mapper().valueToTree(given);
        root.put("schemaVersion", dev.redline.api.config.ConfigEnvelope.SCHEMA_VERSION);
        ObjectNode ordered = SpecReader.mapper().createObjectNode();
        ordered.set("schemaVersion", root.remove("schemaVersion"));
        ordered.setAll(root);
        ordered.set("benchmark", SpecReader.mapper().valueToTree(of(given.benchmark())));
        return ordered;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML_OUT = new com.fasterxml.jackson.databind.ObjectMapper(
            com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
                    .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

    /** A config tree as YAML the way Redline writes config files (plain scalars, no document marker). */
    public static String yaml(JsonNode tree) {
        try {
            return YAML_OUT.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every leaf of a tree as dot-path = value, for diffs ({@code phases[1].rate}). */
    public static List<String[]> leaves(JsonNode n) {
        List<String[]> out = new ArrayList<>();
        leaves(n, "", out);
        return out;
    }

    private static void leaves(JsonNode n, String path, List<String[]> out) {
        if (n.isObject() && !n.isEmpty()) {
            n.fields().forEachRemaining(e -> leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (n.isArray() && !n.isEmpty()) {
            for (int i = 0; i < n.size(); i++) leaves(n.get(i), path + "[" + i + "]", out);
        } else {
            out.add(new String[] {path, n.toString()});
        }
    }
}
