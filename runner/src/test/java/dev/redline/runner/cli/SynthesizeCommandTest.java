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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthesizeCommandTest {
    @TempDir Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new SynthesizeCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writtenDatasetReadsBackAsTheSameRequests() {
        Path file = tmp.resolve("inputs.jsonl");
        String tokenizer = TestTokenizers.qwenPath().toString();
        int code = run("--tokenizer", tokenizer, "--isl", "64", "--isl-stddev", "16", "--osl", "20", "--osl-stddev", "4",
                "--num-prompts", "12", "--random-seed", "7", "-o", file.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("wrote 12 synthetic entries to " + file), out.toString());

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
        int code = run("--tokenizer", "builtin", "--isl-stddev", "5", "-o", tmp.resolve("x.jsonl").toString());
        assertEquals(2, code);
        String e = err.toString().trim();
        assertTrue(e.startsWith("redline: --isl-stddev (dataset.prompts.isl.stddev): a standard deviation needs a mean"), e);
        assertFalse(e.contains("\n"));
        assertFalse(Files.exists(tmp.resolve("x.jsonl")));
    }

    @Test
    void missingTokenizerExitsTwoSayingWhereItLooked() {
        Path missing = tmp.resolve("none/tokenizer.json");
        int code = run("--tokenizer", missing.toString(), "-o", tmp.resolve("x.jsonl").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains(missing.toString()), err.toString());
        assertEquals(1, err.toString().trim().lines().count());
    }

    @Test
    void badInputFileExitsTwoWithFileAndLine() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.jsonl"), "{\"text\": \"ok\"}\nnot json\n");
        int code = run("--tokenizer", "builtin", "--input-file", bad.toString(), "-o", tmp.resolve("x.jsonl").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains(bad + ":2: malformed JSON"), err.toString());
    }
}
