package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.dataset.SampledDataset;
import dev.redline.runner.tokenizer.TestTokenizers;
import dev.redline.runner.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthesizeCommandTest {
    @TempDir Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(new CommandLine(new SynthesizeCommand()), args);
    }

    @Test
    void writtenDatasetReadsBackAsTheSameRequests() {
        Path file = tmp.resolve("inputs.jsonl");
        String tokenizer = TestTokenizers.qwenPath().toString();
        CliRun r = run("--tokenizer", tokenizer, "--isl", "64", "--isl-stddev", "16", "--osl", "20", "--osl-stddev", "4",
                "--num-prompts", "12", "--random-seed", "7", "-o", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote 12 synthetic entries to " + file), r.out());

        Tokenizer tok = TestTokenizers.qwen();
        BenchmarkSpec synthetic = new BenchmarkSpec();
        DatasetOptionsTest.Host host = new DatasetOptionsTest.Host();
        new CommandLine(host).parseArgs("--tokenizer", tokenizer, "--isl", "64", "--isl-stddev", "16", "--osl", "20",
                "--osl-stddev", "4", "--num-prompts", "12", "--random-seed", "7");
        host.dataset.applyTo(synthetic);
        List<Conversation> expected = DatasetFactory.build(synthetic, tok).conversations();

        BenchmarkSpec replay = new BenchmarkSpec();
        replay.dataset().setInputFile(file.toString());
        SampledDataset read = DatasetFactory.build(replay, tok);
        assertEquals("single_turn", read.source());
        assertEquals(expected.size(), read.conversations().size());
        for (int i = 0; i < expected.size(); i++) {
            var want = expected.get(i).turns().get(0);
            var got = read.conversations().get(i).turns().get(0);
            assertEquals(want.texts(), got.texts());
            assertEquals(want.maxTokens(), got.maxTokens());
            assertEquals(want.inputTokens(), got.inputTokens(), "recounted ISL equals the synthetic ISL");
        }
    }

    @Test
    void stddevWithoutMeanExitsTwoNamingTheFlag() {
        CliRun r = run("--tokenizer", "builtin", "--isl-stddev", "5", "-o", tmp.resolve("x.jsonl").toString());
        assertEquals(2, r.code());
        String e = r.err().trim();
        assertTrue(e.startsWith("redline: --isl-stddev (dataset.prompts.isl.stddev): a standard deviation needs a mean"), e);
        assertFalse(e.contains("\n"));
        assertFalse(Files.exists(tmp.resolve("x.jsonl")));
    }

    @Test
    void missingTokenizerExitsTwoSayingWhereItLooked() {
        Path missing = tmp.resolve("none/tokenizer.json");
        CliRun r = run("--tokenizer", missing.toString(), "-o", tmp.resolve("x.jsonl").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(missing.toString()), r.err());
        assertEquals(1, r.err().trim().lines().count());
    }

    @Test
    void badInputFileExitsTwoWithFileAndLine() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.jsonl"), "{\"text\": \"ok\"}\nnot json\n");
        CliRun r = run("--tokenizer", "builtin", "--input-file", bad.toString(), "-o", tmp.resolve("x.jsonl").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad + ":2: malformed JSON"), r.err());
    }
}
