package dev.redline.operator.realcluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A real Kubernetes control plane on loopback: etcd, kube-apiserver (token auth, RBAC, ServiceAccount
 * tokens, its self-signed serving certificate for 127.0.0.1) and kube-controller-manager running the
 * controllers Benchmarks depend on (Job, garbage collector, ServiceAccounts and their tokens, namespace
 * deletion, kube-root-ca.crt). No scheduler and no kubelet: {@link FakeKubelet} plays both. Each
 * instance has its own ports and data directory; {@link #close()} stops everything.
 */
public final class ControlPlane implements AutoCloseable {
    static final String KCM_CONTROLLERS = "job,garbagecollector,serviceaccount,serviceaccount-token,namespace,root-ca-cert-publisher";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final KubeBinaries binaries;
    private final Path dir;
    private final int etcdPort = FreePorts.next();
    private final int etcdPeerPort = FreePorts.next();
    private final int apiPort = FreePorts.next();
    private final String adminToken = UUID.randomUUID().toString();
    private ServiceAccountKeys keys;
    private ManagedProcess etcd;
    private ManagedProcess apiserver;
    private ManagedProcess controllerManager;
    private KubernetesClient admin;

    private ControlPlane(KubeBinaries binaries, Path dir) {
        this.binaries = binaries;
        this.dir = dir;
    }

    /** Starts the three processes under {@code dir} (data, certificates, logs) and waits until they serve. */
    public static ControlPlane start(Path dir) throws IOException {
        ControlPlane cp = new ControlPlane(KubeBinaries.located(), dir);
        try {
            cp.boot();
            return cp;
        } catch (IOException | RuntimeException e) {
            cp.close();
            throw e;
        }
    }

    private void boot() throws IOException {
        Files.createDirectories(dir.resolve("certs"));
        keys = ServiceAccountKeys.create(dir);
        Files.writeString(dir.resolve("tokens.csv"), adminToken + ",redline-test-admin,redline-test-admin,system:masters\n");
        etcd = ManagedProcess.start("etcd", List.of(binaries.etcd().toString(),
                "--data-dir", dir.resolve("etcd").toString(),
                "--listen-client-urls", "http://127.0.0.1:" + etcdPort,
                "--advertise-client-urls", "http://127.0.0.1:" + etcdPort,
                "--listen-peer-urls", "http://127.0.0.1:" + etcdPeerPort,
                "--initial-advertise-peer-urls", "http://127.0.0.1:" + etcdPeerPort,
                "--initial-cluster", "default=http://127.0.0.1:" + etcdPeerPort,
                "--unsafe-no-fsync", "--log-level", "warn"), ManagedProcess.baseEnv(), dir, dir.resolve("logs/etcd.log"));
        startApiserver();
        writeKubeconfig();
        controllerManager = ManagedProcess.start("kube-controller-manager", List.of(binaries.controllerManager().toString(),
                "--kubeconfig", kubeconfig().toString(),
                "--controllers", KCM_CONTROLLERS,
                "--service-account-private-key-file", keys.privateKey().toString(),
                "--root-ca-file", caFile().toString(),
                "--leader-elect=false", "--secure-port=0", "--use-service-account-credentials=false",
                "--concurrent-job-syncs=2", "--v=1"), ManagedProcess.baseEnv(), dir, dir.resolve("logs/kube-controller-manager.log"));
        admin = new KubernetesClientBuilder().withConfig(config(adminToken)).build();
        // the ServiceAccount controller at work is the sign that KCM runs
        awaitUntil("kube-controller-manager to create the default ServiceAccount", START_TIMEOUT, controllerManager,
                () -> admin.serviceAccounts().inNamespace("default").withName("default").get() != null);
    }

    /** Starts kube-apiserver (again, after {@link #stopApiserver()}) on the same port and data; waits for /readyz. */
    public void startApiserver() throws IOException {
        apiserver = ManagedProcess.start("kube-apiserver", List.of(binaries.apiserver().toString(),
                "--etcd-servers", "http://127.0.0.1:" + etcdPort,
                "--bind-address", "127.0.0.1", "--advertise-address", "127.0.0.1", "--secure-port", Integer.toString(apiPort),
                "--cert-dir", dir.resolve("certs").toString(),
                "--token-auth-file", dir.resolve("tokens.csv").toString(),
                "--authorization-mode", "RBAC",
                "--service-account-issuer", "https://kubernetes.default.svc",
                "--service-account-key-file", keys.publicKey().toString(),
                "--service-account-signing-key-file", keys.privateKey().toString(),
                "--service-cluster-ip-range", "10.0.0.0/24",
                "--endpoint-reconciler-type", "none",
                "--enable-priority-and-fairness=false", "--profiling=false", "--v=1"),
                ManagedProcess.baseEnv(), dir, dir.resolve("logs/kube-apiserver.log"));
        awaitUntil("kube-apiserver /readyz", START_TIMEOUT, apiserver, this::ready);
    }

    /** Stops kube-apiserver (SIGKILL, as a crash or a partition would); etcd keeps the state. */
    public void stopApiserver() {
        apiserver.kill();
    }

    private boolean ready() {
        if (!Files.isRegularFile(caFile())) return false;
        try {
            HttpClient http = HttpClient.newBuilder().sslContext(trusting(caFile())).connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/readyz"))
                    .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static SSLContext trusting(Path ca) {
        try (InputStream in = Files.newInputStream(ca)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) ks.setCertificateEntry("ca" + i++, cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the apiserver certificate " + ca, e);
        }
    }

    static void awaitUntil(String what, Duration timeout, ManagedProcess process, java.util.function.BooleanSupplier done) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.alive()) {
                throw new IllegalStateException(process.name() + " exited (" + process.process().exitValue() + ") while waiting for "
                        + what + "; its log " + process.log() + " ends:\n" + process.tail(30));
            }
            try {
                if (done.getAsBoolean()) return;
            } catch (RuntimeException ignored) {
                // not yet
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; "
                + process.log() + " ends:\n" + process.tail(30));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void writeKubeconfig() throws IOException {
        Files.writeString(kubeconfig(), """
                apiVersion: v1
                kind: Config
                clusters: [{name: redline-test, cluster: {server: "%s", certificate-authority: "%s"}}]
                users: [{name: admin, user: {token: "%s"}}]
                contexts: [{name: redline-test, context: {cluster: redline-test, user: admin}}]
                current-context: redline-test
                """.formatted(url(), caFile(), adminToken));
    }

    public String url() { return "https://127.0.0.1:" + apiPort; }
    public int port() { return apiPort; }
    /** The apiserver's self-signed serving certificate: the CA every client here trusts. */
    public Path caFile() { return dir.resolve("certs/apiserver.crt"); }
    /** An admin (system:masters) kubeconfig, for kubectl and the controller manager. */
    public Path kubeconfig() { return dir.resolve("kubeconfig"); }
    public Path dir() { return dir; }
    /** Shared admin client; do not close it. */
    public KubernetesClient admin() { return admin; }

    /** Client configuration for a bearer token (a ServiceAccount's, from a TokenRequest). */
    public Config config(String token) {
        return new ConfigBuilder(Config.empty()).withMasterUrl(url()).withCaCertFile(caFile().toString()).withOauthToken(token)
                .withRequestRetryBackoffLimit(3).build();
    }

    @Override
    public void close() {
        if (admin != null) admin.close();
        for (ManagedProcess p : new ManagedProcess[] {controllerManager, apiserver, etcd}) {
            if (p != null) p.close();
        }
    }
}
