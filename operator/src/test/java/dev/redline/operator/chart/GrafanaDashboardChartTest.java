package dev.redline.operator.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.redline.operator.chart.HelmChartTest.ofKind;
import static dev.redline.operator.chart.HelmChartTest.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Grafana dashboard ConfigMap: off by default, picked up by label, and every panel's PromQL documented. */
class GrafanaDashboardChartTest {
    private static final Path DOC = Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize()
            .resolve("docs/telemetry.md");

    private static List<JsonNode> dashboards(List<JsonNode> docs) {
        return ofKind(docs, "ConfigMap").stream().filter(c -> c.at("/metadata/labels").has("grafana_dashboard")
                || c.at("/metadata/name").asText().endsWith("grafana-dashboard")).toList();
    }

    @Test
    void offByDefault() throws IOException {
        assertEquals(List.of(), dashboards(render(c -> c)));
    }

    @Test
    void enabledItIsAConfigMapTheGrafanaSidecarPicksUp() throws IOException {
        List<JsonNode> cms = dashboards(render(c -> c.set("grafana.dashboard.enabled", true).set("grafana.dashboard.namespace", "monitoring")
                .set("grafana.dashboard.folder", "Benchmarks")));
        assertEquals(1, cms.size());
        JsonNode cm = cms.get(0);
        assertEquals("1", cm.at("/metadata/labels/grafana_dashboard").asText());
        assertEquals("monitoring", cm.at("/metadata/namespace").asText());
        assertEquals("Benchmarks", cm.at("/metadata/annotations/grafana_folder").asText());
        JsonNode dash = new ObjectMapper().readTree(cm.at("/data/redline-benchmarks.json").asText());
        assertEquals("redline-benchmarks", dash.path("uid").asText());
        List<String> vars = new ArrayList<>();
        dash.at("/templating/list").forEach(v -> vars.add(v.path("name").asText()));
        assertEquals(List.of("datasource", "namespace", "benchmark", "gpu_namespace"), vars);
        List<String> titles = new ArrayList<>();
        dash.path("panels").forEach(p -> titles.add(p.path("title").asText()));
        for (String must : List.of("Requests/s (completed, by phase)", "TTFT percentiles", "ITL percentiles", "Errors by type", "In flight",
                "GPU power", "GPU utilisation")) {
            assertTrue(titles.contains(must), "panel " + must + " in " + titles);
        }
    }

    /** docs/telemetry.md lists every panel with its exact PromQL, and names only metrics the runner serves. */
    @Test
    void everyPanelsPromqlIsInTheTelemetryDoc() throws IOException {
        String doc = Files.readString(DOC);
        JsonNode cm = dashboards(render(c -> c.set("grafana.dashboard.enabled", true))).get(0);
        JsonNode dash = new ObjectMapper().readTree(cm.at("/data/redline-benchmarks.json").asText());
        List<String> missing = new ArrayList<>();
        Pattern redline = Pattern.compile("redline_[a-z_]+");
        for (JsonNode panel : dash.path("panels")) {
            assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
            if (!doc.contains(panel.path("title").asText())) missing.add("panel " + panel.path("title").asText());
            for (JsonNode t : panel.path("targets")) {
                String expr = t.path("expr").asText();
                if (!doc.contains(expr.replace("|", "\\|"))) missing.add(expr);
                Matcher m = redline.matcher(expr);
                while (m.find()) {
                    String family = m.group().replaceAll("_(bucket|total)$", "");
                    if (!doc.contains("`" + family)) missing.add("live metric " + family);
                }
            }
        }
        assertEquals(List.of(), missing, "document in docs/telemetry.md (Grafana dashboard section)");
    }
}
