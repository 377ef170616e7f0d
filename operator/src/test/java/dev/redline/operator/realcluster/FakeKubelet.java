package dev.redline.operator.realcluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A kubelet (and the scheduler) for one fake node, running each pod's container as a local process.
 * It watches pods, binds the ones that fit the node ({@link FakeScheduler}), prepares their volumes, env
 * and ServiceAccount token ({@link PodSandbox}), starts the process, and writes the pod status a kubelet
 * would: Pending with a waiting reason (ErrImagePull/ImagePullBackOff for an image {@link Images} cannot
 * run, CreateContainerConfigError for a missing Secret), Running and Ready, then Succeeded or Failed with
 * the exit code. A deleted pod's process gets SIGTERM, SIGKILL after the grace period, and the pod is
 * then removed, as on a node. All work runs on one thread, in event order; API errors are retried.
 */
public final class FakeKubelet implements AutoCloseable {
    public static final String NODE_NAME = "redline-node-0";
    public static final String NODE_IP = "127.0.0.1";
    private static final Logger LOG = Logger.getLogger(FakeKubelet.class);

    private final KubernetesClient client;
    private final ControlPlane controlPlane;
    private final Images images;
    private final Path podsDir;
    private final PodNetwork network;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-kubelet");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, PodProcess> processes = new ConcurrentHashMap<>();
    private final Map<String, String> pullErrors = new ConcurrentHashMap<>();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private FakeScheduler scheduler;
    private SharedIndexInformer<Pod> informer;

    /** One started container. */
    private static final class PodProcess {
        final String uid;
        final ManagedProcess process;
        final Instant started;
        volatile boolean terminating;
        volatile boolean reported;

        PodProcess(String uid, ManagedProcess process, Instant started) {
            this.uid = uid;
            this.process = process;
            this.started = started;
        }
    }

    private FakeKubelet(ControlPlane controlPlane, Images images, Path podsDir) {
        this.client = controlPlane.admin();
        this.controlPlane = controlPlane;
        this.images = images;
        this.podsDir = podsDir;
        this.network = new PodNetwork(client);
    }

