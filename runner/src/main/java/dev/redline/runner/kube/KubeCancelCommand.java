package dev.redline.runner.kube;

import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import picocli.CommandLine.Command;

/** {@code redline kube cancel}: sets spec.cancel; the operator stops the runners and keeps the partial results. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a running Benchmark or Search (spec.cancel=true): the operator stops its runners and keeps the partial results.")
public class KubeCancelCommand extends KubeRefCommand {
    @Override
    protected int act(KubeConnection conn, LastDeployed.Ref ref) {
        KubeKind k = KubeKind.parse(ref.kind(), "kind");
        if (k == KubeKind.SWEEP) {
            // the Sweep CRD has no spec.cancel: deleting it is what stops its cells
            throw new BadInputException("a Sweep cannot be cancelled (it has no spec.cancel); stop it with: redline kube delete " + ref.name() + " --kind sweep");
        }
        KubeApi.run(conn, () -> conn.client().resources(k.type()).inNamespace(ref.namespace()).withName(ref.name())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancel\":true}}"));
        out.println(ref.kind() + "/" + ref.name() + " in " + ref.namespace() + ": cancel requested");
        return 0;
    }
}
