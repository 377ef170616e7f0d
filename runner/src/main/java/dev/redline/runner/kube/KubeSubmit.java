package dev.redline.runner.kube;

import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Submitting a resource, and the one-line errors a cluster answers with. */
final class KubeSubmit {
    private KubeSubmit() { }

    static LastDeployed.Ref create(KubeConnection conn, HasMetadata resource) {
        String kind = resource.getKind();
        String name = resource.getMetadata().getName();
        try {
            conn.client().resource(resource).inNamespace(conn.namespace()).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new BadInputException("--name " + name + ": a " + kind + " of that name exists in namespace " + conn.namespace()
                        + "; give another --name or remove it (redline kube delete " + name + " -n " + conn.namespace() + ")");
            }
            if (e.getCode() == 404) {
                throw new BadInputException(kind + ": the cluster has no " + kind.toLowerCase() + "s.redline.dev resource type (or no namespace "
                        + conn.namespace() + "); install the operator with its CRDs (helm install redline charts/redline), check with redline kube preflight");
            }
            if (e.getCode() == 422 || e.getCode() == 400) {
                throw new BadInputException(kind + " " + name + ": rejected by the cluster: " + reason(e));
            }
            throw KubeApi.translate(conn, e);
        }
        return new LastDeployed.Ref(kind, conn.namespace(), name);
    }

    /** Follows the resource to its end, then downloads its results into {@code dir}; exit code 0 when it completed. */
    static int followAndDownload(KubeConnection conn, LastDeployed.Ref ref, Path dir, PrintWriter out) {
        out.flush();
        String phase;
        try {
            phase = ResourceFollower.follow(conn, ref, System.out);
        } catch (KubeResources.NotFound e) {
            System.err.println(e.getMessage());
            return KubeResources.NOT_FOUND;
        }
        // the results of a failed or cancelled run are downloaded too: partial results are never lost
        try {
            ResultsDownload.download(conn, ref, dir, System.out);
        } catch (ResultsDownload.NoResults | KubeResources.NotFound e) {
            System.err.println(e.getMessage());
            return 1;
        }
        return ResourceFollower.succeeded(phase) ? 0 : 1;
    }

    private static String reason(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) return e.getStatus().getMessage();
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
