package dev.redline.runner.kube;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import picocli.CommandLine.Command;

/**
 * {@code redline kube cancel}: sets spec.cancel on a Benchmark, Sweep or Search; the operator stops the
 * runners and keeps the partial results (a Sweep's or Search's running children are cancelled, nothing new starts).
 */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a running Benchmark, Sweep or Search (spec.cancel=true): the operator stops its runners, starts no further cell or iteration and keeps the results so far.")
public class KubeCancelCommand extends KubeRefCommand {
    @Override
    protected int act(KubeConnection conn, LastDeployed.Ref ref) {
        KubeKind k = KubeKind.parse(ref.kind(), "kind");
        KubeApi.run(conn, () -> conn.client().resources(k.type()).inNamespace(ref.namespace()).withName(ref.name())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancel\":true}}"));
        out.println(ref.kind() + "/" + ref.name() + " in " + ref.namespace() + ": cancel requested");
        return 0;
    }
}
