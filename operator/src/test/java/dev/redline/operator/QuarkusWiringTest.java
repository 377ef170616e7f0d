package dev.redline.operator;

import dev.redline.api.v1alpha1.BenchmarkPhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The packaged application: Quarkus starts the operator, CDI builds the reconciler from configuration. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class QuarkusWiringTest {
    @Inject
    KubernetesClient client;

    @Test
    void applicationReconcilesWithConfiguredRunnerImage() throws Exception {
        MockCluster.installCrd(client);
        client.resource(MockCluster.benchmark("wired")).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> MockCluster.job(client, "wired") != null);
        assertEquals("registry.test/redline-runner:from-config",
                MockCluster.job(client, "wired").getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var bm = MockCluster.get(client, "wired");
            return bm.getStatus() != null && bm.getStatus().getPhase() == BenchmarkPhase.Pending;
        });
    }
}
