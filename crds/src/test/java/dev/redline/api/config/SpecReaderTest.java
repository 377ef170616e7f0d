package dev.redline.api.config;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.api.v1alpha1.PhaseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecReaderTest {

    @Test
    void readsTheShippedSample() {
        BenchmarkSpec spec = SpecReader.read(Path.of("../config/samples/profile-chat-streaming.yaml"));
        assertEquals("mock-model", spec.getModels().get(0));
        assertEquals(EndpointType.CHAT, spec.getEndpoint().getType());
        assertTrue(spec.getEndpoint().isStreaming());
        assertEquals(128, spec.getDataset().getPrompts().getIsl().getMean());
        assertEquals(64, spec.getDataset().getPrompts().getOsl().getMean(), "int shorthand for a length");
        assertEquals(PhaseKind.WARMUP, spec.getPhases().get(0).getKind());
        assertEquals(200, spec.getPhases().get(1).getRequests());
        assertEquals(200.0, spec.getGoodput().get("time_to_first_token"), "metric tags keep their snake_case");
        assertEquals(42L, spec.getRandomSeed(), "snake_case key random_seed binds to randomSeed");
    }

    @Test
    void acceptsSnakeCaseCamelCaseAndTheAiperfEnvelope() {
        BenchmarkSpec spec = SpecReader.read("""
                benchmark:
                  model: m1
                  endpoint: {type: completions, extra_inputs: {ignore_eos: true}, headers: {X-Tenant_Id: a}}
                  phases: [{kind: profiling, prefill_concurrency: 2, concurrencyRamp: 5}]
                """, "test.yaml");
        assertEquals("m1", spec.getModels().get(0), "a single model string becomes a list");
        assertEquals(EndpointType.COMPLETIONS, spec.getEndpoint().getType());
        assertEquals(Boolean.TRUE, spec.getEndpoint().getExtraInputs().get("ignore_eos"), "free-form keys are not renamed");
        assertEquals("a", spec.getEndpoint().getHeaders().get("X-Tenant_Id"));
        assertEquals(2, spec.getPhases().get(0).getPrefillConcurrency());
        assertEquals(5.0, spec.getPhases().get(0).getConcurrencyRamp());
        assertNull(spec.getDataset());
    }

    @Test
    void unknownKeyNamesThePathAndSuggestsTheNearest() {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read("""
                models: [m]
                dataset:
                  promts: {isl: 10}
                """, "bench.yaml"));
        assertTrue(e.getMessage().startsWith("bench.yaml: dataset.promts: unknown key (did you mean 'prompts'?)"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void wrongTypeAndBadEnumValueNameTheField() {
        SpecException type = assertThrows(SpecException.class,
                () -> SpecReader.read("phases: [{concurrency: lots}]", "b.yaml"));
        assertTrue(type.getMessage().contains("phases[0].concurrency"), type.getMessage());
        SpecException enumValue = assertThrows(SpecException.class,
                () -> SpecReader.read("endpoint: {type: chatty}", "b.yaml"));
        assertTrue(enumValue.getMessage().contains("endpoint.type"), enumValue.getMessage());
        assertTrue(enumValue.getMessage().contains("unknown endpoint type 'chatty'; use one of chat, completions, responses"),
                enumValue.getMessage());
        SpecException refused = assertThrows(SpecException.class,
                () -> SpecReader.read("endpoint: {type: tensorrtllm_engine}", "b.yaml"));
        assertTrue(refused.getMessage().contains("endpoint.type: tensorrtllm_engine runs TensorRT-LLM inside"), refused.getMessage());
    }

    @Test
    void unreadableEmptyAndMalformedFilesGiveOneLineErrors(@TempDir Path dir) throws Exception {
        SpecException missing = assertThrows(SpecException.class, () -> SpecReader.read(dir.resolve("nope.yaml")));
        assertTrue(missing.getMessage().contains("file not found"), missing.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertTrue(assertThrows(SpecException.class, () -> SpecReader.read(empty)).getMessage().contains("empty"));
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "models: [a\nendpoint: {");
        assertTrue(assertThrows(SpecException.class, () -> SpecReader.read(broken)).getMessage().contains("not valid YAML"));
        Path list = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
        assertTrue(assertThrows(SpecException.class, () -> SpecReader.read(list)).getMessage().contains("mapping"));
    }

    @Test
    void camelConversion() {
        assertEquals("requestRate", KeyNormalizer.camel("request_rate"));
        assertEquals("requestRate", KeyNormalizer.camel("request-rate"));
        assertEquals("x", KeyNormalizer.camel("_x"));
    }
}
