package dev.redline.operator.realcluster;

import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A whole cluster for one test class: a real control plane ({@link ControlPlane}), one fake node running
 * pods as local processes ({@link FakeKubelet}, with the runner image mapped to runner/target/redline.jar),
 * the operator installed from the Helm chart and running under its ServiceAccount
 * ({@link OperatorDeployment}), and the mock LLM server on loopback ({@link MockLlm}). Register it as
 * {@code @RegisterExtension static final RealCluster CLUSTER = RealCluster.forOperator();}; it starts
 * before the first test and stops everything after the last. The Benchmarks' namespace is
 * {@link #namespace()}. Kinds other than Benchmark (Sweep, Search) need nothing more than their CRD in
 * charts/redline/crds/ and their RBAC in the chart.
 *
 * <p>Needs the binaries from .ci/kube-binaries.sh ({@code redline.kube.bin}), the runner jar
 * ({@code redline.runner.jar}) and the packaged operator ({@code redline.operator.jar}); failsafe passes all three.
 */
public final class RealCluster implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    public static final String RUNNER_IMAGE = "registry.test/redline-runner:e2e";
    private static final String NAMESPACE = "bench";

    private final UnaryOperator<TemplateCommand> chartValues;
    private ControlPlane controlPlane;
    private FakeKubelet kubelet;
    private Images images;
    private OperatorDeployment operator;
    private MockLlm mock;
    private Kubectl kubectl;
    private Path dir;
    private Path runnerJar;

    private RealCluster(UnaryOperator<TemplateCommand> chartValues) {
        this.chartValues = chartValues;
    }

    /** The chart in namespaced mode, watching {@link #namespace()}. */
    public static RealCluster forOperator() {
        return new RealCluster(t -> t);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Path.of(System.getProperty("redline.realcluster.dir", "target/realcluster"))
                .resolve(context.getRequiredTestClass().getSimpleName()).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        runnerJar = Path.of(required("redline.runner.jar", "the runner jar (runner/target/redline.jar)"));
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException(runnerJar + " is missing; it is built by the runner module's package phase"
                    + " (./mvnw -pl operator -am verify builds it first)");
        }
        controlPlane = ControlPlane.start(dir.resolve("control-plane"));
        kubectl = new Kubectl(controlPlane.kubeconfig());
        client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
                .createOr(NonDeletingOperation::update);
        images = new Images().add(RUNNER_IMAGE, Images.redline(runnerJar));
        kubelet = FakeKubelet.start(controlPlane, images, dir.resolve("pods"));
        mock = MockLlm.start(runnerJar, dir, "--ttft-ms", "5", "--itl-ms", "1");
        operator = OperatorDeployment.install(controlPlane, repoRoot(),
                Path.of(required("redline.operator.jar", "the packaged operator (target/quarkus-app/quarkus-run.jar)")),
                dir.resolve("operator"),
                t -> chartValues.apply(t.set("watch.namespaces[0]", NAMESPACE).set("runner.image", RUNNER_IMAGE)));
        operator.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) System.err.println(diagnostics());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (AutoCloseable c : new AutoCloseable[] {operator, kubelet, mock, controlPlane}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                System.err.println("closing " + c + ": " + e);
            }
        }
    }

    /** Makes {@code image} pullable as another tag of the runner image (until then its pods wait in ImagePullBackOff). */
    public void pushRunnerImage(String image) {
        images.add(image, Images.redline(runnerJar));
    }

    public KubernetesClient client() { return controlPlane.admin(); }
    public ControlPlane controlPlane() { return controlPlane; }
    public FakeKubelet kubelet() { return kubelet; }
    public Images images() { return images; }
    public OperatorDeployment operator() { return operator; }
    public MockLlm mock() { return mock; }
    public Kubectl kubectl() { return kubectl; }
    public String namespace() { return NAMESPACE; }
    public Path dir() { return dir; }

    /** Polls {@code condition} every 500 ms; on timeout fails with {@code what} and the cluster's diagnostics. */
    public void await(String what, Duration timeout, Callable<Boolean> condition) {
        Instant end = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(end)) {
            try {
                if (Boolean.TRUE.equals(condition.call())) return;
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            ControlPlane.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                + (last == null ? "" : " (last error: " + last + ")"));
    }

    /** Events, pods and process logs: printed when a test fails. */
    public String diagnostics() {
        StringBuilder out = new StringBuilder("---- cluster diagnostics (" + dir + ") ----\n");
        try {
            out.append(kubectl.run("get", "bm,jobs,pods,cm", "-n", NAMESPACE, "-o", "wide").stdout());
            for (Event e : client().v1().events().inNamespace(NAMESPACE).list().getItems()) {
                out.append("event ").append(e.getInvolvedObject().getKind()).append('/').append(e.getInvolvedObject().getName())
                        .append(' ').append(e.getReason()).append(": ").append(e.getMessage()).append('\n');
            }
        } catch (RuntimeException e) {
            out.append("(cannot list: ").append(e.getMessage()).append(")\n");
        }
        out.append("operator log:\n").append(operator == null || operator.process() == null ? "" : operator.process().tail(40)).append('\n');
        try (Stream<Path> logs = Files.walk(dir.resolve("pods"))) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                out.append("pod log ").append(dir.relativize(log)).append(":\n").append(tail(log, 15)).append('\n');
            }
        } catch (IOException e) {
            out.append("(no pod logs)\n");
        }
        return out.toString();
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize();
    }

    private static String tail(Path file, int lines) throws IOException {
        var all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String required(String property, String what) {
        String v = System.getProperty(property);
        if (v == null) throw new IllegalStateException("system property " + property + " (" + what + ") is not set; run through Maven failsafe");
        return v;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> all = Files.walk(p)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
