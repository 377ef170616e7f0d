package dev.redline.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepExecution;
import dev.redline.api.v1alpha1.SweepPhase;
import dev.redline.api.v1alpha1.TokenizerSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.redline.operator.MockCluster.NS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warmPool Sweep through a real runner process: the operator creates the one runner Job; the test
 * plays the kubelet by starting the built runner jar with the Job's arguments, the mounted experiment
 * and the pod's environment against Fabric8's mock API server and a real mock inference server; the
 * runner runs every cell in one JVM and publishes into the results ConfigMap; the operator rolls up.
 */
@EnableKubernetesMockClient(crud = true)
class WarmPoolSweepTest {
    static KubernetesClient client;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = MockCluster.repoRoot().resolve("runner/target/redline.jar");

    @TempDir Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process java(String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(args[0] + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("KUBERNETES_MASTER", client.getConfiguration().getMasterUrl());
        env.put("KUBERNETES_TRUST_CERTIFICATES", "true");
        env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
        env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
        env.put("KUBERNETES_NAMESPACE", NS);
        env.put("JOB_COMPLETION_INDEX", "0");
        env.put("REDLINE_NAMESPACE", NS);
        env.put("RUST_FLAVOR", "cpu");
        return pb.start();
    }

    @Test
    void onePodRunsEveryCellAndTheOperatorRollsUp() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by the runner module before the operator's tests (./mvnw verify)");
        SweepCluster.installCrds(client);
        int port = freePort();
        Process llm = java("mock-server", "--port", Integer.toString(port), "--ttft-ms", "5", "--itl-ms", "1");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return true; // the inference server is up before the pod would start
            } catch (IOException notYet) {
                return false;
            }
        });
        Operator operator = SweepCluster.start(client);
        Process runner = null;
        try {
            Sweep sw = SweepCluster.sweep("pool", List.of(1, 3));
            sw.getSpec().setExecution(SweepExecution.WARM_POOL);
            sw.getSpec().getTemplate().setModels(List.of("mock-model"));
            sw.getSpec().getTemplate().endpoint().setUrl("http://127.0.0.1:" + port);
            sw.getSpec().getTemplate().setTokenizer(new TokenizerSpec());
            sw.getSpec().getTemplate().getTokenizer().setName("builtin");
            sw.getSpec().getTemplate().getPhases().get(0).setRequests(12);
            client.resource(sw).create();

            await().atMost(Duration.ofSeconds(30)).until(() -> MockCluster.job(client, "pool") != null);
            Job job = MockCluster.job(client, "pool");
            List<String> args = job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
            assertEquals(List.of("run", "--in-cluster", "--experiment", "/etc/redline/experiment.yaml", "--results-configmap", "pool-results"), args);
            assertEquals(1, job.getSpec().getCompletions());
            assertTrue(SweepCluster.children(client, "pool").isEmpty(), "no child Benchmarks in a warm pool");
            ConfigMap spec = MockCluster.configMap(client, "pool-spec-1"); // a Sweep has one run: its own objects are named for run 1
            Path experiment = dir.resolve("experiment.yaml");
            Files.writeString(experiment, spec.getData().get("experiment.yaml")); // the kubelet mounts the ConfigMap

            runner = java("run", "--in-cluster", "--experiment", experiment.toString(), "--results-configmap", "pool-results",
                    "--artifact-dir", dir.resolve("artifacts").toString());
            MockCluster.jobRunning(client, "pool", 1);
            assertTrue(runner.waitFor(240, TimeUnit.SECONDS), "the runner finished");
            assertEquals(0, runner.exitValue(), Files.readString(dir.resolve("run.log")));
            MockCluster.jobFinished(client, "pool", "Complete", "CompletionsReached", "done");

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Sweep s = SweepCluster.get(client, "pool");
                return s.getStatus() != null && s.getStatus().getPhase() == SweepPhase.Complete;
            });
            Sweep done = SweepCluster.get(client, "pool");
            assertEquals("2/2", done.getStatus().getProgress());
            assertEquals("True", done.getStatus().condition(ConditionType.Complete).getStatus());
            assertTrue(done.getStatus().getCells().stream().allMatch(c -> c.getRequestThroughput() != null && c.getRequestThroughput() > 0));
            assertEquals(List.of("concurrency_1", "concurrency_3"), done.getStatus().getCells().stream().map(c -> c.getDir()).toList());
            JsonNode sweep = JSON.readTree(MockCluster.configMap(client, "pool-results").getData().get("sweep.json"));
            assertEquals(2, sweep.get("per_combination_metrics").size());
            assertTrue(Files.isRegularFile(dir.resolve("artifacts/concurrency_3/profile_export_redline.json")), "both cells ran in the one pod");
            assertTrue(Files.isRegularFile(dir.resolve("artifacts/sweep_aggregate/profile_export_redline_sweep.json")));
        } finally {
            operator.stop();
            if (runner != null) runner.destroyForcibly();
            llm.destroyForcibly();
        }
    }
}
