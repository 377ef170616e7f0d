package dev.redline.operator.realcluster;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The operator as the Helm chart deploys it, but as a local process: the chart's CRDs and everything
 * it renders (ServiceAccount, RBAC, Services) are applied to the real apiserver; its Deployment's env
 * becomes the process's env, and the process authenticates with a TokenRequest token of the chart's
 * ServiceAccount, so every API call the operator makes is checked against the chart's own RBAC.
 * The packaged operator ({@code target/quarkus-app/quarkus-run.jar}) runs in Quarkus' prod profile.
 */
public final class OperatorDeployment implements AutoCloseable {
    public static final String RELEASE = "redline";
    public static final String RELEASE_NAMESPACE = "redline-system";

    private final ControlPlane controlPlane;
    private final Path jar;
    private final Path dir;
    private final Map<String, String> chartEnv;
    private final String serviceAccount;
    private ManagedProcess process;
    private int starts;

    private OperatorDeployment(ControlPlane controlPlane, Path jar, Path dir, Map<String, String> chartEnv, String serviceAccount) {
        this.controlPlane = controlPlane;
        this.jar = jar;
        this.dir = dir;
        this.chartEnv = chartEnv;
        this.serviceAccount = serviceAccount;
    }

    /** Applies the chart's CRDs and rendered objects (but no Deployment) with {@code values} set on the template. */
    public static OperatorDeployment install(ControlPlane cp, Path repoRoot, Path jar, Path dir, UnaryOperator<TemplateCommand> values)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the operator is packaged before the integration tests"
                    + " (./mvnw -pl operator -am verify)");
        }
        KubernetesClient admin = cp.admin();
        Path chart = repoRoot.resolve("charts/redline");
        try (Stream<Path> files = Files.list(chart.resolve("crds"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    CustomResourceDefinition crd = admin.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
                    admin.resource(crd).createOr(NonDeletingOperation::update);
                    admin.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                            .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
                                    .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        }
        String rendered = values.apply(new Helm(chart).template().withName(RELEASE).withNamespace(RELEASE_NAMESPACE)).call();
        Map<String, String> env = new LinkedHashMap<>();
        String sa = null;
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : rendered.split("(?m)^---\\s*$")) {
            if (doc.isBlank() || !doc.contains("kind:")) continue;
            HasMetadata h = admin.getKubernetesSerialization().unmarshal(doc);
            if (h instanceof Deployment d) {
                var pod = d.getSpec().getTemplate().getSpec();
                sa = pod.getServiceAccountName();
                for (EnvVar v : pod.getContainers().get(0).getEnv()) {
                    if (v.getValueFrom() != null) throw new IllegalStateException("chart env " + v.getName() + " uses valueFrom; teach OperatorDeployment");
                    env.put(v.getName(), v.getValue());
                }
            } else {
                objects.add(h);
            }
        }
        for (HasMetadata h : objects) {
            String ns = h.getMetadata().getNamespace();
            if (ns != null) admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .createOr(NonDeletingOperation::update);
            admin.resource(h).createOr(NonDeletingOperation::update);
        }
        if (sa == null) throw new IllegalStateException("the chart rendered no operator Deployment");
        return new OperatorDeployment(cp, jar, dir, env, sa);
    }

    /** Starts the operator process (again) and waits until it reports ready (its informers have synced). */
    public void start() throws IOException {
        if (process != null && process.alive()) throw new IllegalStateException("the operator is already running");
        int port = FreePorts.next();
        String token = controlPlane.admin().serviceAccounts().inNamespace(RELEASE_NAMESPACE).withName(serviceAccount)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(7200L).endSpec().build())
                .getStatus().getToken();
        Map<String, String> env = new LinkedHashMap<>(ManagedProcess.baseEnv());
        env.putAll(chartEnv);
        env.put("HOME", dir.toString());                     // no ~/.kube/config of this machine
        env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
        env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", controlPlane.url());
        env.put("QUARKUS_KUBERNETES_CLIENT_CA_CERT_FILE", controlPlane.caFile().toString());
        env.put("QUARKUS_KUBERNETES_CLIENT_TOKEN", token);
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Files.createDirectories(dir);
        starts++;
        process = ManagedProcess.start("operator", List.of(Images.javaBinary(), "-XX:+UseSerialGC", "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()), env, dir, dir.resolve("operator-" + starts + ".log"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ControlPlane.awaitUntil("the operator's /q/health/ready", Duration.ofSeconds(120), process, () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** SIGKILL: the operator pod is evicted or its node dies, with no chance to clean up. */
    public void kill() {
        process.kill();
    }

    public ManagedProcess process() { return process; }

    public String serviceAccount() { return serviceAccount; }

    @Override
    public void close() {
        if (process != null) process.close();
    }
}
