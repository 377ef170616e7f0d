package dev.redline.runner.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Follows a Benchmark, Sweep or Search until it ends: one line whenever phase or progress changes.
 * Polls rather than watches, so a dropped watch or an apiserver restart costs nothing but one poll.
 */
public final class ResourceFollower {
    private static final Duration POLL = Duration.ofSeconds(1);

    private ResourceFollower() { }

    /**
     * Prints {@code <Kind>/<name>: <phase> <progress>} on each change and returns the terminal phase; on Failed (or
     * Invalid) the failing condition's message is printed too. {@link KubeResources.NotFound} when the resource is
     * gone (deleted while followed).
     */
    public static String follow(KubeConnection conn, LastDeployed.Ref ref, PrintStream out) {
        String last = null;
        while (true) {
            HasMetadata r = KubeResources.get(conn, ref);
            if (r == null) throw new KubeResources.NotFound(ref.kind() + " " + ref.name() + " in namespace " + ref.namespace() + " no longer exists");
            String phase = KubeResources.phase(r);
            String progress = KubeResources.progress(r);
            String line = ref.kind() + "/" + ref.name() + ": " + phase + (progress.isEmpty() ? "" : " " + progress);
            if (!line.equals(last)) {
                out.println(line);
                last = line;
            }
            if (KubeKind.terminal(phase)) {
                String why = KubeResources.message(r);
                if (!succeeded(phase) && !why.isEmpty()) out.println(ref.kind() + "/" + ref.name() + " " + phase.toLowerCase(java.util.Locale.ROOT) + ": " + why);
                return phase;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return phase;
            }
        }
    }

    /** Complete (or AIPerf's Succeeded): exit 0; every other terminal phase: 1. */
    public static boolean succeeded(String phase) {
        return "Complete".equals(phase) || "Succeeded".equals(phase);
    }
}
