package dev.redline.runner.kube;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * A {@code redline kube} command that acts on one named resource: NAME (default: the last one submitted from this
 * machine) and {@code --kind} when the name is taken by more than one kind.
 */
abstract class KubeRefCommand implements Callable<Integer> {
    @Mixin KubeTarget target;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "The Benchmark, Sweep or Search (default: the last one submitted from this machine).")
    String name;

    // a String, parsed in call(): picocli would wrap a converter's message in its own words
    @Option(names = "--kind", paramLabel = "KIND",
            description = "benchmark, sweep or search: needed only when NAME is taken by more than one kind.")
    String kind;

    protected final PrintStream out = System.out;

    /** Whether a NAME that does not exist exits 0 ({@code --ignore-not-found}). */
    protected boolean ignoreNotFound() { return false; }

    protected abstract int act(KubeConnection conn, LastDeployed.Ref ref);

    @Override
    public Integer call() {
        KubeKind k = kind == null ? null : KubeKind.parse(kind, "--kind");
        try (KubeConnection conn = target.connect()) {
            LastDeployed.Ref ref = KubeResources.resolve(conn, name, k, target.namespaceOption() != null);
            return act(conn, ref);
        } catch (KubeResources.NotFound e) {
            System.err.println("redline: " + e.getMessage());
            return ignoreNotFound() ? 0 : KubeResources.NOT_FOUND;
        } catch (ResultsDownload.NoResults e) {
            System.err.println("redline: " + e.getMessage());
            return 1;
        }
    }
}