    /** Registers the node and starts watching pods in every namespace. */
    public static FakeKubelet start(ControlPlane controlPlane, Images images, Path podsDir) {
        FakeKubelet k = new FakeKubelet(controlPlane, images, podsDir);
        k.scheduler = new FakeScheduler(k.client, k.registerNode());
        k.informer = k.client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override public void onAdd(Pod pod) { k.enqueue(key(pod), Duration.ZERO); }
            @Override public void onUpdate(Pod old, Pod pod) { k.enqueue(key(pod), Duration.ZERO); }
            @Override public void onDelete(Pod pod, boolean unknown) { k.enqueue(key(pod), Duration.ZERO); }
        });
        return k;
    }

    private Node registerNode() {
        Node node = new NodeBuilder().withNewMetadata().withName(NODE_NAME)
                .withLabels(Map.of("kubernetes.io/hostname", NODE_NAME, "kubernetes.io/os", "linux", "kubernetes.io/arch", "amd64"))
                .endMetadata().build();
        client.nodes().resource(node).createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
        client.nodes().withName(NODE_NAME).editStatus(n -> {
            n.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder()
                    .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                    .withMessage("fake kubelet is posting ready status").withLastHeartbeatTime(PodStatuses.ts(Instant.now()))
                    .withLastTransitionTime(PodStatuses.ts(Instant.now())).endCondition()
                    .addNewAddress().withType("InternalIP").withAddress(NODE_IP).endAddress()
                    .withCapacity(Map.of("cpu", new Quantity("64"), "memory", new Quantity("256Gi"), "pods", new Quantity("110")))
                    .withAllocatable(Map.of("cpu", new Quantity("64"), "memory", new Quantity("256Gi"), "pods", new Quantity("110")))
                    .build());
            return n;
        });
        // the apiserver taints a new node not-ready; the node lifecycle controller (not run here) lifts it once Ready
        client.nodes().withName(NODE_NAME).edit(n -> {
            if (n.getSpec().getTaints() != null) n.getSpec().getTaints().removeIf(t -> t.getKey().startsWith("node.kubernetes.io/"));
            return n;
        });
        return client.nodes().withName(NODE_NAME).get();
    }

    /** The local process running a pod's container, while the pod exists. */
    public Optional<ManagedProcess> process(String namespace, String pod) {
        return Optional.ofNullable(processes.get(namespace + "/" + pod)).map(p -> p.process);
    }

    /** SIGKILL a pod's container, as the OOM killer or a crashed runtime would; the pod then fails with 137. */
    public void kill(String namespace, String pod) {
        PodProcess p = processes.get(namespace + "/" + pod);
        if (p == null) throw new IllegalStateException("no process runs pod " + namespace + "/" + pod);
        p.process.kill();
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private void enqueue(String key, Duration delay) {
        if (worker.isShutdown()) return;
        worker.schedule(() -> sync(key), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sync(String key) {
        try {
            reconcile(key);
        } catch (KubernetesClientException e) {
            LOG.debugf("pod %s: API call failed (%s), retrying", key, e.getMessage());
            enqueue(key, Duration.ofSeconds(1));
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "pod %s: sync failed, retrying", key);
            enqueue(key, Duration.ofSeconds(2));
        }
    }

    private void reconcile(String key) throws IOException {
        String[] nsName = key.split("/", 2);
        Pod pod = client.pods().inNamespace(nsName[0]).withName(nsName[1]).get();
        PodProcess running = processes.get(key);
        if (running != null && (pod == null || !running.uid.equals(pod.getMetadata().getUid()))) {
            running.process.kill();  // the pod was removed behind our back (force delete)
            processes.remove(key);
            running = null;
        }
        if (pod == null) return;
        if (pod.getSpec().getNodeName() == null) {
            if (pod.getMetadata().getDeletionTimestamp() == null) scheduler.schedule(pod);
            return;
        }
        if (!NODE_NAME.equals(pod.getSpec().getNodeName())) return;
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            terminate(key, pod, running);
            return;
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) return;
        if (running == null) {
            start(key, pod);
        } else if (!running.process.alive() && !running.reported) {
            report(pod, running);
        }
    }

    private void start(String key, Pod pod) throws IOException {
        String image = pod.getSpec().getContainers().get(0).getImage();
        var entrypoint = images.lookup(image);
        if (entrypoint.isEmpty()) {
            pullFailed(key, pod, image);
            return;
        }
        pullErrors.remove(pod.getMetadata().getUid());
        PodSandbox.Launch launch;
        try {
            launch = new PodSandbox(client, controlPlane, network, pod, podsDir).prepare(entrypoint.get());
        } catch (PodConfigException e) {
            writeStatus(pod, PodStatuses.waiting(pod, "CreateContainerConfigError", e.getMessage()));
            enqueue(key, Duration.ofSeconds(2));
            return;
        }
        ManagedProcess process = ManagedProcess.start(key, launch.command(), launch.env(), launch.root(), launch.log());
        PodProcess p = new PodProcess(pod.getMetadata().getUid(), process, Instant.now());
        processes.put(key, p);
        process.process().onExit().thenRun(() -> enqueue(key, Duration.ZERO));
        LOG.infof("pod %s: started pid %d: %s", key, process.pid(), String.join(" ", launch.command()));
        writeStatus(pod, PodStatuses.running(pod, p.started));
    }

    /** ErrImagePull first, then ImagePullBackOff; looked at again every few seconds (the image may be added). */
    private void pullFailed(String key, Pod pod, String image) {
        String uid = pod.getMetadata().getUid();
        String reason = pullErrors.containsKey(uid) ? "ImagePullBackOff" : "ErrImagePull";
        if (!reason.equals(pullErrors.get(uid))) {
            String message = reason.equals("ErrImagePull")
                    ? "failed to pull and unpack image \"" + image + "\": failed to resolve reference \"" + image + "\": not found"
                    : "Back-off pulling image \"" + image + "\"";
            writeStatus(pod, PodStatuses.waiting(pod, reason, message));
            pullErrors.put(uid, reason);
        }
        enqueue(key, Duration.ofSeconds(reason.equals("ErrImagePull") ? 2 : 5));
    }

    private void terminate(String key, Pod pod, PodProcess running) {
        if (running != null && running.process.alive()) {
            if (!running.terminating) {
                running.terminating = true;
                long grace = pod.getMetadata().getDeletionGracePeriodSeconds() != null ? pod.getMetadata().getDeletionGracePeriodSeconds()
                        : pod.getSpec().getTerminationGracePeriodSeconds() != null ? pod.getSpec().getTerminationGracePeriodSeconds() : 30;
                LOG.infof("pod %s: deleted, SIGTERM to pid %d (grace %d s)", key, running.process.pid(), grace);
                running.process.process().destroy();
                worker.schedule(() -> {
                    if (running.process.alive()) running.process.process().destroyForcibly();
                }, grace, TimeUnit.SECONDS);
            }
            return; // the exit comes back here through onExit
        }
        if (running != null && !running.reported) report(pod, running);
        if (removed.add(pod.getMetadata().getUid())) {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).withGracePeriod(0).delete();
        }
        processes.remove(key);
    }

    private void report(Pod pod, PodProcess p) {
        int code = p.process.process().exitValue();
        LOG.infof("pod %s/%s: container exited %d", pod.getMetadata().getNamespace(), pod.getMetadata().getName(), code);
        writeStatus(pod, PodStatuses.terminated(pod, p.started, code));
        p.reported = true;
    }

    private void writeStatus(Pod pod, PodStatus status) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).editStatus(p -> {
            p.setStatus(status);
            return p;
        });
    }

    @Override
    public void close() {
        if (informer != null) informer.close();
        worker.shutdownNow();
        processes.values().forEach(p -> p.process.kill());
        processes.clear();
    }
}
