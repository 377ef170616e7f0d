package dev.redline.runner.kube;

import picocli.CommandLine.Command;

/** {@code redline kube delete}: deletes the resource; the garbage collector removes what it owns (Jobs, pods, ConfigMaps, children). */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a Benchmark, Sweep or Search and, through owner references, everything it created.")
public class KubeDeleteCommand extends KubeRefCommand {
    @Override
    protected int act(KubeConnection conn, LastDeployed.Ref ref) {
        KubeKind k = KubeKind.parse(ref.kind(), "kind");
        KubeApi.run(conn, () -> conn.client().resources(k.type()).inNamespace(ref.namespace()).withName(ref.name()).delete());
        out.println(ref.kind() + "/" + ref.name() + " in " + ref.namespace() + ": deleted");
        return 0;
    }
}
