package dev.redline.operator.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.validate.Violation;
import dev.redline.operator.validate.ResourceValidator;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CRD schema and the Java validator agree: every Benchmark the schema rejects (BadBenchmarks: one
 * case per schema constraint, plus the CEL rules) is rejected by the operator's validator too, naming
 * the same field; the valid baseline passes both. AdmissionIT checks the schema side on a real apiserver.
 */
class SchemaAgreementTest {
    static final Path CRD = Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize()
            .resolve("crds/generated/benchmarks.redline.dev-v1.yml");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** What the Java side says about a case: the violation paths, or the reason it cannot even be read. */
    static List<String> javaRejections(ObjectNode benchmark) {
        Benchmark bm;
        try {
            bm = SERIALIZATION.convertValue(benchmark, Benchmark.class);
        } catch (IllegalArgumentException e) {
            return List.of("unreadable: " + e.getMessage()); // a value no Java type holds (an unknown enum constant)
        }
        List<String> paths = new ArrayList<>();
        for (Violation v : ResourceValidator.validate(bm)) paths.add(v.path());
        return paths;
    }

    @Test
    void theValidBaselinePassesTheJavaValidator() {
        assertEquals(List.of(), javaRejections(BadBenchmarks.valid("ok")));
    }

    @Test
    void everyCaseTheSchemaRejectsTheJavaValidatorRejectsOnTheSameField() throws Exception {
        List<BadBenchmarks.Case> cases = BadBenchmarks.all(CRD);
        assertTrue(cases.size() >= 50, "only " + cases.size() + " cases");
        List<String> disagreements = new ArrayList<>();
        for (BadBenchmarks.Case c : cases) {
            List<String> java = javaRejections(c.benchmark());
            String leaf = c.field().substring(c.field().lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
            boolean named = java.stream().anyMatch(p -> p.startsWith(c.field()) || p.startsWith("unreadable:") && p.contains(leaf));
            if (!named) disagreements.add(c.description() + " -> " + java);
        }
        assertEquals(List.of(), disagreements, "the Java validator accepts what the schema rejects, or names another field");
    }
}
