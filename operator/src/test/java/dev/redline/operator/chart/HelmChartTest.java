package dev.redline.operator.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.redline.operator.children.ChildLabels;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders charts/redline with the embedded Helm (helm-java, offline) and pins the exact RBAC it grants. */
public class HelmChartTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String RELEASE_NS = "redline-system";

    /** The operator's whole permission set: anything added here must be argued for in docs/operator.md. */
    public static final List<Map<String, List<String>>> OPERATOR_RULES = List.of(
            // create: a Sweep's cells and a Search's iterations are child Benchmarks; patch cancels a Search's iteration
            rule(List.of("redline.dev"), List.of("benchmarks"), List.of("get", "list", "watch", "create", "patch", "delete")),
            rule(List.of("redline.dev"), List.of("benchmarks/status"), List.of("get", "patch", "update")),
            rule(List.of("redline.dev"), List.of("searches"), List.of("get", "list", "watch")),
            rule(List.of("redline.dev"), List.of("searches/status"), List.of("get", "patch", "update")),
            rule(List.of("redline.dev"), List.of("sweeps"), List.of("get", "list", "watch")),
            rule(List.of("redline.dev"), List.of("sweeps/status"), List.of("get", "patch", "update")),
            rule(List.of(""), List.of("configmaps"), List.of("get", "list", "watch", "create", "update", "patch", "delete")),
            rule(List.of("batch"), List.of("jobs"), List.of("get", "list", "watch", "create", "patch", "delete")),
            rule(List.of(""), List.of("services", "serviceaccounts"), List.of("get", "create")),
            rule(List.of("rbac.authorization.k8s.io"), List.of("roles", "rolebindings"), List.of("get", "create", "update")),
            rule(List.of(""), List.of("events"), List.of("create")),
            // watch: runner pod states (Starting reasons); get/list also so that it may grant the runners
            // the DCGM discovery rule (no escalation): docs/operator.md
            rule(List.of(""), List.of("pods"), List.of("get", "list", "watch")));

    private static Map<String, List<String>> rule(List<String> groups, List<String> resources, List<String> verbs) {
        return Map.of("apiGroups", groups, "resources", resources, "verbs", verbs);
    }

    private static Path chart() {
        return Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize().resolve("charts/redline");
    }

    static List<JsonNode> render(UnaryOperator<TemplateCommand> values) throws IOException {
        TemplateCommand cmd = new Helm(chart()).template().withName("redline").withNamespace(RELEASE_NS);
        String out = values.apply(cmd).call();
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).readValues(out)) {
            while (it.hasNext()) {
                JsonNode doc = (JsonNode) it.next();
                if (doc != null && doc.has("kind")) docs.add(doc);
            }
        }
        return docs;
    }

    static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind").asText())).toList();
    }

    private static List<Map<String, List<String>>> rules(JsonNode role) {
        List<Map<String, List<String>>> out = new ArrayList<>();
        for (JsonNode r : (ArrayNode) role.get("rules")) {
            out.add(Map.of("apiGroups", strings(r.get("apiGroups")), "resources", strings(r.get("resources")),
                    "verbs", strings(r.get("verbs"))));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String env(List<JsonNode> docs, String name) {
        JsonNode container = ofKind(docs, "Deployment").get(0).at("/spec/template/spec/containers/0");
        for (JsonNode e : container.get("env")) {
            if (name.equals(e.get("name").asText())) return e.get("value").asText();
        }
        throw new AssertionError("env " + name + " missing");
    }

    @Test
    void namespacedByDefaultWithExactRules() throws IOException {
        List<JsonNode> docs = render(c -> c);
        List<JsonNode> roles = ofKind(docs, "Role");
        assertEquals(1, roles.size());
        assertEquals(RELEASE_NS, roles.get(0).at("/metadata/namespace").asText());
        assertEquals(OPERATOR_RULES, rules(roles.get(0)));
        JsonNode binding = ofKind(docs, "RoleBinding").get(0);
        assertEquals("redline", binding.at("/roleRef/name").asText());
        assertEquals("redline", binding.at("/subjects/0/name").asText());
        assertEquals(RELEASE_NS, binding.at("/subjects/0/namespace").asText());
        assertEquals(0, ofKind(docs, "ClusterRoleBinding").size(), "no cluster-wide grant in namespaced mode");
        assertEquals(List.of("redline-edit", "redline-view"),
                ofKind(docs, "ClusterRole").stream().map(d -> d.at("/metadata/name").asText()).toList());
        assertEquals(RELEASE_NS, env(docs, "REDLINE_WATCH_NAMESPACES"));
        assertEquals("ghcr.io/redline-dev/redline-runner:0.1.0", env(docs, "REDLINE_OPERATOR_RUNNER_IMAGE"));

        JsonNode pod = ofKind(docs, "Deployment").get(0).at("/spec/template/spec");
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertTrue(pod.at("/containers/0/securityContext/readOnlyRootFilesystem").asBoolean());
        assertEquals("redline", pod.at("/serviceAccountName").asText());
        assertEquals("ghcr.io/redline-dev/redline-operator:0.1.0", pod.at("/containers/0/image").asText());
    }

    @Test
    void listedNamespacesEachGetTheSameRole() throws IOException {
        List<JsonNode> docs = render(c -> c.set("watch.namespaces[0]", "team-a").set("watch.namespaces[1]", "team-b").set("runner.image", "r.example/runner:9"));
        List<JsonNode> roles = ofKind(docs, "Role");
        assertEquals(List.of("team-a", "team-b"), roles.stream().map(r -> r.at("/metadata/namespace").asText()).toList());
        for (JsonNode role : roles) assertEquals(OPERATOR_RULES, rules(role));
        assertEquals(List.of("team-a", "team-b"),
                ofKind(docs, "RoleBinding").stream().map(r -> r.at("/metadata/namespace").asText()).toList());
        assertEquals("team-a,team-b", env(docs, "REDLINE_WATCH_NAMESPACES"));
        assertEquals("r.example/runner:9", env(docs, "REDLINE_OPERATOR_RUNNER_IMAGE"));
    }

    @Test
    void clusterModeUsesOneClusterRoleWithTheSameRules() throws IOException {
        List<JsonNode> docs = render(c -> c.set("watch.mode", "cluster"));
        assertEquals(0, ofKind(docs, "Role").size());
        JsonNode operatorRole = ofKind(docs, "ClusterRole").stream()
                .filter(d -> "redline".equals(d.at("/metadata/name").asText())).findFirst().orElseThrow();
        assertEquals(OPERATOR_RULES, rules(operatorRole));
        JsonNode binding = ofKind(docs, "ClusterRoleBinding").get(0);
        assertEquals("ClusterRole", binding.at("/roleRef/kind").asText());
        assertEquals(RELEASE_NS, binding.at("/subjects/0/namespace").asText());
        assertEquals("JOSDK_ALL_NAMESPACES", env(docs, "REDLINE_WATCH_NAMESPACES"));
    }

    @Test
    void aggregatedRolesLetNamespaceUsersUseBenchmarks() throws IOException {
        List<JsonNode> docs = render(c -> c);
        JsonNode edit = ofKind(docs, "ClusterRole").stream().filter(d -> d.at("/metadata/name").asText().endsWith("-edit")).findFirst().orElseThrow();
        assertEquals("true", edit.at("/metadata/labels/rbac.authorization.k8s.io~1aggregate-to-edit").asText());
        assertEquals("true", edit.at("/metadata/labels/rbac.authorization.k8s.io~1aggregate-to-admin").asText());
        assertEquals(List.of(
                rule(List.of("redline.dev"), List.of("benchmarks", "sweeps", "searches"), List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection")),
                rule(List.of("redline.dev"), List.of("benchmarks/status", "sweeps/status", "searches/status"), List.of("get"))), rules(edit));
        JsonNode view = ofKind(docs, "ClusterRole").stream().filter(d -> d.at("/metadata/name").asText().endsWith("-view")).findFirst().orElseThrow();
        assertEquals("true", view.at("/metadata/labels/rbac.authorization.k8s.io~1aggregate-to-view").asText());
        assertEquals(List.of(rule(List.of("redline.dev"), List.of("benchmarks", "benchmarks/status", "sweeps", "sweeps/status", "searches", "searches/status"),
                List.of("get", "list", "watch"))), rules(view));

        assertEquals(0, ofKind(render(c -> c.set("rbac.aggregateToDefaultRoles", false)), "ClusterRole").size());
    }

    @Test
    void metricsServiceSelectsTheOperatorPodForPrometheus() throws IOException {
        List<JsonNode> docs = render(c -> c);
        List<JsonNode> services = ofKind(docs, "Service");
        assertEquals(1, services.size());
        JsonNode svc = services.get(0);
        assertEquals("redline-metrics", svc.at("/metadata/name").asText());
        assertEquals(RELEASE_NS, svc.at("/metadata/namespace").asText());
        JsonNode deployment = ofKind(docs, "Deployment").get(0);
        assertEquals(deployment.at("/spec/template/metadata/labels"), svc.at("/spec/selector"), "selects exactly the operator pod");
        assertEquals("true", svc.at("/metadata/annotations/prometheus.io~1scrape").asText());
        assertEquals("/q/metrics", svc.at("/metadata/annotations/prometheus.io~1path").asText());
        JsonNode containerPort = deployment.at("/spec/template/spec/containers/0/ports/0");
        assertEquals(containerPort.get("containerPort").asText(), svc.at("/metadata/annotations/prometheus.io~1port").asText());
        assertEquals("metrics", svc.at("/spec/ports/0/name").asText());
        assertEquals(containerPort.get("name").asText(), svc.at("/spec/ports/0/targetPort").asText());
        assertEquals(0, ofKind(docs, "ServiceMonitor").size(), "no ServiceMonitor unless asked: its CRD may be absent");

        List<JsonNode> withMonitor = render(c -> c.set("metrics.serviceMonitor.enabled", true)
                .set("metrics.serviceMonitor.labels.release", "kube-prometheus-stack").set("metrics.service.annotations.team", "perf"));
        JsonNode monitor = ofKind(withMonitor, "ServiceMonitor").get(0);
        assertEquals("kube-prometheus-stack", monitor.at("/metadata/labels/release").asText());
        assertEquals("metrics", monitor.at("/spec/endpoints/0/port").asText());
        assertEquals("/q/metrics", monitor.at("/spec/endpoints/0/path").asText());
        assertEquals(List.of(RELEASE_NS), strings(monitor.at("/spec/namespaceSelector/matchNames")));
        JsonNode monitoredSvc = ofKind(withMonitor, "Service").get(0);
        assertEquals("perf", monitoredSvc.at("/metadata/annotations/team").asText());
        monitor.at("/spec/selector/matchLabels").fields().forEachRemaining(e ->
                assertEquals(e.getValue(), monitoredSvc.at("/metadata/labels").get(e.getKey()), "ServiceMonitor selects the metrics Service: " + e.getKey()));

        assertEquals(0, ofKind(docs, "PodMonitor").size(), "no PodMonitor unless asked");
        JsonNode runners = ofKind(render(c -> c.set("runnerMetrics.podMonitor.enabled", true)
                .set("runnerMetrics.podMonitor.labels.release", "kube-prometheus-stack")), "PodMonitor").get(0);
        assertEquals("kube-prometheus-stack", runners.at("/metadata/labels/release").asText());
        assertEquals(ChildLabels.MANAGED_BY_VALUE, runners.at("/spec/selector/matchLabels/app.kubernetes.io~1managed-by").asText());
        assertEquals("runner", runners.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText());
        assertTrue(runners.at("/spec/namespaceSelector/any").asBoolean(), "Benchmarks live in any namespace");
        assertEquals("metrics", runners.at("/spec/podMetricsEndpoints/0/port").asText(), "the runner container's port name");

        List<JsonNode> off = render(c -> c.set("metrics.service.enabled", false).set("metrics.serviceMonitor.enabled", true));
        assertEquals(0, ofKind(off, "Service").size());
        assertEquals(0, ofKind(off, "ServiceMonitor").size());
    }

    @Test
    void schemaRejectsUnknownMetricsKeys() {
        Exception e = assertThrows(Exception.class, () -> render(c -> c.set("metrics.port", 9090)));
        assertTrue(e.getMessage().contains("port"), e.getMessage());
    }

    @Test
    void schemaRejectsUnknownWatchMode() {
        Exception e = assertThrows(Exception.class, () -> render(c -> c.set("watch.mode", "everywhere")));
        assertTrue(e.getMessage().contains("watch.mode") || e.getMessage().contains("mode"), e.getMessage());
    }
}
