package dev.redline.operator;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.operator.children.ChildLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.redline.operator.MockCluster.NS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A new operator process over an existing run adopts its children: nothing duplicated, rewritten or re-announced. */
@EnableKubernetesMockClient(crud = true)
class OperatorRestartTest {
    static KubernetesClient client;

    /** name -> resourceVersion of every object the operator made, by kind. */
    private static Map<String, String> children() {
        List<? extends HasMetadata> all = Stream.of(
                client.batch().v1().jobs().inNamespace(NS).list().getItems(),
                client.configMaps().inNamespace(NS).list().getItems(),
                client.services().inNamespace(NS).list().getItems(),
                client.serviceAccounts().inNamespace(NS).list().getItems(),
                client.rbac().roles().inNamespace(NS).list().getItems(),
                client.rbac().roleBindings().inNamespace(NS).list().getItems()).flatMap(List::stream).toList();
        Map<String, String> out = new TreeMap<>();
        for (HasMetadata h : all) {
            if (ChildLabels.MANAGED_BY_VALUE.equals(h.getMetadata().getLabels().get(ChildLabels.MANAGED_BY_KEY))) {
                out.put(h.getKind() + "/" + h.getMetadata().getName(), h.getMetadata().getResourceVersion());
            }
        }
        return out;
    }

    @Test
    void restartMidRunDuplicatesNothing() throws Exception {
        MockCluster.installCrd(client);
        Benchmark bm = MockCluster.benchmark("steady");
        RunnerSpec runners = new RunnerSpec();
        runners.setReplicas(2);
        bm.getSpec().setRunners(runners);
        client.resource(bm).create();

        Operator first = MockCluster.startOperator(client, MockCluster.settings());
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "steady") != null);
        MockCluster.jobRunning(client, "steady", 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.get(client, "steady").getStatus().getPhase() == BenchmarkPhase.Running);
        // reconcile a second time in the same process: touching metadata triggers it without a spec change
        client.resources(Benchmark.class).inNamespace(NS).withName("steady").edit(b -> {
            b.getMetadata().setAnnotations(Map.of("touched", "1"));
            return b;
        });
        Thread.sleep(500);
        Map<String, String> before = children();
        int eventsBefore = MockCluster.events(client, "steady").size();
        String statusBefore = client.getKubernetesSerialization().asJson(MockCluster.get(client, "steady").getStatus());
        first.stop();

        assertEquals(List.of("ConfigMap/steady-results", "ConfigMap/steady-spec-1", "Job/steady-1", "Role/steady-runner",
                "RoleBinding/steady-runner", "Service/steady-runners", "ServiceAccount/steady-runner"), List.copyOf(before.keySet()));

        Operator second = MockCluster.startOperator(client, MockCluster.settings());
        try {
            // the new process reconciles every Benchmark on start; a probe Benchmark reconciled after that
            // shows the operator is through its initial pass
            client.resource(MockCluster.benchmark("probe")).create();
            await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "probe") != null);
            Thread.sleep(300);
            Map<String, String> after = children();
            after.keySet().removeIf(k -> k.contains("probe"));
            assertEquals(before, after, "children neither duplicated nor rewritten");
            assertEquals(eventsBefore, MockCluster.events(client, "steady").size(), "no events for unchanged conditions");
            assertEquals(statusBefore, client.getKubernetesSerialization().asJson(MockCluster.get(client, "steady").getStatus()));

            MockCluster.writeResults(client, "steady", Map.of("summary.json", MockCluster.SUMMARY_JSON));
            MockCluster.jobFinished(client, "steady", "Complete", "CompletionsReached", "done");
            await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.get(client, "steady").getStatus().getPhase() == BenchmarkPhase.Complete);
            assertEquals(2, client.batch().v1().jobs().inNamespace(NS).list().getItems().size(), "steady + probe");
        } finally {
            second.stop();
        }
    }
}
