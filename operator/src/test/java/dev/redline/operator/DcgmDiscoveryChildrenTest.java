package dev.redline.operator;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.RunnerEnvironment;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.api.v1alpha1.TelemetrySpec;
import dev.redline.operator.children.RunnerJobFactory;
import dev.redline.operator.children.SelectorString;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the operator hands the runner for in-cluster DCGM discovery: the model server selector and the exporters' namespace. */
class DcgmDiscoveryChildrenTest {
    private static Map<String, String> env(Benchmark bm) {
        return RunnerJobFactory.job(bm, MockCluster.settings()).getSpec().getTemplate().getSpec().getContainers().get(0)
                .getEnv().stream().filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    @Test
    void colocateWithBecomesTheSelectorAndDcgmNamespaceIsPassedThrough() {
        Benchmark bm = MockCluster.benchmark("gpu");
        RunnerSpec runners = new RunnerSpec();
        runners.setColocateWith(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "vllm", "tier", "serve"))
                .addNewMatchExpression().withKey("model").withOperator("In").withValues("qwen", "llama").endMatchExpression()
                .addNewMatchExpression().withKey("canary").withOperator("DoesNotExist").endMatchExpression()
                .build());
        bm.getSpec().setRunners(runners);
        TelemetrySpec t = new TelemetrySpec();
        t.setDcgmNamespace("gpu-operator");
        bm.getSpec().setTelemetry(t);
        Map<String, String> env = env(bm);
        assertEquals("app=vllm,tier=serve,model in (qwen,llama),!canary", env.get(RunnerEnvironment.MODEL_SERVER_SELECTOR));
        assertEquals("gpu-operator", env.get(RunnerEnvironment.DCGM_NAMESPACE));
    }

    @Test
    void withoutColocateWithThereIsNothingToDiscover() {
        Benchmark bm = MockCluster.benchmark("plain");
        TelemetrySpec t = new TelemetrySpec();
        t.setDcgmNamespace("gpu-operator");
        bm.getSpec().setTelemetry(t);
        Map<String, String> env = env(bm);
        assertTrue(!env.containsKey(RunnerEnvironment.MODEL_SERVER_SELECTOR) && !env.containsKey(RunnerEnvironment.DCGM_NAMESPACE), env.toString());
    }

    @Test
    void otherExpressionsRenderAndUnknownOperatorsNameTheField() {
        LabelSelector sel = new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("zone").withOperator("NotIn").withValues("a").endMatchExpression()
                .addNewMatchExpression().withKey("gpu").withOperator("Exists").endMatchExpression().build();
        assertEquals("zone notin (a),gpu", SelectorString.of(sel));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SelectorString.of(new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("k").withOperator("Gt").withValues("1").endMatchExpression().build()));
        assertTrue(e.getMessage().startsWith("runners.colocateWith:"), e.getMessage());
        assertEquals(List.of(), List.of(SelectorString.of(new LabelSelector())).stream().filter(s -> !s.isEmpty()).toList());
    }
}
