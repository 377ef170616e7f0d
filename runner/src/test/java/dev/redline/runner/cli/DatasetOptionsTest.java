package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetOptionsTest {
    @Command(name = "t")
    static class Host {
        @Mixin DatasetOptions dataset = new DatasetOptions();
    }

    private static DatasetOptions parse(String... args) {
        Host host = new Host();
        new CommandLine(host).parseArgs(args);
        return host.dataset;
    }

    @Test
    void flagsFillTheSpec() {
        BenchmarkSpec spec = new BenchmarkSpec();
        parse("--isl", "300", "--isl-stddev", "12.5", "--osl", "64", "--osl-stddev", "4",
                "--num-prompts", "7", "--tokenizer", "Qwen/Qwen3-0.6B", "--tokenizer-revision", "abc",
                "--tokenizer-trust-remote-code", "--random-seed", "99").applyTo(spec);
        PromptSpec p = spec.getDataset().getPrompts();
        assertEquals(300, p.getIsl().getMean());
        assertEquals(12.5, p.getIsl().getStddev());
        assertEquals(64, p.getOsl().getMean());
        assertEquals(4.0, p.getOsl().getStddev());
        assertEquals(7, spec.getDataset().getEntries());
        assertEquals("Qwen/Qwen3-0.6B", spec.getTokenizer().getName());
        assertEquals("abc", spec.getTokenizer().getRevision());
        assertEquals(Boolean.TRUE, spec.getTokenizer().getTrustRemoteCode());
        assertEquals(99L, spec.getRandomSeed());
    }

    @Test
    void aiperfLongNamesAreAliases() {
        BenchmarkSpec spec = new BenchmarkSpec();
        parse("--synthetic-input-tokens-mean", "10", "--synthetic-input-tokens-stddev", "2",
                "--output-tokens-mean", "5", "--output-tokens-stddev", "1", "--num-dataset-entries", "3").applyTo(spec);
        PromptSpec p = spec.getDataset().getPrompts();
        assertEquals(10, p.getIsl().getMean());
        assertEquals(2.0, p.getIsl().getStddev());
        assertEquals(5, p.getOsl().getMean());
        assertEquals(1.0, p.getOsl().getStddev());
        assertEquals(3, spec.getDataset().getEntries());
    }

    @Test
    void flagsOverrideOnlyWhatWasGiven() {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setRandomSeed(5L);
        parse("--osl", "32").applyTo(spec);
        parse("--isl-stddev", "3").applyTo(spec);
        assertEquals(5L, spec.getRandomSeed());
        assertEquals(32, spec.getDataset().getPrompts().getOsl().getMean());
        assertNull(spec.getDataset().getPrompts().getIsl().getMean());
        assertNull(spec.getTokenizer());
        BenchmarkSpec untouched = new BenchmarkSpec();
        parse().applyTo(untouched);
        assertNull(untouched.getDataset());
    }

    @Test
    void stddevWithoutMeanIsRejectedNamingTheFlag() {
        DatasetOptions opts = parse("--isl-stddev", "10");
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setModels(List.of("m"));
        opts.applyTo(spec);
        List<Violation> v = SpecValidator.validate(spec);
        assertEquals(1, v.size(), v.toString());
        assertEquals("dataset.prompts.isl.stddev", v.get(0).path());
        assertEquals("--isl-stddev", opts.flagsByField().get(v.get(0).path()));
        assertTrue(v.get(0).message().contains("needs a mean"), v.get(0).message());
        assertTrue(v.get(0).message().endsWith("(CLI: --isl)"), v.get(0).message());
    }

    @Test
    void everyFlagMapsToAFieldPath() {
        DatasetOptions opts = new DatasetOptions();
        for (String flag : List.of("--isl", "--isl-stddev", "--osl", "--osl-stddev", "--num-dataset-entries",
                "--tokenizer", "--tokenizer-revision", "--random-seed")) {
            assertTrue(opts.flagsByField().containsValue(flag), flag);
        }
    }

    @Test
    void datasetSourceAndShapeFlags() {
        BenchmarkSpec spec = new BenchmarkSpec();
        parse("--num-prefix-prompts", "4", "--prefix-prompt-length", "100", "--isl-block-size", "64",
                "--dataset-sampling-strategy", "random", "--batch-size-text", "8", "--input-file", "trace.jsonl",
                "--custom-dataset-type", "mooncake_trace", "--hf-subset", "sub").applyTo(spec);
        PromptSpec p = spec.getDataset().getPrompts();
        assertEquals(4, p.getPrefixPromptCount());
        assertEquals(100, p.getPrefixPromptLength());
        assertEquals(64, p.getBlockSize());
        assertEquals(8, p.getBatchSize());
        assertEquals("random", spec.getDataset().getSamplingStrategy());
        assertEquals("trace.jsonl", spec.getDataset().getInputFile());
        assertEquals("mooncake_trace", spec.getDataset().getCustomDatasetType());
        assertEquals("sub", spec.getDataset().getHfSubset());
        BenchmarkSpec alias = new BenchmarkSpec();
        parse("--prompt-input-tokens-block-size", "32", "--public-dataset", "sharegpt").applyTo(alias);
        assertEquals(32, alias.getDataset().getPrompts().getBlockSize());
        assertEquals("sharegpt", alias.getDataset().getPublicDataset());
    }

    @Test
    void badDatasetValuesAreRejectedNamingTheFlag() {
        DatasetOptions opts = parse("--dataset-sampling-strategy", "shufle", "--custom-dataset-type", "mooncake",
                "--num-prefix-prompts", "2");
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setModels(List.of("m"));
        opts.applyTo(spec);
        List<Violation> v = SpecValidator.validate(spec);
        assertEquals(List.of("dataset.samplingStrategy", "dataset.customDatasetType", "dataset.customDatasetType",
                "dataset.prompts.prefixPromptCount"), v.stream().map(Violation::path).toList(), v.toString());
        assertTrue(v.get(0).message().contains("did you mean 'shuffle'"), v.get(0).message());
        assertTrue(v.get(1).message().contains("use one of single_turn, multi_turn"), v.get(1).message());
        assertTrue(v.get(2).message().contains("needs a file"), v.get(2).message());
        for (Violation x : v) assertTrue(opts.flagsByField().containsKey(x.path()), x.path());
    }
}
