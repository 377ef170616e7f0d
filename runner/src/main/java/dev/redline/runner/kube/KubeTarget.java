package dev.redline.runner.kube;

import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cluster a {@code redline kube} command talks to: AIPerf's {@code --kubeconfig}, {@code --kube-context} and
 * {@code -n/--namespace}. Without them, Fabric8's usual discovery ($KUBECONFIG, ~/.kube/config, in-cluster).
 */
public class KubeTarget {
    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--kube-context", paramLabel = "NAME", description = "Context of the kubeconfig to use (default: its current context).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the context's namespace, else default).")
    String namespace;

    /** The namespace given, or null (then the context's). */
    public String namespaceOption() { return namespace; }

    /** A client for the chosen cluster and the namespace to work in; one line naming the flag when the kubeconfig is bad. */
    public KubeConnection connect() {
        Config config;
        if (kubeconfig != null) {
            String text;
            try {
                text = Files.readString(kubeconfig, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadInputException("--kubeconfig " + kubeconfig + ": cannot read it (" + e.getMessage() + ")");
            }
            try {
                config = Config.fromKubeconfig(context, text, kubeconfig.toAbsolutePath().toString());
            } catch (RuntimeException e) {
                throw new BadInputException("--kubeconfig " + kubeconfig + ": not a usable kubeconfig"
                        + (context == null ? "" : " with context " + context) + " (" + oneLine(e) + ")");
            }
        } else {
            try {
                config = Config.autoConfigure(context);
            } catch (RuntimeException e) {
                throw new BadInputException("--kube-context " + context + ": " + oneLine(e));
            }
        }
        if (context != null && config.getCurrentContext() != null && !context.equals(config.getCurrentContext().getName())) {
            throw new BadInputException("--kube-context " + context + ": no such context in the kubeconfig");
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new BadInputException("no cluster: give --kubeconfig FILE or set KUBECONFIG");
        }
        // Fabric8 retries a refused connection ten times with growing pauses (~100 s); a CLI says so at once
        config.setRequestRetryBackoffLimit(1);
        String ns = namespace != null ? namespace : config.getNamespace() != null ? config.getNamespace() : "default";
        // Fabric8 warns on stderr at every use of a v1alpha1 kind; Redline's own kinds are v1alpha1 on purpose
        System.setProperty("org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils", "error");
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        return new KubeConnection(client, ns);
    }

    private static String oneLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
