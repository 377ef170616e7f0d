package dev.redline.operator.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * End to end in a real (k3s) cluster: install the chart, start the mock LLM server as a Deployment,
 * apply every config/samples/benchmark-*.yaml pointed at it, and wait for Complete.
 *
 * <p>Skipped where there is no Docker engine (this build machine has none: Testcontainers needs one to
 * run k3s). It also needs the operator and runner images as OCI tarballs, built with
 * {@code ./mvnw -Pimages package} (Jib, no Docker daemon); pass their directory with
 * {@code -Dredline.e2e.images=<dir>} (files redline-operator.tar and redline-runner.tar).
 */
@org.junit.jupiter.api.extension.ExtendWith(DockerRequired.class)
@Testcontainers(disabledWithoutDocker = true)
class K3sEndToEndTest {
    static final String NS = "redline-e2e";
    static final String OPERATOR_IMAGE = "ghcr.io/redline-dev/redline-operator:0.1.0";
    static final String RUNNER_IMAGE = "ghcr.io/redline-dev/redline-runner:0.1.0";

    @Container
    static final K3sContainer K3S = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.31.4-k3s1"));

    static KubernetesClient client;

    static Path repoRoot() {
        return Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize();
    }

    @BeforeAll
    static void install() throws Exception {
        String images = System.getProperty("redline.e2e.images");
        Assumptions.assumeTrue(images != null && Files.isDirectory(Path.of(images)),
                "skipped: set -Dredline.e2e.images to the directory of the Jib image tarballs (./mvnw -Pimages package)");
        for (String tar : List.of("redline-operator.tar", "redline-runner.tar")) {
            K3S.copyFileToContainer(MountableFile.forHostPath(Path.of(images, tar)), "/tmp/" + tar);
            var result = K3S.execInContainer("ctr", "images", "import", "/tmp/" + tar);
            assertEquals(0, result.getExitCode(), result.getStderr());
        }
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml())).build();
        new Helm(repoRoot().resolve("charts/redline")).install()
                .withName("redline").withNamespace(NS).createNamespace()
                .withKubeConfigContents(K3S.getKubeConfigYaml())
                .set("image.pullPolicy", "Never")
                .set("runner.image", RUNNER_IMAGE)
                .waitReady().withTimeout(300)
                .call();
        startMockServer();
    }

    @AfterAll
    static void close() {
        if (client != null) client.close();
    }

    /** The runner image's mock OpenAI-compatible server, reachable as http://mock-llm:8000. */
    static void startMockServer() {
        Map<String, String> labels = Map.of("app", "mock-llm");
        Deployment mock = new DeploymentBuilder()
                .withNewMetadata().withName("mock-llm").withNamespace(NS).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("mock").withImage(RUNNER_IMAGE).withImagePullPolicy("Never")
                .withCommand("redline").withArgs("mock-server", "--host", "0.0.0.0", "--port", "8000", "--ttft-ms", "20", "--itl-ms", "5")
                .addNewPort().withContainerPort(8000).endPort().endContainer().endSpec().endTemplate().endSpec().build();
        Service svc = new ServiceBuilder().withNewMetadata().withName("mock-llm").withNamespace(NS).endMetadata()
                .withNewSpec().withSelector(labels).addNewPort().withPort(8000).withTargetPort(new IntOrString(8000)).endPort()
                .endSpec().build();
        client.resource(mock).create();
        client.resource(svc).create();
        client.apps().deployments().inNamespace(NS).withName("mock-llm").waitUntilReady(3, java.util.concurrent.TimeUnit.MINUTES);
    }

    /** A sample made runnable here: aimed at the mock, short, small, without external Secrets or stores. */
    static Benchmark adapt(Path sample) throws Exception {
        ObjectNode root = (ObjectNode) dev.redline.api.config.SpecReader.mapper().readTree(Files.readString(sample));
        ObjectNode spec = (ObjectNode) root.get("spec");
        ((ObjectNode) spec.get("endpoint")).put("url", "http://mock-llm:8000");
        spec.remove(List.of("apiKeySecretRef", "output"));
        spec.withArray("phases").forEach(p -> {
            if (p.has("duration")) ((ObjectNode) p).put("duration", 10);
        });
        if (spec.has("runners")) {
            ObjectNode runners = (ObjectNode) spec.get("runners");
            runners.put("replicas", Math.min(2, runners.path("replicas").asInt(1)));
            runners.remove(List.of("colocateWith", "tolerations", "resources"));
        }
        ((ObjectNode) root.get("metadata")).put("namespace", NS);
        return client.getKubernetesSerialization().convertValue(root, Benchmark.class);
    }

    @Test
    void everySampleCompletes() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.list(repoRoot().resolve("config/samples"))) {
            samples = files.filter(p -> p.getFileName().toString().matches("benchmark-.*\\.yaml")).sorted().toList();
        }
        for (Path sample : samples) {
            Benchmark bm = client.resource(adapt(sample)).create();
            String name = bm.getMetadata().getName();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                Benchmark now = client.resources(Benchmark.class).inNamespace(NS).withName(name).get();
                BenchmarkPhase phase = now.getStatus() == null ? null : now.getStatus().getPhase();
                if (phase == BenchmarkPhase.Failed || phase == BenchmarkPhase.Invalid) {
                    throw new AssertionError(sample + " ended " + phase + ": " + now.getStatus().getConditions());
                }
                return phase == BenchmarkPhase.Complete;
            });
            Benchmark done = client.resources(Benchmark.class).inNamespace(NS).withName(name).get();
            assertNotNull(done.getStatus().getResults().getRequestCount(), sample + ": no results mirrored");
        }
    }
}
