package dev.redline.runner.kube;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import io.fabric8.kubernetes.api.model.Condition;
import dev.redline.runner.cli.RedlineCli;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kube debug on pods in each kind of trouble, against Fabric8's mock apiserver in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubeDebugTest {
    static KubernetesClient client;

    private static Pod pod(String ns, String name, String benchmark, PodBuilder status) {
        Pod p = status.editOrNewMetadata().withNamespace(ns).withName(name)
                .withLabels(Map.of(RunnerPods.BENCHMARK_LABEL, benchmark, RunnerPods.COMPONENT_LABEL, "runner")).endMetadata().build();
        return client.resource(p).create();
    }

    private static Benchmark failedBenchmark(String ns, String name) {
        Benchmark b = new Benchmark();
        b.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        BenchmarkStatus st = new BenchmarkStatus();
        st.setPhase(BenchmarkPhase.Failed);
        Condition failed = new Condition();
        failed.setType("Failed");
        failed.setStatus("True");
        failed.setReason("RunnerFailed");
        failed.setMessage("runner 0 exited 1");
        st.setConditions(List.of(failed));
        b.setStatus(st);
        return client.resource(b).create();
    }

    private static String debug(String ns, String name, boolean verbose) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            KubeDebugCommand cmd = new KubeDebugCommand(); // its output stream is taken at construction
            cmd.verbose = verbose;
            assertEquals(0, cmd.act(new KubeConnection(client, ns), new LastDeployed.Ref("Benchmark", ns, name)));
        } finally {
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachPodInTroubleIsAProblemWithItsFixAndTheFailedConditionIsOne() {
        String ns = "dbg";
        failedBenchmark(ns, "bm");
        pod(ns, "bm-1-0", "bm", new PodBuilder().withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled")
                .withStatus("False").withReason("Unschedulable").withMessage("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.")
                .endCondition().endStatus());
        pod(ns, "bm-1-1", "bm", new PodBuilder().withNewStatus().withPhase("Pending").withContainerStatuses(new ContainerStatusBuilder()
                .withName("runner").withReady(false).withRestartCount(0).withNewState().withNewWaiting().withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"registry.example/redline:nope\"").endWaiting().endState().build()).endStatus());
        pod(ns, "bm-1-2", "bm", new PodBuilder().withNewStatus().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder()
                .withName("runner").withReady(false).withRestartCount(3).withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting()
                .endState().withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated().endLastState().build())
                .endStatus());
        pod(ns, "bm-1-3", "bm", new PodBuilder().withNewStatus().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder()
                .withName("runner").withReady(true).withRestartCount(0).withNewState().withNewRunning().endRunning().endState().build()).endStatus());
        pod(ns, "other-1-0", "other", new PodBuilder().withNewStatus().withPhase("Pending").withContainerStatuses(new ContainerStatusBuilder()
                .withName("runner").withNewState().withNewWaiting().withReason("ErrImagePull").endWaiting().endState().build()).endStatus());
        client.resource(new EventBuilder().withNewMetadata().withNamespace(ns).withName("e1").endMetadata().withType("Warning")
                .withReason("FailedScheduling").withMessage("0/3 nodes are available").withCount(4).withLastTimestamp("2026-12-08T01:00:00Z")
                .withNewInvolvedObject().withKind("Pod").withName("bm-1-0").endInvolvedObject().build()).create();
        client.resource(new EventBuilder().withNewMetadata().withNamespace(ns).withName("e2").endMetadata().withType("Normal")
                .withReason("Scheduled").withMessage("assigned bm-1-3 to gpu-1").withLastTimestamp("2026-12-08T00:59:00Z")
                .withNewInvolvedObject().withKind("Pod").withName("bm-1-3").endInvolvedObject().build()).create();
        client.resource(new EventBuilder().withNewMetadata().withNamespace(ns).withName("e3").endMetadata().withType("Warning")
                .withReason("Failed").withMessage("not ours").withNewInvolvedObject().withKind("Pod").withName("other-1-0").endInvolvedObject().build()).create();
        client.resource(new NodeBuilder().withNewMetadata().withName("gpu-1").endMetadata().withNewStatus()
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .withAllocatable(Map.of("cpu", new Quantity("16"), "memory", new Quantity("64Gi"), "nvidia.com/gpu", new Quantity("8"))).endStatus().build()).create();

        String report = debug(ns, "bm", false);
        assertTrue(report.contains("Benchmark bm: phase Failed — Failed=True RunnerFailed: runner 0 exited 1"), report);
        assertTrue(report.contains("runner pods (4):"), "only bm's runner pods: " + report);
        assertTrue(report.contains("problems (4):"), report);
        assertTrue(report.contains("! pod bm-1-0: not scheduled (Unschedulable): 0/3 nodes are available: 3 Insufficient nvidia.com/gpu. -> no node fits"), report);
        assertTrue(report.contains("! pod bm-1-1 container runner: ImagePullBackOff: Back-off pulling image \"registry.example/redline:nope\" -> check the image"), report);
        assertTrue(report.contains("! pod bm-1-2 container runner: OOMKilled (restarts 3) -> the runner needs more memory"), report);
        assertTrue(report.contains("! Benchmark bm: Failed: RunnerFailed: runner 0 exited 1"), report);
        assertFalse(report.contains("bm-1-3:") || report.contains("other-1-0"), "a healthy pod and another benchmark's pod are not problems: " + report);
        assertTrue(report.contains("warning events (1, newest first):") && report.contains("FailedScheduling") && report.contains("(x4)"), report);
        assertFalse(report.contains("Scheduled  "), "normal events only with -v: " + report);
        assertTrue(report.matches("(?s).*gpu-1\\s+Ready\\s+cpu 16\\s+memory 64Gi\\s+gpu 8.*"), report);

        KubeDebugCommand onBenchmark = new KubeDebugCommand();
        onBenchmark.variation = 0;
        dev.redline.runner.BadInputException notASweep = org.junit.jupiter.api.Assertions.assertThrows(dev.redline.runner.BadInputException.class,
                () -> onBenchmark.act(new KubeConnection(client, ns), new LastDeployed.Ref("Benchmark", ns, "bm")));
        assertEquals("--variation selects a child of a Sweep or Search; bm is a Benchmark", notASweep.getMessage());

        String verbose = debug(ns, "bm", true);
        assertTrue(verbose.contains("events (2, newest first):") && verbose.indexOf("FailedScheduling") < verbose.indexOf("Scheduled "), verbose);
        assertTrue(verbose.contains("log of bm-1-0") && verbose.contains("log of bm-1-2") && !verbose.contains("log of bm-1-3"), verbose);
    }

    @Test
    void badSelectorsAndAiperfsShutdownAndDashboardAreOneLineAndExitTwo() {
        for (String[] args : List.of(new String[]{"kube", "debug", "x", "-t", "1"}, new String[]{"kube", "debug", "x", "--job-id", "y"},
                new String[]{"kube", "debug", "x", "--variation", "-1"}, new String[]{"kube", "shutdown", "abc123", "--namespace", "aiperf-bench"},
                new String[]{"kube", "dashboard"})) {
            StringWriter err = new StringWriter();
            CommandLine cl = RedlineCli.commandLine();
            cl.setErr(new PrintWriter(err, true));
            cl.setOut(new PrintWriter(new StringWriter(), true));
            assertEquals(2, cl.execute(args), String.join(" ", args) + ": " + err);
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            if (args[1].equals("shutdown") || args[1].equals("dashboard")) {
                assertTrue(err.toString().contains("kube " + args[1] + ": Redline has no"), "AIPerf's subcommand is refused with the reason: " + err);
            }
        }
    }
}
