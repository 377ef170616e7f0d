package dev.redline.operator.children;

import dev.redline.api.v1alpha1.Benchmark;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** Gives each runner pod a stable DNS name, so agents can find the coordinator (only with several runners). */
public final class HeadlessServiceFactory {
    private HeadlessServiceFactory() { }

    public static boolean needed(Benchmark bm) {
        return bm.getSpec().resolvedRunners().resolvedReplicas() > 1;
    }

    public static Service service(Benchmark bm) {
        ChildNames names = ChildNames.of(bm);
        return new ServiceBuilder()
                .withMetadata(Owner.meta(bm, names.headlessService(), "runner"))
                .withNewSpec()
                .withClusterIP("None")
                // agents dial the coordinator before any readiness signal exists
                .withPublishNotReadyAddresses(true)
                .withSelector(ChildLabels.runnerSelector(bm.getMetadata().getName()))
                .addNewPort().withName("coordinator").withPort(ChildNames.COORDINATOR_PORT).withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }
}
