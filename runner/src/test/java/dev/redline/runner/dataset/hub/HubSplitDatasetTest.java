package dev.redline.runner.dataset.hub;

import com.sun.net.httpserver.HttpServer;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.validate.PublicDatasetNames;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.dataset.file.DatasetPlugins;
import dev.redline.runner.tokenizer.BuiltinTokenizer;
import dev.redline.runner.tokenizer.Tokenizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table-driven Hugging Face sets (AIPerf's instruction/response, MT-Bench, SpecBench and Blazedit loaders): a
 * split's real Parquet shards found in the hub cache layout by split and subset, JSON/JSONL copies, the rows API when
 * nothing is cached, and the one-line errors.
 */
class HubSplitDatasetTest {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");
    @TempDir Path tmp;
    private final Tokenizer tok = new BuiltinTokenizer();
    private HttpServer hub;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (hub != null) hub.stop(0);
    }

    private HubDatasetCache cache(URI endpoint, boolean offline) {
        return new HubDatasetCache(tmp.resolve("hub"), endpoint, endpoint, offline, null);
    }

    private static BenchmarkSpec spec(String name) {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setRandomSeed(1L);
        spec.dataset().setPublicDataset(name);
        return spec;
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static List<String> prompts(List<Conversation> c) {
        return c.stream().map(x -> x.turns().get(0).texts().get(0)).sorted().toList();
    }

    /** huggingface-cli's layout for openai/gsm8k: refs/main names the snapshot; configs are folders. */
    private Path gsm8kSnapshot() throws IOException {
        Path repo = tmp.resolve("hub/datasets--openai--gsm8k");
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), "e53f048856ff4f594e959d75785d2c2d37b678ee");
        Path snap = repo.resolve("snapshots/e53f048856ff4f594e959d75785d2c2d37b678ee");
        List<String> cols = List.of("question", "answer");
        ParquetFixture.write(snap.resolve("main/test-00000-of-00001.parquet"), cols, List.of(),
                List.of(row("question", "Janet has 3 apples and buys 2 more. How many?", "answer", "5"),
                        row("question", "   ", "answer", "skipped: blank prompt"),
                        row("question", "A train goes 60 km in 1 hour. How far in 3 hours?", "answer", "180")));
        ParquetFixture.write(snap.resolve("main/train-00000-of-00001.parquet"), cols, List.of(),
                List.of(row("question", "TRAIN SPLIT, not read", "answer", "x")));
        ParquetFixture.write(snap.resolve("socratic/test-00000-of-00001.parquet"), cols, List.of(),
                List.of(row("question", "SOCRATIC SUBSET, only with --hf-subset socratic", "answer", "x")));
        return snap;
    }

    @Test
    void gsm8kReadsTheMainSubsetsTestSplitFromParquetInTheHubCacheOffline() throws IOException {
        gsm8kSnapshot();
        BenchmarkSpec spec = spec("spec_al_gsm8k");
        dev.redline.api.v1alpha1.PromptSpec prompts = new dev.redline.api.v1alpha1.PromptSpec();
        prompts.setOsl(dev.redline.api.v1alpha1.LengthSpec.ofMean(7));
        spec.dataset().setPrompts(prompts);
        List<Conversation> c = DatasetFactory.build(spec, tok, cache(NOWHERE, true)).conversations();
        assertEquals(List.of("A train goes 60 km in 1 hour. How far in 3 hours?", "Janet has 3 apples and buys 2 more. How many?"),
                prompts(c), "the main/test rows, the blank one skipped; not train, not socratic");
        for (Conversation x : c) {
            Turn t = x.turns().get(0);
            assertEquals(1, x.turns().size());
            assertEquals(7, t.maxTokens(), "max_tokens from --osl");
            assertEquals(tok.count(t.texts().get(0)), t.inputTokens());
        }
        spec.dataset().setHfSubset("socratic");
        assertEquals(List.of("SOCRATIC SUBSET, only with --hf-subset socratic"),
                prompts(DatasetFactory.build(spec, tok, cache(NOWHERE, true)).conversations()), "--hf-subset picks the config's folder");
    }

    @Test
    void theParquetConversionBranchLayoutIsReadToo() throws IOException {
        // refs/convert/parquet: <config>/<split>/0000.parquet, its snapshot named by commit, ref nested under refs/
        Path repo = tmp.resolve("hub/datasets--AI-MO--NuminaMath-TIR");
        Files.createDirectories(repo.resolve("refs/refs/convert"));
        Files.writeString(repo.resolve("refs/refs/convert/parquet"), "0b1c2d");
        ParquetFixture.write(repo.resolve("snapshots/0b1c2d/default/train/0000.parquet"), List.of("problem", "solution"), List.of(),
                List.of(row("problem", "Find x if 2x = 10.", "solution", "5"), row("problem", "Sum 1..10.", "solution", "55")));
        ParquetFixture.write(repo.resolve("snapshots/0b1c2d/default/train/0001.parquet"), List.of("problem", "solution"), List.of(),
                List.of(row("problem", "Is 7 prime?", "solution", "yes")));
        ParquetFixture.write(repo.resolve("snapshots/0b1c2d/default/test/0000.parquet"), List.of("problem", "solution"), List.of(),
                List.of(row("problem", "TEST SPLIT, not read", "solution", "")));
        List<Conversation> c = DatasetFactory.build(spec("aimo"), tok, cache(NOWHERE, true)).conversations();
        assertEquals(List.of("Find x if 2x = 10.", "Is 7 prime?", "Sum 1..10."), prompts(c), "both train shards, not test");
        BenchmarkSpec two = spec("aimo");
        two.dataset().setEntries(2);
        assertEquals(2, DatasetFactory.build(two, tok, cache(NOWHERE, true)).conversations().size(), "reading stops at --num-dataset-entries");
    }

    @Test
    void mtBenchRowsAreTwoTurnSessions() throws IOException {
        Path file = ParquetFixture.write(tmp.resolve("mt.parquet"), List.of("category", "prompt_id"), List.of("prompt"),
                List.of(row("category", "writing", "prompt_id", "81", "prompt", List.of("Write a travel blog post about Hawaii.", " Now rewrite it in one sentence. ")),
                        row("category", "math", "prompt_id", "82", "prompt", List.of())));
        BenchmarkSpec spec = spec("spec_al_mtbench");
        spec.dataset().setPublicDatasetPath(file.toString());
        List<Conversation> c = DatasetFactory.build(spec, tok, cache(NOWHERE, true)).conversations();
        assertEquals(1, c.size(), "the row with no turns is skipped");
        assertEquals(List.of(List.of("Write a travel blog post about Hawaii."), List.of("Now rewrite it in one sentence.")),
                c.get(0).turns().stream().map(Turn::texts).toList(), "each user turn, stripped, in order");
    }

    @Test
    void specBenchTakesEachQuestionsFirstTurnFromAJsonlCopy() throws IOException {
        Path file = Files.writeString(tmp.resolve("question.jsonl"), """
                {"question_id": 81, "category": "writing", "turns": ["Compose an engaging travel blog post.", "Rewrite your previous response."]}
                {"question_id": 82, "category": "qa", "turns": []}
                {"question_id": 83, "category": "math_reasoning", "turns": ["  What is 17 * 23?  "]}
                """);
        BenchmarkSpec spec = spec("spec_bench");
        spec.dataset().setPublicDatasetPath(file.toString());
        List<Conversation> c = DatasetFactory.build(spec, tok, cache(NOWHERE, true)).conversations();
        assertEquals(List.of("Compose an engaging travel blog post.", "What is 17 * 23?"), prompts(c));
        assertTrue(c.stream().allMatch(x -> x.turns().size() == 1), "single-turn");
    }

    @Test
    void blazeditFillsAIPerfsTemplateFromAJsonArrayCopy() throws IOException {
        Path file = Files.writeString(tmp.resolve("edit.json"), """
                [{"code": "def f(x):\\n    return x", "change_request": "Add a {docstring}.", "new_code": "ignored"}]
                """);
        BenchmarkSpec spec = spec("blazedit_5k");
        spec.dataset().setPublicDatasetPath(file.toString());
        String prompt = DatasetFactory.build(spec, tok, cache(NOWHERE, true)).conversations().get(0).turns().get(0).texts().get(0);
        assertEquals("Given a code file, please apply the change requests and generate the new file.\n\nOriginal file:\n```python\n"
                + "def f(x):\n    return x\n```\n\nChange request:\nAdd a {docstring}.\n\nPlease generate the new code file in the"
                + " \"New file\" section below.", prompt, "braces inside a value are kept as Python's format keeps them");
    }

    @Test
    void aDirectoryOfShardsIsACopyToo() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("humaneval"));
        ParquetFixture.write(dir.resolve("test-00000-of-00001.parquet"), List.of("task_id", "prompt"), List.of(),
                List.of(row("task_id", "HumanEval/0", "prompt", "def has_close_elements(numbers, threshold):\n")));
        BenchmarkSpec spec = spec("spec_al_humaneval");
        spec.dataset().setPublicDatasetPath(dir.toString());
        assertEquals(List.of("def has_close_elements(numbers, threshold):\n"),
                prompts(DatasetFactory.build(spec, tok, cache(NOWHERE, true)).conversations()), "the prompt is sent as is (not stripped)");
    }

    @Test
    void aMissingColumnNamesTheColumnsThereAre() throws IOException {
        Path file = Files.writeString(tmp.resolve("wrong.jsonl"), "{\"question\": \"q\", \"answer\": \"a\"}\n");
        BenchmarkSpec spec = spec("spec_al_math500");
        spec.dataset().setPublicDatasetPath(file.toString());
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetFactory.build(spec, tok, cache(NOWHERE, true)));
        assertEquals(file + ": column 'problem' not found in public dataset 'spec_al_math500' (HuggingFaceH4/MATH-500); its columns are"
                + " [question, answer]; give a copy of the test split", e.getMessage());
    }

    @Test
    void offlineWithNothingCachedSaysWhereTheSplitGoes() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetFactory.build(spec("spec_al_mbpp"), tok, cache(NOWHERE, true)));
        Path repo = tmp.resolve("hub/datasets--google-research-datasets--mbpp");
        assertEquals("public dataset 'spec_al_mbpp' is not in the Hugging Face cache and HF_HUB_OFFLINE is set; put the test split's"
                + " files (Parquet, JSON or JSONL rows with 'text') under " + repo.resolve("snapshots") + "/<revision>/ (huggingface-cli"
                + " download --repo-type dataset google-research-datasets/mbpp) or at " + repo.resolve("redline/full/test.jsonl")
                + ", or pass --public-dataset-path <your copy>", e.getMessage());
    }

    @Test
    void withNothingCachedTheSplitComesThroughTheRowsApiWithItsConfigAndSplit() throws IOException {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/", ex -> {
            requests.add(ex.getRequestURI().getPath() + "?" + ex.getRequestURI().getQuery());
            byte[] body = ("{\"rows\": [{\"row_idx\": 0, \"row\": {\"text\": \"Write a function to find the shared elements.\", \"task_id\": 2}},"
                    + " {\"row_idx\": 1, \"row\": {\"text\": \"Write a python function to identify non-prime numbers.\", \"task_id\": 3}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) { out.write(body); }
        });
        hub.start();
        URI endpoint = URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
        List<Conversation> c = DatasetFactory.build(spec("spec_al_mbpp"), tok, cache(endpoint, false)).conversations();
        assertEquals(List.of("Write a function to find the shared elements.", "Write a python function to identify non-prime numbers."), prompts(c));
        assertEquals(List.of("/rows?dataset=google-research-datasets/mbpp&config=full&split=test&offset=0&length=100"), requests);
        assertTrue(Files.isRegularFile(tmp.resolve("hub/datasets--google-research-datasets--mbpp/redline/full/test.jsonl")));
        assertEquals(2, DatasetFactory.build(spec("spec_al_mbpp"), tok, cache(NOWHERE, true)).conversations().size(), "then read offline");
        assertEquals(1, requests.size());
    }

    static byte[] png(int w, int h) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void mmstarSendsEachQuestionWithItsImageFromTheSplitItsDatasetCardNames() throws IOException {
        Path snap = tmp.resolve("hub/datasets--Lin-Chen--MMStar/snapshots/c1");
        byte[] image = png(5, 3);
        ParquetFixture.write(snap.resolve("mmstar.parquet"), List.of("question", "answer"), List.of(), List.of("image"),
                List.of(row("question", "Which animal is shown? A: cat B: dog", "answer", "A", "image", image),
                        row("question", "What colour is the sky? A: red B: blue", "answer", "B", "image", new byte[] {1, 2, 3})));
        Files.writeString(snap.resolve("README.md"), """
                ---
                configs:
                - config_name: val
                  data_files:
                  - split: val
                    path: mmstar.parquet
                ---
                # MMStar
                """);
        List<Conversation> c = DatasetFactory.build(spec("mmstar"), tok, cache(NOWHERE, true)).conversations();
        assertEquals(2, c.size(), "mmstar.parquet is the val split because the card says so");
        Turn first = c.stream().filter(x -> x.turns().get(0).texts().get(0).startsWith("Which")).findFirst().orElseThrow().turns().get(0);
        assertEquals(List.of("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(image)), first.media().images());
        Turn second = c.stream().filter(x -> x.turns().get(0).texts().get(0).startsWith("What")).findFirst().orElseThrow().turns().get(0);
        assertTrue(second.media().images().isEmpty(), "bytes that are no image: the question goes as text, as AIPerf skips it");
    }

    @Test
    void agenticAndMediaNamesAreRefusedWithTheReason() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> PublicDataset.parse("semianalysis_cc_traces_weka_062126"));
        assertTrue(e.getMessage().startsWith("public dataset 'semianalysis_cc_traces_weka_062126' (--public-dataset) is not supported:"
                + " it replays recorded agentic traces"), e.getMessage());
        e = assertThrows(DatasetFormatException.class, () -> PublicDataset.parse("librispeech"));
        assertTrue(e.getMessage().contains("video, audio or multi-message conversations"), e.getMessage());
        e = assertThrows(DatasetFormatException.class, () -> PublicDataset.parse("gsm8k"));
        assertTrue(e.getMessage().startsWith("unknown public dataset 'gsm8k' (--public-dataset); use one of sharegpt, instruct_coder, aimo,"), e.getMessage());
    }

    private static String description(String name) {
        return DatasetPlugins.DATASETS.plugins().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().description();
    }

    @Test
    void theRegistryTheCodeDispatchesOnHoldsEveryNameTheValidatorAccepts() {
        assertEquals(PublicDatasetNames.SUPPORTED, Arrays.stream(PublicDataset.values()).map(PublicDataset::wireName).toList());
        for (String name : PublicDatasetNames.SUPPORTED) {
            assertEquals(name, DatasetPlugins.publicDataset(name).wireName());
            assertTrue(description(name).startsWith("public dataset (--public-dataset): "), name);
        }
        assertEquals("public dataset (--public-dataset): GSM8K grade-school math (1319); openai/gsm8k, subset main, test split, column question",
                description("spec_al_gsm8k"));
    }
}
