package dev.redline.operator.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admission on a real apiserver with the chart's CRD: every generated bad Benchmark is rejected at
 * create time with a message naming the field; the samples are accepted; a typo'd field name is
 * refused by kubectl (strict field validation); what only the operator can judge ends Invalid with
 * one Event.
 */
class AdmissionIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.forOperator();

    private static GenericKubernetesResource resource(ObjectNode bm, String name) {
        ObjectNode copy = bm.deepCopy();
        ((ObjectNode) copy.get("metadata")).put("name", name).put("namespace", CLUSTER.namespace());
        return CLUSTER.client().getKubernetesSerialization().convertValue(copy, GenericKubernetesResource.class);
    }

    @Test
    void everyBadBenchmarkIsRejectedWithAMessageNamingTheField() throws Exception {
        List<BadBenchmarks.Case> cases = BadBenchmarks.all(SchemaAgreementTest.CRD);
        assertTrue(cases.size() >= 50, "only " + cases.size() + " cases");
        List<String> wrong = new ArrayList<>();
        int i = 0;
        for (BadBenchmarks.Case c : cases) {
            String name = "bad-" + i++;
            try {
                CLUSTER.client().resource(resource(c.benchmark(), name)).create();
                wrong.add(c.description() + ": ACCEPTED");
                CLUSTER.client().resource(resource(c.benchmark(), name)).delete();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 422 || !e.getMessage().contains(c.field())) {
                    wrong.add(c.description() + ": HTTP " + e.getCode() + " without '" + c.field() + "': " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + cases.size() + " cases");
        System.err.println("admission rejected all " + cases.size() + " bad Benchmarks, each naming its field");
    }

    @Test
    void theValidBaselineAndEverySampleAreAccepted() throws Exception {
        CLUSTER.client().resource(resource(BadBenchmarks.valid("x"), "baseline")).dryRun().create();
        try (Stream<Path> files = Files.list(RealCluster.repoRoot().resolve("config/samples"))) {
            for (Path sample : files.filter(p -> p.getFileName().toString().matches("(benchmark|search)-.*\\.yaml")).sorted().toList()) {
                CLUSTER.kubectl().run("apply", "--dry-run=server", "-n", CLUSTER.namespace(), "-f", sample.toString()).orFail();
            }
        }
    }

    /**
     * Unknown fields are pruned (a structural schema), so a typo must not pass silently: kubectl's default
     * strict field validation refuses it, naming the field. A client that asks for no field validation
     * gets the object without the unknown key (and a warning header): documented in docs/operator.md.
     */
    @Test
    void aTypoedFieldNameIsRefusedByKubectl() {
        String yaml = """
                apiVersion: redline.dev/v1alpha1
                kind: Benchmark
                metadata: {name: typo, namespace: %s}
                spec:
                  models: [m]
                  endpoint: {url: "http://127.0.0.1:8000"}
                  phases: [{concurency: 8, requests: 10}]
                """.formatted(CLUSTER.namespace());
        var strict = CLUSTER.kubectl().pipe(yaml, "apply", "-f", "-");
        assertNotEquals(0, strict.exitCode(), strict.stdout());
        assertTrue(strict.stderr().contains("unknown field \"spec.phases[0].concurency\""), strict.stderr());
        assertNull(CLUSTER.client().resources(Benchmark.class).inNamespace(CLUSTER.namespace()).withName("typo").get());

        var lax = CLUSTER.kubectl().pipe(yaml, "apply", "--validate=false", "-f", "-");
        assertEquals(0, lax.exitCode(), lax.stderr());
        var stored = CLUSTER.client().genericKubernetesResources("redline.dev/v1alpha1", "Benchmark")
                .inNamespace(CLUSTER.namespace()).withName("typo").get();
        assertEquals(List.of(java.util.Map.of("requests", 10)), ((java.util.Map<?, ?>) stored.getAdditionalProperties().get("spec")).get("phases"),
                "pruned without strict validation");
    }

    /** What the schema cannot say (here: a collector name where a URL belongs) is the operator's: Invalid, one Event, nothing created. */
    @Test
    void whatOnlyTheOperatorCanJudgeEndsInvalidWithOneEvent() {
        ObjectNode bm = BadBenchmarks.valid("x");
        ((ObjectNode) bm.get("spec")).putObject("telemetry").putArray("gpuTelemetryUrls").add("pynvml");
        CLUSTER.client().resource(resource(bm, "pynvml")).create();
        CLUSTER.client().resource(resource(BadBenchmarks.valid("x"), "fine")).create();
        CLUSTER.await("pynvml to be Invalid", Duration.ofSeconds(60), () -> {
            Benchmark b = CLUSTER.client().resources(Benchmark.class).inNamespace(CLUSTER.namespace()).withName("pynvml").get();
            return b.getStatus() != null && b.getStatus().getPhase() == BenchmarkPhase.Invalid;
        });
        CLUSTER.await("fine to be accepted", Duration.ofSeconds(60), () -> !events("fine", "SpecValid").isEmpty());
        Benchmark b = CLUSTER.client().resources(Benchmark.class).inNamespace(CLUSTER.namespace()).withName("pynvml").get();
        assertTrue(b.getStatus().getConditions().get(0).getMessage().contains("spec.telemetry.gpuTelemetryUrls[0]"), b.getStatus().getConditions().toString());
        assertNull(CLUSTER.client().batch().v1().jobs().inNamespace(CLUSTER.namespace()).withName("pynvml").get(), "nothing created");
        settle();
        assertEquals(1, events("pynvml", "SpecInvalid").size(), "one SpecInvalid event");
        assertEquals(1, events("fine", "SpecValid").size(), "one SpecValid event");
    }

    private static List<io.fabric8.kubernetes.api.model.Event> events(String name, String reason) {
        return CLUSTER.client().v1().events().inNamespace(CLUSTER.namespace()).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason())).toList();
    }

    /** Gives later reconciles (Job and ConfigMap events) their chance to announce again. */
    private static void settle() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
