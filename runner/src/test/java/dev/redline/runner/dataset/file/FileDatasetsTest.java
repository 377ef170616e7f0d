package dev.redline.runner.dataset.file;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Fixtures;
import dev.redline.runner.dataset.SampledDataset;
import dev.redline.runner.dataset.SamplingStrategy;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.tokenizer.BuiltinTokenizer;
import dev.redline.runner.tokenizer.TestTokenizers;
import dev.redline.runner.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileDatasetsTest {
    private final Tokenizer builtin = new BuiltinTokenizer();

    private static BenchmarkSpec spec(String fixture, String type) {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setRandomSeed(11L);
        spec.dataset().setInputFile(Fixtures.path(fixture).toString());
        spec.dataset().setCustomDatasetType(type);
        return spec;
    }

    private static int sum(Tokenizer tok, List<String> texts) {
        return texts.stream().mapToInt(tok::count).sum();
    }

    @Test
    void singleTurnRoundTripsEveryField() {
        SampledDataset d = DatasetFactory.build(spec("single_turn.jsonl", "single_turn"), builtin);
        assertEquals("single_turn", d.source());
        assertEquals(SamplingStrategy.SEQUENTIAL, d.strategy());
        List<Conversation> c = d.conversations();
        assertEquals(3, c.size());
        Turn a = c.get(0).turns().get(0);
        assertEquals(List.of("What is the capital of France?"), a.texts());
        assertEquals(16, a.maxTokens());
        assertEquals(builtin.count("What is the capital of France?"), a.inputTokens());
        Turn b = c.get(1).turns().get(0);
        assertEquals(List.of("First passage to embed.", "Second passage to embed."), b.texts());
        assertEquals(1500L, b.timestampMs());
        assertNull(b.maxTokens());
        assertEquals(sum(builtin, b.texts()), b.inputTokens());
        Turn e = c.get(2).turns().get(0);
        assertEquals(List.of("Summarise the sonnet in one line."), e.texts());
        assertEquals(250L, e.delayMs());
        assertEquals(Map.of("temperature", 0.2), e.extra());
    }

    @Test
    void recordsWithoutAnOutputLengthDrawOneFromOsl() {
        BenchmarkSpec spec = spec("single_turn.jsonl", null);
        PromptSpec p = new PromptSpec();
        p.setOsl(new dev.redline.api.v1alpha1.LengthSpec(64, null));
        spec.dataset().setPrompts(p);
        List<Conversation> c = DatasetFactory.build(spec, builtin).conversations();
        assertEquals(16, c.get(0).turns().get(0).maxTokens(), "the record's own output_length wins");
        assertEquals(64, c.get(1).turns().get(0).maxTokens());
    }

    @Test
    void multiTurnKeepsSessionsAndDelays() {
        List<Conversation> c = DatasetFactory.build(spec("multi_turn.jsonl", null), builtin).conversations();
        assertEquals(2, c.size());
        assertEquals("alpha", c.get(0).id());
        assertEquals(2, c.get(0).turns().size());
        assertEquals(8, c.get(0).turns().get(0).maxTokens());
        assertEquals(1000L, c.get(0).turns().get(1).delayMs());
        assertEquals("beta", c.get(1).id());
        assertEquals(List.of("Translate 'good morning' to German."), c.get(1).turns().get(0).texts());
    }

    /** AIPerf's "persistent system prompt" sample: a leading system turn becomes the system prompt where the endpoint sends one. */
    @Test
    void aLeadingSystemTurnIsHoistedIntoTheSystemPromptOnlyWhereTheEndpointSendsOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path file = tmp.resolve("sessions.jsonl");
        java.nio.file.Files.writeString(file, String.join("\n",
                "{\"session_id\": \"hoisted\", \"turns\": [{\"role\": \"system\", \"text\": \"You are a helpful assistant.\"}, "
                        + "{\"text\": \"What is deep learning?\"}, {\"text\": \"Explain it for a five year old.\", \"delay\": 1000}]}",
                "{\"session_id\": \"two-systems\", \"turns\": [{\"role\": \"system\", \"text\": \"A\"}, {\"role\": \"system\", \"text\": \"B\"}, {\"text\": \"Q\"}]}",
                "{\"session_id\": \"timed\", \"turns\": [{\"role\": \"system\", \"text\": \"S\", \"delay\": 5}, {\"text\": \"Q\"}]}",
                "{\"session_id\": \"only-system\", \"turns\": [{\"role\": \"system\", \"text\": \"S\"}]}",
                "{\"session_id\": \"roles\", \"turns\": [{\"text\": \"Q\"}, {\"role\": \"assistant\", \"text\": \"A\"}, {\"role\": \"user\", \"text\": \"Q2\"}]}"));
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setRandomSeed(11L);
        spec.dataset().setInputFile(file.toString());
        spec.dataset().setCustomDatasetType("multi_turn");
        spec.dataset().setSamplingStrategy("sequential");
        java.util.Map<String, Conversation> byId = new java.util.HashMap<>();
        DatasetFactory.build(spec, builtin).conversations().forEach(c -> byId.put(c.id(), c));
        Conversation hoisted = byId.get("hoisted");
        assertEquals(2, hoisted.turns().size(), "the system turn is not a request of its own");
        assertEquals("You are a helpful assistant.", hoisted.turns().get(0).systemPrompt());
        assertEquals(List.of("What is deep learning?"), hoisted.turns().get(0).texts());
        assertEquals(1000L, hoisted.turns().get(1).delayMs());
        assertEquals(3, byId.get("two-systems").turns().size(), "two leading system turns are both sent");
        assertEquals("system", byId.get("two-systems").turns().get(0).role());
        assertEquals(2, byId.get("timed").turns().size(), "a system turn with a delay keeps its turn");
        assertEquals(1, byId.get("only-system").turns().size(), "a session of one system turn keeps it");
        assertEquals(java.util.Arrays.asList(null, "assistant", null), byId.get("roles").turns().stream().map(Turn::role).toList());

        spec.endpoint().setType(dev.redline.api.v1alpha1.EndpointType.COMPLETIONS);
        Conversation kept = DatasetFactory.build(spec, builtin).conversations().stream().filter(c -> c.id().equals("hoisted")).findFirst().orElseThrow();
        assertEquals(3, kept.turns().size(), "completions sends no system prompt: the turn stays");
        assertNull(kept.turns().get(0).systemPrompt());

        java.nio.file.Files.writeString(file, "{\"session_id\": \"x\", \"turns\": [{\"role\": \"\", \"text\": \"Q\"}]}\n");
        DatasetFormatException bad = assertThrows(DatasetFormatException.class, () -> DatasetFactory.build(spec, builtin));
        assertTrue(bad.getMessage().contains("role") && bad.getMessage().contains("is empty"), bad.getMessage());
    }

    @Test
    void randomPoolTakesOneRowFromEveryPool() {
        BenchmarkSpec spec = spec("random_pool", null);
        spec.dataset().setEntries(20);
        SampledDataset d = DatasetFactory.build(spec, builtin);
        assertEquals("random_pool", d.source());
        assertEquals(20, d.conversations().size());
        Set<String> queries = new HashSet<>();
        for (Conversation c : d.conversations()) {
            List<String> texts = c.turns().get(0).texts();
            assertEquals(2, texts.size());
            assertTrue(texts.get(0).startsWith("query "), texts.toString());
            assertTrue(texts.get(1).startsWith("passage "), texts.toString());
            queries.add(texts.get(0));
        }
        assertEquals(3, queries.size(), "20 seeded draws should reach all 3 queries");
        assertEquals(d.conversations(), DatasetFactory.build(spec, builtin).conversations());
    }

    @Test
    void mooncakeHashIdsShareTextPrefixes() {
        Tokenizer qwen = TestTokenizers.qwen();
        BenchmarkSpec spec = spec("mooncake_trace.jsonl", null);
        PromptSpec p = new PromptSpec();
        p.setBlockSize(32);
        spec.dataset().setPrompts(p);
        SampledDataset d = DatasetFactory.build(spec, qwen);
        assertEquals("mooncake_trace", d.source());
        assertTrue(d.hasTimestamps());
        List<Conversation> c = d.conversations();
        assertEquals(7, c.size(), "six single rows and one two-turn session");
        String t0 = c.get(0).turns().get(0).texts().get(0);
        String t1 = c.get(1).turns().get(0).texts().get(0);
        String t2 = c.get(2).turns().get(0).texts().get(0);
        // rows 0 and 1 share hash ids 10, 11: the text of those 64 tokens is a common prefix
        String twoBlocks = qwen.decode(java.util.Arrays.copyOf(qwen.encode(t0), 60));
        assertTrue(t1.startsWith(twoBlocks), "shared blocks must give a shared prefix");
        assertFalse(t0.equals(t1));
        assertTrue(commonPrefix(t0, t2) < 20, "different hash ids give different text");
        for (int i = 0; i < 3; i++) {
            Turn t = c.get(i).turns().get(0);
            assertEquals(qwen.count(t.texts().get(0)), t.inputTokens(), "ISL is the recount of the text");
        }
        assertEquals(new int[]{80, 90, 40}[0], c.get(0).turns().get(0).inputTokens(), "block texts start on word boundaries, so counts add up");
        assertEquals(0L, c.get(0).turns().get(0).timestampMs());
        assertEquals(12, c.get(0).turns().get(0).maxTokens());
        Turn synthetic = c.get(3).turns().get(0);
        assertEquals(33, synthetic.inputTokens());
        assertEquals(33, qwen.count(synthetic.texts().get(0)));
        assertEquals(List.of("Plain text prompt from the trace."), c.get(4).turns().get(0).texts());
        Turn messages = c.get(5).turns().get(0);
        assertEquals(List.of("Be brief.", "Name a colour."), messages.texts());
        assertTrue(messages.extra().get("messages") instanceof List<?> l && l.size() == 2);
        assertEquals(0, messages.extra().get("temperature"));
        Conversation session = c.get(6);
        assertEquals(2, session.turns().size());
        assertEquals(2000L, session.turns().get(1).delayMs());
    }

    @Test
    void bailianGroupsTurnsByRootChatAndConvertsSeconds() {
        List<Conversation> c = DatasetFactory.build(spec("bailian_trace.jsonl", null), builtin).conversations();
        assertEquals(2, c.size());
        assertEquals("chat-1", c.get(0).id());
        assertEquals(2, c.get(0).turns().size());
        assertEquals(0L, c.get(0).turns().get(0).timestampMs());
        assertEquals(1250L, c.get(0).turns().get(1).timestampMs());
        assertEquals(500L, c.get(1).turns().get(0).timestampMs());
        String first = c.get(0).turns().get(0).texts().get(0);
        String followUp = c.get(0).turns().get(1).texts().get(0);
        assertTrue(followUp.startsWith(first), "turn 2 repeats turn 1's blocks (16-token default) as its prefix");
    }

    @Test
    void burstGptSynthesizesExactPromptsAndSkipsEmptyRows() {
        Tokenizer qwen = TestTokenizers.qwen();
        List<Conversation> c = DatasetFactory.build(spec("burst_gpt.csv", null), qwen).conversations();
        assertEquals(3, c.size());
        int[] isl = {47, 300, 12};
        Integer[] osl = {120, null, 30};
        long[] ts = {5000, 6500, 12000};
        for (int i = 0; i < 3; i++) {
            Turn t = c.get(i).turns().get(0);
            assertEquals(isl[i], t.inputTokens());
            assertEquals(isl[i], qwen.count(t.texts().get(0)));
            assertEquals(osl[i], t.maxTokens());
            assertEquals(ts[i], t.timestampMs());
        }
    }

    @Test
    void sageMakerCaptureReplaysMessagesInTimeOrder() {
        SampledDataset d = DatasetFactory.build(spec("sagemaker", null), builtin);
        assertEquals("sagemaker_data_capture", d.source());
        List<Conversation> c = d.conversations();
        Turn a = c.get(0).turns().get(0);
        Turn b = c.get(1).turns().get(0);
        assertEquals(List.of("What is 2+2?"), a.texts());
        assertEquals(0L, a.timestampMs());
        assertEquals(5, a.maxTokens());
        assertEquals(List.of("You are terse.", "Spell cat."), b.texts());
        assertEquals(2500L, b.timestampMs());
        assertEquals(9, b.maxTokens());
        assertTrue(b.extra().containsKey("messages"));
    }

    @Test
    void typesAreInferredFromTheFile() {
        assertEquals(CustomDatasetType.SINGLE_TURN, CustomDatasetType.infer(Fixtures.path("single_turn.jsonl")));
        assertEquals(CustomDatasetType.MULTI_TURN, CustomDatasetType.infer(Fixtures.path("multi_turn.jsonl")));
        assertEquals(CustomDatasetType.RANDOM_POOL, CustomDatasetType.infer(Fixtures.path("random_pool")));
        assertEquals(CustomDatasetType.MOONCAKE_TRACE, CustomDatasetType.infer(Fixtures.path("mooncake_trace.jsonl")));
        assertEquals(CustomDatasetType.BAILIAN_TRACE, CustomDatasetType.infer(Fixtures.path("bailian_trace.jsonl")));
        assertEquals(CustomDatasetType.BURST_GPT_TRACE, CustomDatasetType.infer(Fixtures.path("burst_gpt.csv")));
        assertEquals(CustomDatasetType.SAGEMAKER_DATA_CAPTURE, CustomDatasetType.infer(Fixtures.path("sagemaker")));
        assertEquals(CustomDatasetType.SAGEMAKER_DATA_CAPTURE, CustomDatasetType.infer(Fixtures.path("sagemaker/capture.jsonl")));
    }

    private String error(String fixture, String type) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetFactory.build(spec(fixture, type), builtin));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void badInputNamesFileLineAndField() {
        String malformed = error("bad/malformed.jsonl", null);
        assertTrue(malformed.contains("malformed.jsonl:2: malformed JSON"), malformed);
        String missing = error("bad/missing_text.jsonl", "single_turn");
        assertTrue(missing.contains("missing_text.jsonl:2: field 'text' is required"), missing);
        String empty = error("bad/empty.jsonl", "single_turn");
        assertTrue(empty.contains("empty.jsonl: the dataset file is empty"), empty);
        String unknownType = error("single_turn.jsonl", "foo_trace");
        assertTrue(unknownType.startsWith("unknown dataset type 'foo_trace' (--custom-dataset-type); use one of single_turn,"), unknownType);
        String cannotInfer = error("bad/unknown_keys.jsonl", null);
        assertTrue(cannotInfer.contains("unknown_keys.jsonl:1: cannot infer the dataset type from the keys [prompt, answer]"), cannotInfer);
        String noInput = error("bad/trace_missing_input.jsonl", "mooncake_trace");
        assertTrue(noInput.contains("trace_missing_input.jsonl:1: field 'input_length' is required"), noInput);
        String tooLong = error("bad/hash_too_long.jsonl", null);
        assertTrue(tooLong.contains("hash_too_long.jsonl:1: field 'hash_ids' has 1 blocks of 512 tokens, which cannot hold input_length 600"), tooLong);
        BenchmarkSpec missingFile = new BenchmarkSpec();
        missingFile.dataset().setInputFile("/no/such/file.jsonl");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetFactory.build(missingFile, builtin));
        assertEquals("dataset file /no/such/file.jsonl not found (--input-file); check the path", e.getMessage());
    }

    @Test
    void inlineRecordsAreSingleTurnRecords() {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.dataset().setRecords(List.of(Map.of("text", "inline one", "output_length", 4), Map.of("texts", List.of("a", "b"))));
        SampledDataset d = DatasetFactory.build(spec, builtin);
        assertEquals("records", d.source());
        assertEquals(List.of("inline one"), d.conversations().get(0).turns().get(0).texts());
        assertEquals(4, d.conversations().get(0).turns().get(0).maxTokens());
        assertEquals(List.of("a", "b"), d.conversations().get(1).turns().get(0).texts());

        spec.dataset().setRecords(List.of(Map.of("text", "ok"), Map.of("delay", 5)));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetFactory.build(spec, builtin));
        assertTrue(e.getMessage().startsWith("dataset.records[1]: field 'text' is required"), e.getMessage());
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        return i;
    }
}
