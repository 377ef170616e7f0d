package dev.redline.runner.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.cli.RedlineCli;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kube preflight's node and Secret checks against Fabric8's mock apiserver (CRUD mode): each passes and fails as the scheduler and kubelet would. */
@EnableKubernetesMockClient(crud = true)
class KubePreflightPlacementTest {
    static KubernetesClient client;
    static KubernetesMockServer server;
    @TempDir Path tmp;

    /** The lines a check wrote, as the command prints them. */
    private static final class Lines implements PreflightPlacement.Report {
        final List<String> lines = new ArrayList<>();

        @Override public void pass(String what) { lines.add("PASS " + what); }

        @Override public void warn(String what) { lines.add("WARN " + what); }

        @Override public void info(String what) { lines.add("INFO " + what); }

        @Override public void fail(String what, String fix) { lines.add("FAIL " + what + "; fix: " + fix); }
    }

    @BeforeEach
    void clean() {
        client.nodes().delete();
        client.secrets().inAnyNamespace().delete();
        client.pods().inAnyNamespace().delete();
        client.services().inAnyNamespace().delete();
    }

    private static void node(String name, boolean ready, boolean cordoned, Map<String, String> labels, String taintKey) {
        node(name, ready, cordoned, labels, taintKey, Map.of());
    }

