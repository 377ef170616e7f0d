package dev.redline.api.config;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AIPerf's prompts.random_range_ratio forms read to one {input, output} shape; bad windows are refused as AIPerf does. */
class RangeRatioReadTest {
    private static PromptSpec prompts(String ratio, String extra) {
        return SpecReader.read("benchmark:\n  models: [m]\n  dataset:\n    type: synthetic\n    prompts: {isl: 100, osl: 20, random_range_ratio: "
                + ratio + extra + "}\n", "t.yaml").getDataset().getPrompts();
    }

    private static String firstViolation(String ratio, String extra) {
        BenchmarkSpec spec = SpecReader.read("benchmark:\n  models: [m]\n  dataset:\n    prompts: {random_range_ratio: " + ratio + extra + "}\n", "t.yaml");
        List<Violation> v = SpecValidator.validate(spec);
        return v.isEmpty() ? null : v.get(0).toString();
    }

    @Test
    void numberJsonTextObjectAndPairReadAlike() {
        for (String form : new String[] {"0.3", "'0.3'", "[0.3, 0.3]", "{input: 0.3, output: 0.3}", "'{\"input\": 0.3, \"output\": 0.3}'"}) {
            PromptSpec p = prompts(form, "");
            assertEquals(0.3, p.getRandomRangeRatio().getInput(), form);
            assertEquals(0.3, p.getRandomRangeRatio().getOutput(), form);
        }
        PromptSpec camel = SpecReader.read("benchmark:\n  models: [m]\n  dataset:\n    prompts: {isl: 10, osl: 5, randomRangeRatio: {input: 0.1, output: 0.6}, randomCorpusStyle: vllm}\n",
                "t.yaml").getDataset().getPrompts();
        assertEquals(0.6, camel.getRandomRangeRatio().getOutput());
        assertEquals("vllm", camel.resolvedRandomCorpusStyle());
        assertTrue(assertThrows(SpecException.class, () -> prompts("'wide'", "")).getMessage()
                .contains("is not a number or a JSON object"));
        assertTrue(assertThrows(SpecException.class, () -> prompts("{input: 0.3}", "")).getMessage()
                .contains("needs both input and output"));
        assertTrue(assertThrows(SpecException.class, () -> prompts("true", "")).getMessage().contains("must be a number"));
    }

    @Test
    void windowsOutsideTheirRangeOrWithoutFixedMeansAreRefused() {
        assertNull(firstViolation("0.5", ", isl: 100, osl: 20"));
        assertNull(firstViolation("1.0", ", isl: 100, osl: 20, random_corpus_style: sglang"));
        assertTrue(firstViolation("1.0", ", isl: 100, osl: 20").contains("must be in [0, 1) for the vllm style"));
        assertTrue(firstViolation("-0.1", ", isl: 100, osl: 20").contains("randomRangeRatio.input"));
        assertTrue(assertThrows(SpecException.class, () -> firstViolation("'NaN'", ", isl: 100, osl: 20")).getMessage()
                .contains("'NaN' is not a number"), "JSON has no NaN");
        assertTrue(firstViolation("1.5", ", isl: 100, osl: 20, random_corpus_style: sglang").contains("[0, 1] for the sglang style"));
        assertTrue(firstViolation("{input: 0.2, output: 0.4}", ", isl: 100, osl: 20, random_corpus_style: sglang")
                .contains("one ratio to both"));
        assertTrue(firstViolation("0.2", ", osl: 20").contains("requires --isl to be set explicitly"));
        assertTrue(firstViolation("0.2", ", isl: 100").contains("requires --osl to be set explicitly"));
        assertTrue(firstViolation("0.2", ", isl: {mean: 100, stddev: 5}, osl: 20").contains("--isl-stddev cannot be combined"));
        assertTrue(firstViolation("0.2", ", isl: 100, osl: 20, random_corpus_style: uniform").contains("use vllm or sglang"));
        assertTrue(firstViolation("0.2", ", isl: 100, osl: 20, sequence_distribution: [{isl: 10, osl: 5, probability: 100}]")
                .contains("cannot be combined with sequence_distribution"));
    }
}
