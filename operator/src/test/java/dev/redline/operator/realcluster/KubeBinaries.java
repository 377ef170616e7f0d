package dev.redline.operator.realcluster;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where etcd, kube-apiserver and kube-controller-manager are: the directory .ci/kube-binaries.sh built
 * them into (outside the repo, once per machine), passed by the build as {@code redline.kube.bin}.
 */
public record KubeBinaries(Path etcd, Path apiserver, Path controllerManager) {
    public static KubeBinaries located() {
        String dir = System.getProperty("redline.kube.bin");
        if (dir == null) {
            throw new IllegalStateException("system property redline.kube.bin is not set; run the tests through Maven"
                    + " (operator/pom.xml runs .ci/kube-binaries.sh first) or pass -Dredline.kube.bin=$(.ci/kube-binaries.sh)");
        }
        Path bin = Path.of(dir);
        KubeBinaries b = new KubeBinaries(bin.resolve("etcd"), bin.resolve("kube-apiserver"), bin.resolve("kube-controller-manager"));
        for (Path p : new Path[] {b.etcd, b.apiserver, b.controllerManager}) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing; build it with .ci/kube-binaries.sh (needs Go and the Go module proxy)");
            }
        }
        return b;
    }
}
