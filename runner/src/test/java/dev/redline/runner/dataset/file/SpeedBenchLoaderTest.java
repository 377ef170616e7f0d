package dev.redline.runner.dataset.file;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.tokenizer.BuiltinTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEED-Bench JSONL (AIPerf's speed_bench_* types): category filters, sessions and turns, and each bad row told by file:line. */
class SpeedBenchLoaderTest {
    static final String A = "a".repeat(32);
    static final String B = "b".repeat(32);
    static final String C = "c".repeat(32);
    @TempDir Path dir;

    static String row(String id, String category, String... userMessages) {
        StringBuilder m = new StringBuilder();
        for (String text : userMessages) {
            if (m.length() > 0) m.append(", ");
            m.append("{\"role\": \"user\", \"content\": \"").append(text).append("\"}");
        }
        return "{\"question_id\": \"" + id + "\", \"category\": \"" + category + "\", \"messages\": [" + m + "]}\n";
    }

    /** A qualitative split: coding A, math B (two turns), coding C (two turns), then coding A's second row. */
    static String qualitative() {
        return row(A, "coding", "Write a sort.") + row(B, "math", "What is 2+2?", "And 3+3?")
                + row(C, "coding", "Fix this loop.", "Now add a test.") + row(A, "coding", "Make it stable.");
    }

    private List<Conversation> load(Path file, String type) {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setRandomSeed(5L);
        spec.dataset().setInputFile(file.toString());
        spec.dataset().setCustomDatasetType(type);
        return DatasetFactory.build(spec, new BuiltinTokenizer()).conversations();
    }

    private static List<List<String>> texts(Conversation c) {
        return c.turns().stream().map(Turn::texts).toList();
    }

    @Test
    void aCategoryTypeKeepsOnlyItsRowsEachQuestionASessionEachMessageATurn() throws IOException {
        Path file = Files.writeString(dir.resolve("qualitative.jsonl"), qualitative());
        List<Conversation> coding = load(file, "speed_bench_coding");
        assertEquals(List.of(A, C), coding.stream().map(Conversation::id).toList(), "the math row is left out");
        assertEquals(List.of(List.of("Write a sort."), List.of("Make it stable.")), texts(coding.get(0)),
                "rows sharing a question_id are one session, in file order");
        assertEquals(List.of(List.of("Fix this loop."), List.of("Now add a test.")), texts(coding.get(1)));
        assertFalse(coding.get(1).fullPromptTurns(), "later turns are sent after the live history, as multi_turn");
        assertEquals(new BuiltinTokenizer().count("Fix this loop."), coding.get(1).turns().get(0).inputTokens());

        List<Conversation> all = load(file, "speed_bench_qualitative");
        assertEquals(List.of(A, B, C), all.stream().map(Conversation::id).toList(), "the whole split: every category");
        assertEquals(List.of(List.of("What is 2+2?"), List.of("And 3+3?")), texts(all.get(1)));
    }

    @Test
    void aThroughputTierTypeKeepsItsTierAndAnyFileNameIsReadAsAiperfDoes() throws IOException {
        Path file = Files.writeString(dir.resolve("my_1k_subset.jsonl"),
                row(A, "low_entropy", "Sort these numbers.") + row(B, "mixed", "Find the needle.") + row(C, "high_entropy", "Write a poem."));
        List<Conversation> mixed = load(file, "speed_bench_throughput_1k_mixed");
        assertEquals(List.of(B), mixed.stream().map(Conversation::id).toList());
        assertEquals(3, load(file, "speed_bench_throughput_1k").size());
    }

    @Test
    void everyBadRowIsOneLineNamingTheFileLineAndField() throws IOException {
        assertBad(row("short", "coding", "x"), "speed_bench_coding", "bad.jsonl:1: field 'question_id' must be 32 characters");
        assertBad(row(A, "coding", "fine") + "{\"question_id\": \"" + B + "\", \"messages\": []}\n", "speed_bench_coding",
                "bad.jsonl:2: field 'category' is required");
        assertBad("{\"question_id\": \"" + A + "\", \"category\": \"coding\", \"messages\": []}\n", "speed_bench_qualitative",
                "bad.jsonl:1: field 'messages' must be a non-empty list");
        assertBad("{\"question_id\": \"" + A + "\", \"category\": \"coding\", \"messages\": [{\"content\": \"hi\"}]}\n",
                "speed_bench_coding", "bad.jsonl:1: field 'messages[0].role' is required");
        assertBad("{\"question_id\": \"" + A + "\", \"category\": \"coding\", \"messages\": [{\"role\": \"user\", \"content\": \" \"}]}\n",
                "speed_bench_coding", "bad.jsonl:1: field 'messages[0].content' is empty");
        assertBad(row(A, "coding", SpeedBenchLoader.PLACEHOLDER), "speed_bench_coding",
                "bad.jsonl:1: field 'messages[0].content' is SPEED-Bench's placeholder");
        // a row of another category is still checked, as AIPerf validates each row before filtering
        assertBad(row(A, "coding", "ok") + row("nope", "math", "x"), "speed_bench_coding", "bad.jsonl:2: field 'question_id'");
    }

    @Test
    void aLeadingSystemMessageStaysATurnOfItsOwnRoleAsAiperfDoesNotHoistIt() throws IOException {
        Path file = Files.writeString(dir.resolve("qualitative.jsonl"), "{\"question_id\": \"" + A + "\", \"category\": \"roleplay\", "
                + "\"messages\": [{\"role\": \"system\", \"content\": \"You are a pirate.\"}, {\"role\": \"user\", \"content\": \"Greet me.\"}]}\n");
        List<Turn> turns = load(file, "speed_bench_roleplay").get(0).turns();
        assertEquals(2, turns.size());
        assertEquals("system", turns.get(0).messageRole());
        assertEquals(List.of("You are a pirate."), turns.get(0).texts());
        assertEquals(null, turns.get(0).systemPrompt(), "not hoisted into a session system prompt");
        assertEquals("user", turns.get(1).messageRole());
    }

    @Test
    void aCategoryWithNoRowsNamesTheCategoriesTheFileHas() throws IOException {
        Path file = Files.writeString(dir.resolve("qualitative.jsonl"), qualitative());
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(file, "speed_bench_writing"));
        assertTrue(e.getMessage().contains("no row has category 'writing'") && e.getMessage().contains("[coding, math]"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aSpeedBenchFileIsNotInferredButNamesTheTypesToPass() throws IOException {
        Path file = Files.writeString(dir.resolve("qualitative.jsonl"), qualitative());
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(file, null));
        assertTrue(e.getMessage().contains("qualitative.jsonl:1: a SPEED-Bench row") && e.getMessage().contains("speed_bench_qualitative"),
                e.getMessage());
    }

    @Test
    void everyAiperfSpeedBenchTypeIsRegisteredAndAcceptedByTheSpecRules() {
        List<String> names = CustomDatasetType.wireNames().stream().filter(n -> n.startsWith("speed_bench_")).toList();
        assertEquals(32, names.size(), "AIPerf 0.13: the qualitative split, 11 categories, 5 throughput splits x (all + 3 tiers)");
        for (String n : names) {
            DatasetPlugins.Source source = DatasetPlugins.DATASETS.find(n);
            assertNotNull(source, n);
            assertTrue(source.fileLoader().get() instanceof SpeedBenchLoader, n);
            BenchmarkSpec spec = new BenchmarkSpec();
            spec.dataset().setInputFile("qualitative.jsonl");
            spec.dataset().setCustomDatasetType(n);
            assertTrue(SpecValidator.validate(spec).stream().noneMatch(v -> v.path().equals("dataset.customDatasetType")),
                    n + ": " + SpecValidator.validate(spec));
        }
        assertEquals("qualitative.jsonl", CustomDatasetType.parse("speed_bench_roleplay").speedBenchSplit());
        assertEquals("high_entropy", CustomDatasetType.parse("speed-bench-throughput-32k-high-entropy").speedBenchCategory());
    }

    private void assertBad(String content, String type, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), content);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(file, type));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
