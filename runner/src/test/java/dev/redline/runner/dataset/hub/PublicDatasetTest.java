package dev.redline.runner.dataset.hub;

import com.sun.net.httpserver.HttpServer;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Fixtures;
import dev.redline.runner.dataset.SampledDataset;
import dev.redline.runner.dataset.Turn;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicDatasetTest {
    @TempDir Path tmp;
    private HttpServer hub;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Tokenizer tok = new BuiltinTokenizer();

    @AfterEach
    void stop() {
        if (hub != null) hub.stop(0);
    }

    /** A loopback hub: the ShareGPT file at its resolve URL, and the InstructCoder fixture through the rows API. */
    private URI startHub() throws IOException {
        byte[] sharegpt = Files.readAllBytes(Fixtures.path("sharegpt.json"));
        List<String> coderRows = Files.readAllLines(Fixtures.path("instruct_coder.jsonl")).stream().filter(l -> !l.isBlank()).toList();
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getQuery();
            requests.add(path + (query == null ? "" : "?" + query));
            byte[] body = null;
            if (path.equals("/datasets/anon8231489123/ShareGPT_Vicuna_unfiltered/resolve/main/ShareGPT_V3_unfiltered_cleaned_split.json")) {
                body = sharegpt;
            } else if (path.equals("/rows") && query.contains("dataset=likaixin/InstructCoder")) {
                int offset = Integer.parseInt(query.replaceAll(".*offset=(\\d+).*", "$1"));
                StringBuilder sb = new StringBuilder("{\"rows\": [");
                for (int i = offset; i < coderRows.size(); i++) {
                    if (i > offset) sb.append(',');
                    sb.append("{\"row_idx\": ").append(i).append(", \"row\": ").append(coderRows.get(i)).append('}');
                }
                body = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            }
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) try (OutputStream out = ex.getResponseBody()) { out.write(body); }
            ex.close();
        });
        hub.start();
        return URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
    }

    private HubDatasetCache cache(URI endpoint, boolean offline) {
        return new HubDatasetCache(tmp.resolve("cache"), endpoint, endpoint, offline, null);
    }

    private static BenchmarkSpec spec(String name) {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setRandomSeed(1L);
        spec.dataset().setPublicDataset(name);
        return spec;
    }

    @Test
    void shareGptIsDownloadedOnceFilteredAndReadFromTheCacheOffline() throws IOException {
        URI endpoint = startHub();
        SampledDataset d = DatasetFactory.build(spec("sharegpt"), tok, cache(endpoint, false));
        assertEquals("public:sharegpt", d.source());
        List<Conversation> c = d.conversations();
        assertEquals(List.of("keep-1", "keep-2"), c.stream().map(Conversation::id).toList(), "too short, single-message and too long entries are dropped");
        assertEquals(2, c.get(0).turns().size(), "each human/gpt pair is a turn");
        Turn first = c.get(0).turns().get(0);
        assertEquals(tok.count("The sea rolls in with silver light, and waves embrace the shore at night."), first.maxTokens());
        assertEquals(tok.count(first.texts().get(0)), first.inputTokens());
        assertEquals(1, requests.size());
        Path snapshot = tmp.resolve("cache/datasets--anon8231489123--ShareGPT_Vicuna_unfiltered");
        assertTrue(Files.isRegularFile(snapshot.resolve("snapshots/main/ShareGPT_V3_unfiltered_cleaned_split.json")),
                "downloaded into the Hugging Face hub cache layout");
        assertEquals("main", Files.readString(snapshot.resolve("refs/main")));

        SampledDataset again = DatasetFactory.build(spec("sharegpt"), tok, cache(URI.create("http://127.0.0.1:9"), true));
        assertEquals(c, again.conversations());
        assertEquals(1, requests.size(), "no second download");
    }

    @Test
    void instructCoderComesThroughTheRowsApi() throws IOException {
        URI endpoint = startHub();
        List<Conversation> c = DatasetFactory.build(spec("instruct_coder"), tok, cache(endpoint, false)).conversations();
        assertEquals(3, c.size());
        assertEquals(List.of("Add type hints to the function."), c.get(0).turns().get(0).texts());
        assertTrue(requests.get(0).startsWith("/rows?dataset=likaixin/InstructCoder&config=default&split=train&offset=0&length=100"), requests.toString());
    }

    @Test
    void aLocalCopyIsReadWithoutTheHub() {
        BenchmarkSpec spec = spec("instruct_coder");
        spec.dataset().setInputFile(Fixtures.path("instruct_coder.jsonl").toString());
        spec.dataset().setEntries(2);
        List<Conversation> c = DatasetFactory.build(spec, tok, cache(URI.create("http://127.0.0.1:9"), true)).conversations();
        assertEquals(2, c.size(), "reading stops at --num-dataset-entries");
        assertEquals(List.of("Rename variable x to count."), c.get(1).turns().get(0).texts());
    }

    @Test
    void offlineWithoutCacheSaysWhichFileToPlaceWhere() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetFactory.build(spec("sharegpt"), tok, cache(URI.create("http://127.0.0.1:9"), true)));
        Path expected = tmp.resolve("cache/datasets--anon8231489123--ShareGPT_Vicuna_unfiltered/snapshots/main/ShareGPT_V3_unfiltered_cleaned_split.json");
        assertEquals("public dataset 'sharegpt' is not in the Hugging Face cache and HF_HUB_OFFLINE is set; place"
                + " ShareGPT_V3_unfiltered_cleaned_split.json at " + expected + " or pass --public-dataset-path <your copy>", e.getMessage());
    }

    @Test
    void unreachableHubSaysTheSame() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetFactory.build(spec("sharegpt"), tok, cache(URI.create("http://127.0.0.1:9"), false)));
        assertTrue(e.getMessage().contains("could not be downloaded"), e.getMessage());
        assertTrue(e.getMessage().contains("place ShareGPT_V3_unfiltered_cleaned_split.json at "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(tmp.resolve("cache/datasets--anon8231489123--ShareGPT_Vicuna_unfiltered/snapshots/main/ShareGPT_V3_unfiltered_cleaned_split.json")));
    }

    @Test
    void aFileAnHfToolPutInTheCacheIsReadOffline() throws IOException {
        // huggingface_hub's layout: refs/main names the snapshot that holds the file
        Path repo = tmp.resolve("cache/datasets--anon8231489123--ShareGPT_Vicuna_unfiltered");
        Files.createDirectories(repo.resolve("snapshots/0f2e9b1c/"));
        Files.copy(Fixtures.path("sharegpt.json"), repo.resolve("snapshots/0f2e9b1c/ShareGPT_V3_unfiltered_cleaned_split.json"));
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), "0f2e9b1c");
        List<Conversation> c = DatasetFactory.build(spec("sharegpt"), tok, cache(URI.create("http://127.0.0.1:9"), true)).conversations();
        assertEquals(List.of("keep-1", "keep-2"), c.stream().map(Conversation::id).toList());
    }

    @Test
    void theHubCacheFollowsHfHubCacheThenHfHome() {
        assertEquals(Path.of("/x/hub-cache"), HubDatasetCache.hubCacheDir(java.util.Map.of("HF_HUB_CACHE", "/x/hub-cache", "HF_HOME", "/y")::get, "/home/u"));
        assertEquals(Path.of("/y/hub"), HubDatasetCache.hubCacheDir(java.util.Map.of("HF_HOME", "/y")::get, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/huggingface/hub"), HubDatasetCache.hubCacheDir(k -> null, "/home/u"));
    }

    @Test
    void publicDatasetPathIsReadAndAMissingOneSaysWhere() {
        BenchmarkSpec spec = spec("sharegpt");
        spec.dataset().setPublicDatasetPath(Fixtures.path("sharegpt.json").toString());
        assertEquals(2, DatasetFactory.build(spec, tok, cache(URI.create("http://127.0.0.1:9"), true)).conversations().size());
        spec.dataset().setPublicDatasetPath(tmp.resolve("nope.json").toString());
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetFactory.build(spec, tok, cache(URI.create("http://127.0.0.1:9"), true)));
        assertEquals("public dataset 'sharegpt': " + tmp.resolve("nope.json").toAbsolutePath()
                + " not found (--public-dataset-path); give the path of your ShareGPT_V3_unfiltered_cleaned_split.json", e.getMessage());
    }

    @Test
    void unknownPublicDatasetListsTheChoices() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> PublicDataset.parse("sharegtp"));
        assertEquals("unknown public dataset 'sharegtp' (--public-dataset); use one of sharegpt, instruct_coder, aimo, aimo_aime,"
                + " aimo_numina_cot, aimo_numina_1_5, spec_al_gsm8k, spec_al_math500, spec_al_humaneval, spec_al_mbpp, spec_al_mtbench,"
                + " blazedit_5k, blazedit_10k, spec_bench, mmstar", e.getMessage());
    }
}
