package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.redline.api.config.SpecReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which spec changes start a new run: every field but the verdict-only ones is part of the run's hash,
 * so a field added later starts new runs unless it is deliberately listed in VERDICT_FIELDS.
 */
class RunSpecHashTest {
    private static BenchmarkResourceSpec spec() {
        BenchmarkResourceSpec s = new BenchmarkResourceSpec();
        s.setModels(List.of("m"));
        s.endpoint().setUrl("http://vllm:8000");
        s.endpoint().setExtraInputs(new java.util.LinkedHashMap<>(Map.of("temperature", 0.7, "ignore_eos", true)));
        PhaseSpec p = new PhaseSpec();
        p.setConcurrency(4);
        p.setDuration(30.0);
        s.setPhases(List.of(p));
        s.setGoodput(Map.of("time_to_first_token", 200.0));
        return s;
    }

    private static boolean newRun(Consumer<BenchmarkResourceSpec> change) {
        BenchmarkResourceSpec changed = spec();
        change.accept(changed);
        return !spec().runSpecHash().equals(changed.runSpecHash());
    }

    @Test
    void verdictFieldsExistAndEverythingElseDefinesTheRun() {
        ObjectMapper mapper = new ObjectMapper();
        BeanDescription desc = mapper.getSerializationConfig().introspect(mapper.constructType(BenchmarkResourceSpec.class));
        List<String> fields = desc.findProperties().stream().map(BeanPropertyDefinition::getName).toList();
        assertTrue(fields.containsAll(BenchmarkResourceSpec.VERDICT_FIELDS), "verdict fields must exist: " + fields);
        assertTrue(fields.contains("runId"));
        assertTrue(!BenchmarkResourceSpec.VERDICT_FIELDS.contains("runId"), "a runId bump is how a user asks for a new run");
    }

    @Test
    void whatIsMeasuredOrTheRunIdStartsANewRun() {
        assertEquals(spec().runSpecHash(), spec().runSpecHash(), "deterministic");
        assertTrue(newRun(s -> s.setModels(List.of("other"))));
        assertTrue(newRun(s -> s.getEndpoint().setUrl("http://elsewhere:8000")));
        assertTrue(newRun(s -> s.getEndpoint().getExtraInputs().put("temperature", 0.1)));
        assertTrue(newRun(s -> s.getPhases().get(0).setConcurrency(8)));
        assertTrue(newRun(s -> s.setGoodput(null)));
        RunnerSpec runners = new RunnerSpec();
        runners.setReplicas(2);
        assertTrue(newRun(s -> s.setRunners(runners)));
        assertTrue(newRun(s -> s.setApiKeySecretRef(new SecretKeyRef("key", null))));
        assertTrue(newRun(s -> s.setRunId("abc123")));
    }

    @Test
    void verdictsAndLifetimeDoNot() {
        assertTrue(!newRun(s -> s.setCancel(true)));
        assertTrue(!newRun(s -> s.setTtlSecondsAfterFinished(60L)));
        assertTrue(!newRun(s -> s.setSlo(List.of(new SloSpec("request_throughput", null, null, 1.0)))));
        assertTrue(!newRun(s -> s.setBaselineRef(new BaselineRef("nightly", 3, null))));
        assertTrue(!newRun(s -> s.setRegression(new RegressionSpec())));
    }

    @Test
    void keyOrderInTheStoredObjectDoesNotMatter() throws Exception {
        String a = "{models: [m], endpoint: {url: 'http://v:8000', extraInputs: {a: 1, b: 2}}, phases: [{concurrency: 2, requests: 5}]}";
        String b = "{phases: [{requests: 5, concurrency: 2}], endpoint: {extraInputs: {b: 2, a: 1}, url: 'http://v:8000'}, models: [m]}";
        BenchmarkResourceSpec sa = SpecReader.read(a, "a", BenchmarkResourceSpec.class);
        BenchmarkResourceSpec sb = SpecReader.read(b, "b", BenchmarkResourceSpec.class);
        assertEquals(sa.runSpecHash(), sb.runSpecHash());
        assertNotEquals(sa.runSpecHash(), spec().runSpecHash());
    }
}
