package dev.redline.runner.kube;

import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Submitting a resource, and the one-line errors a cluster answers with. */
final class KubeSubmit {
    private KubeSubmit() { }

    /**
     * Creates the resource; with {@code files} (the ConfigMap of its local files) that first, so the runner pods find it
     * mounted from the start, then made the resource's dependent (deleting the resource deletes it). A resource the
     * cluster refuses takes the ConfigMap back with it.
     */
    static LastDeployed.Ref create(KubeConnection conn, HasMetadata resource, ConfigMap files) {
        String kind = resource.getKind();
        String name = resource.getMetadata().getName();
        if (files != null) createFiles(conn, files, name);
        HasMetadata created;
        try {
            created = conn.client().resource(resource).inNamespace(conn.namespace()).create();
        } catch (KubernetesClientException e) {
            if (files != null) deleteQuietly(conn, files);
            throw refused(conn, e, kind, name);
        } catch (RuntimeException e) {
            if (files != null) deleteQuietly(conn, files);
            throw e;
        }
        if (files != null) {
            try {
                conn.client().configMaps().inNamespace(conn.namespace()).withName(files.getMetadata().getName()).edit(cm -> {
                    LocalFiles.ownBy(cm, created);
                    return cm;
                });
            } catch (KubernetesClientException e) {
                System.err.println("warning: ConfigMap " + files.getMetadata().getName() + ": could not make it " + kind + " " + name
                        + "'s dependent (" + reason(e) + "); delete it with the " + kind.toLowerCase() + " (kubectl delete configmap "
                        + files.getMetadata().getName() + " -n " + conn.namespace() + ")");
            }
        }
        return new LastDeployed.Ref(kind, conn.namespace(), name);
    }

    private static void createFiles(KubeConnection conn, ConfigMap files, String name) {
        String cm = files.getMetadata().getName();
        files.getMetadata().setNamespace(conn.namespace());
        try {
            conn.client().configMaps().inNamespace(conn.namespace()).resource(files).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new BadInputException("--name " + name + ": a ConfigMap " + cm + " (the local files of a resource of that name) exists in namespace "
                        + conn.namespace() + "; give another --name or remove it (kubectl delete configmap " + cm + " -n " + conn.namespace() + ")");
            }
            if (e.getCode() == 422 || e.getCode() == 400) {
                throw new BadInputException("ConfigMap " + cm + " (the local files): rejected by the cluster: " + reason(e)
                        + "; put the files into the runner image or a volume and pass --no-upload-files");
            }
            throw KubeApi.translate(conn, e);
        }
    }

    private static void deleteQuietly(KubeConnection conn, ConfigMap files) {
        try {
            conn.client().configMaps().inNamespace(conn.namespace()).withName(files.getMetadata().getName()).delete();
        } catch (KubernetesClientException ignored) {
            // best effort: the error that matters is the resource's
        }
    }

    private static RuntimeException refused(KubeConnection conn, KubernetesClientException e, String kind, String name) {
        if (e.getCode() == 409) {
            return new BadInputException("--name " + name + ": a " + kind + " of that name exists in namespace " + conn.namespace()
                    + "; give another --name or remove it (redline kube delete " + name + " -n " + conn.namespace() + ")");
        }
        if (e.getCode() == 404) {
            return new BadInputException(kind + ": the cluster has no " + kind.toLowerCase() + "s.redline.dev resource type (or no namespace "
                    + conn.namespace() + "); install the operator with its CRDs (helm install redline charts/redline), check with redline kube preflight");
        }
        if (e.getCode() == 422 || e.getCode() == 400) {
            return new BadInputException(kind + " " + name + ": rejected by the cluster: " + reason(e));
        }
        return KubeApi.translate(conn, e);
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
