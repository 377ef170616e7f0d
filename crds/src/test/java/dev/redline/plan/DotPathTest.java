package dev.redline.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.redline.api.config.SpecException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DotPathTest {
    @Test
    void shorthandsAndAiperfsDatasetPathsReachTheModel() {
        assertEquals("phases.profiling.prefill_concurrency", DotPath.parse("prefill_concurrency", "x").canonical());
        assertEquals("phases.profiling.prefill_concurrency", DotPath.parse("phases.profiling.prefillConcurrency", "x").canonical());
        assertEquals("dataset.prompts.isl.mean", DotPath.parse("datasets.main.prompts.isl.mean", "x").canonical());
        assertEquals("dataset.prompts.isl.mean", DotPath.parse("benchmark.dataset.prompts.isl.mean", "x").canonical());
        assertEquals("isl", DotPath.parse("datasets.main.prompts.isl.mean", "x").name());
        assertEquals("osl_stddev", DotPath.parse("osl_stddev", "x").name());
        assertEquals("sessions.turns_mean", DotPath.parse("conversation_turn_mean", "x").canonical());
    }

    @Test
    void setsFieldsCreatingPhasesAndLengths() {
        ObjectNode spec = SpecTree.of(SweepPlannerTest.base());
        spec.with("dataset").with("prompts").put("isl", 550);
        DotPath.parse("isl_stddev", "x").set(spec, new com.fasterxml.jackson.databind.node.DoubleNode(10), "x");
        assertEquals(550, spec.at("/dataset/prompts/isl/mean").asInt(), "isl: 550 became {mean: 550}");
        DotPath.parse("phases.1.rate", "x").set(spec, new com.fasterxml.jackson.databind.node.DoubleNode(3.5), "x");
        assertEquals(3.5, spec.at("/phases/1/rate").asDouble());
        DotPath.parse("datasets.main.format", "x").set(spec, new com.fasterxml.jackson.databind.node.TextNode("speed_bench_math"), "x");
        assertEquals("speed_bench_math", spec.at("/dataset/customDatasetType").asText(), "AIPerf's dataset 'format' is its alias");
        DotPath.parse("goodput.time_to_first_token", "x").set(spec, IntNode.valueOf(200), "x");
        assertEquals(200, spec.at("/goodput/time_to_first_token").asInt(), "a map key is kept as written");
        ObjectNode empty = SpecTree.of(new dev.redline.api.v1alpha1.BenchmarkSpec());
        DotPath.parse("concurrency", "x").set(empty, IntNode.valueOf(3), "x");
        assertEquals("profiling", empty.at("/phases/0/kind").asText());
    }

    @Test
    void rejectsWhatIsNoPath() {
        assertEquals("sweep.parameters: 'phases..x' is not a dot-path; write e.g. phases.profiling.concurrency or concurrency",
                assertThrows(SpecException.class, () -> DotPath.parse("phases..x", "sweep.parameters")).getMessage());
        ObjectNode spec = SpecTree.of(SweepPlannerTest.base());
        String m = assertThrows(SpecException.class, () -> DotPath.parse("endpoint.urll", "w").set(spec, IntNode.valueOf(1), "w")).getMessage();
        assertTrue(m.startsWith("w: 'endpoint.urll' names no field: endpoint has no 'urll' (did you mean 'url'?)"), m);
        assertEquals("w: phases.5 does not exist; the benchmark has 2 phase(s)",
                assertThrows(SpecException.class, () -> DotPath.parse("phases.5.rate", "w").set(spec, IntNode.valueOf(1), "w")).getMessage());
    }
}
