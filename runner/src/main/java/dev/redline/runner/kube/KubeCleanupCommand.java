package dev.redline.runner.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code redline kube cleanup}: deletes the finished resources of a namespace. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Delete the Benchmarks, Sweeps and Searches of the namespace that have ended (Complete, Failed, Cancelled, Invalid). Benchmarks a Sweep or Search owns are left to their owner.")
public class KubeCleanupCommand implements Callable<Integer> {
    @Mixin KubeTarget target;

    @Option(names = "--dry-run", description = "List what would be deleted, delete nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        try (KubeConnection conn = target.connect()) {
            int n = 0;
            for (KubeKind kind : KubeKind.values()) {
                for (HasMetadata r : KubeResources.list(conn, kind, conn.namespace())) {
                    String phase = KubeResources.phase(r);
                    if (!KubeKind.terminal(phase) || ownedBySweepOrSearch(r)) continue;
                    String name = r.getMetadata().getName();
                    if (!dryRun) {
                        KubeApi.run(conn, () -> conn.client().resources(kind.type()).inNamespace(conn.namespace()).withName(name).delete());
                    }
                    System.out.println((dryRun ? "would delete " : "deleted ") + kind.kind() + "/" + name + " (" + phase + ")");
                    n++;
                }
            }
            System.out.println(n == 0 ? "nothing to clean up in namespace " + conn.namespace()
                    : (dryRun ? n + " would be deleted" : n + " deleted") + " in namespace " + conn.namespace());
            return 0;
        }
    }

    static boolean ownedBySweepOrSearch(HasMetadata r) {
        for (OwnerReference o : r.getMetadata().getOwnerReferences()) {
            if (o.getApiVersion() != null && o.getApiVersion().startsWith("redline.dev/") && ("Sweep".equals(o.getKind()) || "Search".equals(o.getKind()))) return true;
        }
        return false;
    }
}