    private static void node(String name, boolean ready, boolean cordoned, Map<String, String> labels, String taintKey, Map<String, String> allocatable) {
        var b = new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withUnschedulable(cordoned).endSpec();
        if (taintKey != null) b.editSpec().addNewTaint().withKey(taintKey).withValue("true").withEffect("NoSchedule").endTaint().endSpec();
        Node n = client.nodes().resource(b.build()).create();
        Map<String, Quantity> alloc = new java.util.HashMap<>();
        allocatable.forEach((k, v) -> alloc.put(k, new Quantity(v)));
        n.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
                .endCondition().withAllocatable(alloc).build());
        client.nodes().resource(n).updateStatus();
    }

    private static List<String> nodes(Map<String, String> selector, List<Toleration> tolerations) {
        Lines out = new Lines();
        PreflightPlacement.nodes(new KubeConnection(client, "bench"), selector, tolerations, out);
        assertEquals(1, out.lines.size(), out.lines.toString());
        return out.lines;
    }

    private static final Toleration GPU_EXISTS = new TolerationBuilder().withKey("nvidia.com/gpu").withOperator("Exists").build();

    @Test
    void aNodeMustBeReadyUncordonedLabelledAndItsTaintsTolerated() {
        assertTrue(nodes(Map.of(), List.of()).get(0).startsWith("FAIL nodes: the cluster has no nodes"));
        node("down", false, false, Map.of("pool", "gpu"), null);
        node("cordoned", true, true, Map.of("pool", "gpu"), null);
        node("cpu", true, false, Map.of("pool", "cpu"), null);
        node("gpu", true, false, Map.of("pool", "gpu"), "nvidia.com/gpu");

        assertEquals("PASS nodes: 1 of 4 node(s) can take the runner pods", nodes(Map.of(), List.of()).get(0));
        String tainted = nodes(Map.of("pool", "gpu"), List.of()).get(0);
        assertEquals("FAIL nodes: none of 4 node(s) can take the runner pods (--node-selector pool=gpu): 2 not Ready or cordoned,"
                + " 1 without the label(s) pool=gpu, 1 with a taint not tolerated (nvidia.com/gpu:NoSchedule); fix: kubectl get nodes"
                + " (uncordon or repair them); fix --node-selector, or kubectl label node NODE pool=gpu; add --tolerations for the taint,"
                + " e.g. {\"key\":\"nvidia.com/gpu\",\"operator\":\"Exists\"}", tainted);
        assertEquals("PASS nodes: 1 of 4 node(s) can take the runner pods (--node-selector pool=gpu, 1 toleration(s))",
                nodes(Map.of("pool", "gpu"), List.of(GPU_EXISTS)).get(0));
        // Equal needs the taint's value; another effect does not tolerate NoSchedule
        assertTrue(nodes(Map.of("pool", "gpu"), List.of(new TolerationBuilder().withKey("nvidia.com/gpu").withOperator("Equal").withValue("false").build()))
                .get(0).startsWith("FAIL"));
        assertTrue(nodes(Map.of("pool", "gpu"), List.of(new TolerationBuilder().withKey("nvidia.com/gpu").withOperator("Equal").withValue("true").build()))
                .get(0).startsWith("PASS"));
        assertTrue(nodes(Map.of("pool", "gpu"), List.of(new TolerationBuilder().withOperator("Exists").withEffect("NoExecute").build())).get(0).startsWith("FAIL"));
        assertTrue(nodes(Map.of("pool", "gpu"), List.of(new TolerationBuilder().withOperator("Exists").build())).get(0).startsWith("PASS"),
                "an empty key with Exists tolerates every taint");
        assertTrue(nodes(Map.of("pool", "tpu"), List.of(GPU_EXISTS)).get(0).endsWith(": 2 not Ready or cordoned, 2 without the label(s) pool=tpu;"
                + " fix: kubectl get nodes (uncordon or repair them); fix --node-selector, or kubectl label node NODE pool=tpu"));
    }

    @Test
    void aNodeConditionTaintIsToldAsTheNodesStateNotAsATolerationToAdd() {
        node("booting", true, false, Map.of(), "node.kubernetes.io/not-ready");
        assertEquals("FAIL nodes: none of 1 node(s) can take the runner pods: 1 with a taint not tolerated (node.kubernetes.io/not-ready:NoSchedule);"
                + " fix: kubectl describe node: node.kubernetes.io/* taints mark a node condition; wait for or repair the node", nodes(Map.of(), List.of()).get(0));
    }

    private static void pod(String name, String node, String phase, String cpu, String memory) {
        client.pods().inNamespace("other").resource(new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withNodeName(node)
                .addNewContainer().withName("c").withImage("i").withNewResources().addToRequests("cpu", new Quantity(cpu))
                .addToRequests("memory", new Quantity(memory)).endResources().endContainer().endSpec().withNewStatus().withPhase(phase).endStatus().build()).create();
    }

    private static List<String> capacity(int pods) {
        Lines out = new Lines();
        KubeConnection conn = new KubeConnection(client, "bench");
        PreflightCapacity.check(conn, PreflightPlacement.nodes(conn, Map.of(), List.of(), new Lines()), pods, out);
        return out.lines;
    }

    @Test
    void capacityCountsRunnerPodsNodeByNodeBesideWhatRunningPodsRequest() {
        node("big", true, false, Map.of(), null, Map.of("cpu", "8", "memory", "16Gi"));
        pod("busy", "big", "Running", "4", "1Gi");
        pod("done", "big", "Succeeded", "4", "1Gi");
        assertEquals(List.of("PASS capacity: room for 2 runner pod(s) on 1 node(s), 2 runner pod(s) (2 CPU, 2Gi each) planned"), capacity(2));
        assertEquals(List.of("WARN capacity: room for 2 of 3 runner pod(s) (2 CPU, 2Gi each) now; running pods hold the rest, so some runner pods"
                + " stay Pending until they finish"), capacity(3));
        assertEquals(List.of("FAIL capacity: room for 2 of 5 runner pod(s) (2 CPU, 2Gi each) on 1 node(s); fix: plan fewer runner pods (--workers,"
                + " kube profile --runners), or add nodes"), capacity(5));

        clean();
        node("tiny", true, false, Map.of(), null, Map.of("cpu", "1500m", "memory", "64Gi"));
        assertEquals(List.of("FAIL capacity: no node that can take the runner pods has 2 CPU and 2Gi allocatable for one runner pod; fix: add larger"
                + " nodes, or give the runner pods smaller resources (spec.runners.resources)"), capacity(1));
    }

    @Test
    void anInClusterEndpointMustBeAServiceWithItsPortAndAnImageOfAPrivateRegistryWantsAPullSecret() {
        client.services().inNamespace("llm").resource(new ServiceBuilder().withNewMetadata().withName("vllm").endMetadata().withNewSpec()
                .addNewPort().withPort(8000).endPort().endSpec().build()).create();
        Lines out = new Lines();
        KubeConnection conn = new KubeConnection(client, "bench");
        for (String url : List.of("http://vllm.llm.svc:8000/v1", "http://vllm.llm.svc.cluster.local:8000", "http://vllm.llm.svc:9000",
                "http://gone.llm.svc:8000", "https://api.example.com")) {
            PreflightEndpoints.endpoint(conn, PreflightEndpoints.endpointArgument(url), out);
        }
        PreflightEndpoints.image("nvcr.io/nvidia/ai-dynamo/aiperf:0.13", List.of(), out);
        PreflightEndpoints.image("registry.example.com:5000/redline:1", List.of(), out);
        PreflightEndpoints.image("registry.example.com/redline:1", List.of("regcred"), out);
        PreflightEndpoints.image("redline/runner:1", List.of(), out);
        assertEquals(List.of(
                "PASS endpoint http://vllm.llm.svc:8000/v1: Service llm/vllm exists with port 8000",
                "PASS endpoint http://vllm.llm.svc.cluster.local:8000: Service llm/vllm exists with port 8000",
                "FAIL endpoint http://vllm.llm.svc:9000: Service llm/vllm has no port 9000 (it has 8000); fix: give the Service's port in --endpoint-url",
                "FAIL endpoint http://gone.llm.svc:8000: no Service gone in namespace llm; fix: kubectl -n llm get services; fix --endpoint-url",
                "INFO endpoint https://api.example.com: host api.example.com is not a cluster Service, not checked (the runner pods must reach it)",
                "PASS image nvcr.io/nvidia/ai-dynamo/aiperf:0.13 from public registry nvcr.io",
                "WARN image registry.example.com:5000/redline:1 from registry registry.example.com:5000 with no --image-pull-secret: a private registry"
                        + " needs one (try: kubectl run pull-test --image=registry.example.com:5000/redline:1 --rm -it --restart=Never -- true)",
                "PASS image registry.example.com/redline:1 (registry registry.example.com): pulled with image pull secret(s) regcred",
                "PASS image redline/runner:1 from public registry docker.io"), out.lines);
    }

    @Test
    void eachNamedSecretMustExistAndAPullSecretMustBeARegistrySecret() {
        client.secrets().inNamespace("bench").resource(new SecretBuilder().withNewMetadata().withName("regcred").endMetadata()
                .withType("kubernetes.io/dockerconfigjson").addToData(".dockerconfigjson", "e30=").build()).create();
        client.secrets().inNamespace("bench").resource(new SecretBuilder().withNewMetadata().withName("opaque").endMetadata()
                .withType("Opaque").addToData("k", "dg==").build()).create();
        Lines out = new Lines();
        PreflightPlacement.secrets(new KubeConnection(client, "bench"), List.of("regcred", "opaque", "nocred"), List.of("opaque", "gone"), out);
        assertEquals(List.of(
                "PASS image pull secret regcred exists in namespace bench",
                "FAIL image pull secret opaque in namespace bench has type Opaque; the kubelet reads registry credentials only from"
                        + " kubernetes.io/dockerconfigjson; fix: recreate it with kubectl -n bench create secret docker-registry opaque",
                "FAIL image pull secret nocred not found in namespace bench; fix: kubectl -n bench create secret docker-registry nocred"
                        + " --docker-server=REGISTRY --docker-username=USER --docker-password=TOKEN",
                "PASS secret opaque exists in namespace bench",
                "FAIL secret gone not found in namespace bench; fix: kubectl -n bench create secret generic gone --from-literal=KEY=VALUE"), out.lines);

        Lines none = new Lines();
        PreflightPlacement.secrets(new KubeConnection(client, "other"), List.of(), List.of("regcred"), none);
        assertEquals(List.of("FAIL secret regcred not found in namespace other; fix: kubectl -n other create secret generic regcred --from-literal=KEY=VALUE"),
                none.lines, "a Secret of another namespace does not count");
    }

    @Test
    void theCommandPrintsTheNewChecksInTextAndJsonAndTakesAiperfsFlags() throws Exception {
        server.expect().get().withPath("/version").andReturn(200, "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\"}").always();
        node("gpu", true, false, Map.of("pool", "gpu"), "nvidia.com/gpu", Map.of("cpu", "4", "memory", "8Gi"));
        client.services().inNamespace("llm").resource(new ServiceBuilder().withNewMetadata().withName("vllm").endMetadata().withNewSpec()
                .addNewPort().withPort(8000).endPort().endSpec().build()).create();
        client.secrets().inNamespace("bench").resource(new SecretBuilder().withNewMetadata().withName("regcred").endMetadata()
                .withType("kubernetes.io/dockerconfigjson").addToData(".dockerconfigjson", "e30=").build()).create();
        Path kubeconfig = tmp.resolve("kubeconfig");
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n    server: " + client.getConfiguration().getMasterUrl()
                + "\n    insecure-skip-tls-verify: true\ncontexts:\n- name: mock\n  context:\n    cluster: mock\n    user: u\n    namespace: bench\n"
                + "current-context: mock\nusers:\n- name: u\n  user:\n    token: t\n");
        String[] flags = {"kube", "preflight", "--kubeconfig", kubeconfig.toString(), "--node-selector.pool", "gpu",
                "--tolerations", "{\"key\":\"nvidia.com/gpu\",\"operator\":\"Exists\"}", "--image-pull-secret", "regcred", "--secrets", "api-key",
                "-w", "2", "-i", "registry.example.com/redline:1", "-e", "http://vllm.llm.svc:8000"};

        String[] text = runPrinting(flags);
        List<String> lines = text[1].lines().toList();
        assertTrue(lines.contains("PASS nodes: 1 of 1 node(s) can take the runner pods (--node-selector pool=gpu, 1 toleration(s))"), text[1]);
        assertTrue(lines.contains("PASS image pull secret regcred exists in namespace bench"), text[1]);
        assertTrue(lines.contains("FAIL secret api-key not found in namespace bench; fix: kubectl -n bench create secret generic api-key --from-literal=KEY=VALUE"),
                text[1]);
        assertTrue(lines.contains("PASS capacity: room for 2 runner pod(s) on 1 node(s), 2 runner pod(s) (2 CPU, 2Gi each) planned"), text[1]);
        assertTrue(lines.contains("PASS image registry.example.com/redline:1 (registry registry.example.com): pulled with image pull secret(s) regcred"), text[1]);
        assertTrue(lines.contains("PASS endpoint http://vllm.llm.svc:8000: Service llm/vllm exists with port 8000"), text[1]);
        assertEquals("1", text[0], "a check failed: exit 1");

        String[] json = runPrinting(concat(flags, "-o", "json"));
        JsonNode report = new ObjectMapper().readTree(json[1]);
        List<String> checks = new ArrayList<>();
        report.path("checks").forEach(c -> checks.add(c.path("status").asText() + " " + c.path("check").asText() + (c.has("fix") ? "; fix: " + c.path("fix").asText() : "")));
        assertEquals(lines.subList(0, lines.size() - 1), checks, "the same checks as the text output");
        assertFalse(report.path("passed").asBoolean(true));

        String[] base = {"kube", "preflight", "--kubeconfig", kubeconfig.toString()};
        String[] bad = runPrinting(concat(base, "--secret", "Bad_Name"));
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("--secret Bad_Name: not a Secret name"), bad[2]);
        String[] noPods = runPrinting(concat(base, "--workers", "0"));
        assertEquals("2", noPods[0]);
        assertTrue(noPods[2].contains("--workers: at least 1 runner pod, got 0"), noPods[2]);
        String[] badUrl = runPrinting(concat(base, "--endpoint-url", "vllm:8000"));
        assertEquals("2", badUrl[0]);
        assertTrue(badUrl[2].contains("--endpoint-url vllm:8000: not an http(s) URL with a host"), badUrl[2]);
        String[] noKey = runPrinting(concat(base, "--node-selector.", "x"));
        assertEquals("2", noKey[0]);
        assertTrue(noKey[2].contains("--node-selector.: no key after the dot"), noKey[2]);
    }

    /** Exit code, stdout (the checks go to System.out), stderr of {@code redline ARGS}. */
    private static String[] runPrinting(String... args) {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = RedlineCli.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new String[]{String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString()};
        } finally {
            System.setOut(was);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
