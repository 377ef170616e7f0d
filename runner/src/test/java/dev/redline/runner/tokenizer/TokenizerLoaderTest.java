package dev.redline.runner.tokenizer;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenizerLoaderTest {
    @TempDir Path tmp;
    private HttpServer hub;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopHub() {
        if (hub != null) hub.stop(0);
    }

    private TokenizerLoader loader(boolean offline) {
        URI endpoint = hub == null ? URI.create("http://127.0.0.1:9") : URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
        return new TokenizerLoader(tmp.resolve("cache"), endpoint, offline, null);
    }

    /** A loopback stand-in for the hub serving the Qwen3 tokenizer.json for one model id and revision. */
    private void startHub(String modelId, String revision) throws IOException {
        byte[] body = Files.readAllBytes(TestTokenizers.qwenPath());
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/", ex -> {
            requests.add(ex.getRequestURI().getPath());
            boolean ok = ex.getRequestURI().getPath().equals("/" + modelId + "/resolve/" + revision + "/tokenizer.json");
            ex.sendResponseHeaders(ok ? 200 : 404, ok ? body.length : -1);
            if (ok) try (OutputStream out = ex.getResponseBody()) { out.write(body); }
            ex.close();
        });
        hub.start();
    }

    @Test
    void builtinAndPlaceholderModelNamesSelectO200k() {
        for (String name : List.of("builtin", "BUILTIN", "mock-model", "my_mock_llm", "test-model", "mock", "fake-llama")) {
            Tokenizer t = loader(true).resolve(name, null);
            assertInstanceOf(BuiltinTokenizer.class, t, name);
            assertEquals("builtin", t.name());
        }
    }

    @Test
    void loadsATokenizerJsonFileAndItsDirectory() {
        Path file = TestTokenizers.qwenPath();
        Tokenizer fromFile = loader(true).resolve(file.toString(), null);
        Tokenizer fromDir = loader(true).resolve(file.getParent().toString(), null);
        assertArrayEquals(new int[]{9707, 11, 1879, 0}, fromFile.encode("Hello, world!"));
        assertArrayEquals(fromFile.encode("Shall I compare thee"), fromDir.encode("Shall I compare thee"));
        assertEquals(file.getParent().toString(), fromDir.name());
    }

    @Test
    void directoryWithoutTokenizerJsonSaysSo() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty-model"));
        TokenizerNotFoundException e = assertThrows(TokenizerNotFoundException.class,
                () -> loader(true).resolve(dir.toString(), null));
        assertTrue(e.getMessage().contains(dir.toAbsolutePath() + " has no tokenizer.json"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void missingPathSaysWhereItLooked() {
        Path missing = tmp.resolve("nope/tokenizer.json");
        TokenizerNotFoundException e = assertThrows(TokenizerNotFoundException.class,
                () -> loader(true).resolve(missing.toString(), null));
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("--tokenizer"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void unparsableTokenizerJsonIsALoadError() throws IOException {
        Path bad = Files.writeString(tmp.resolve("tokenizer.json"), "{not json");
        TokenizerLoadException e = assertThrows(TokenizerLoadException.class, () -> loader(true).resolve(bad.toString(), null));
        assertTrue(e.getMessage().startsWith("cannot read tokenizer " + bad), e.getMessage());
    }

    @Test
    void hubModelIsDownloadedOnceThenReadOfflineFromTheCache() throws IOException {
        startHub("acme/tiny-qwen", "v1");
        Tokenizer first = loader(false).resolve("acme/tiny-qwen", "v1");
        assertEquals("acme/tiny-qwen", first.name());
        assertArrayEquals(new int[]{9707, 11, 1879, 0}, first.encode("Hello, world!"));
        assertEquals(List.of("/acme/tiny-qwen/resolve/v1/tokenizer.json"), requests);
        assertTrue(Files.isRegularFile(tmp.resolve("cache/acme/tiny-qwen/v1/tokenizer.json")));

        hub.stop(0);
        hub = null;
        Tokenizer again = loader(true).resolve("acme/tiny-qwen", "v1");
        assertArrayEquals(first.encode("Shall I compare thee"), again.encode("Shall I compare thee"));
        assertEquals(1, requests.size(), "the cached file must be reused without a download");
    }

    @Test
    void unknownHubModelSaysWhereItLooked() throws IOException {
        startHub("acme/tiny-qwen", "main");
        TokenizerNotFoundException e = assertThrows(TokenizerNotFoundException.class,
                () -> loader(false).resolve("acme/other", null));
        String m = e.getMessage();
        assertTrue(m.contains("HTTP 404"), m);
        assertTrue(m.contains(tmp.resolve("cache/acme/other/main/tokenizer.json").toString()), m);
        assertTrue(m.contains("/acme/other/resolve/main/tokenizer.json"), m);
        assertFalse(Files.exists(tmp.resolve("cache/acme/other/main/tokenizer.json")));
    }

    @Test
    void offlineWithoutCacheSaysWhichFileToPlaceWhere() {
        TokenizerNotFoundException e = assertThrows(TokenizerNotFoundException.class,
                () -> loader(true).resolve("Qwen/Qwen3-0.6B", null));
        String m = e.getMessage();
        assertTrue(m.contains("place tokenizer.json at " + tmp.resolve("cache/Qwen/Qwen3-0.6B/main/tokenizer.json")), m);
        assertTrue(m.contains("offline"), m);
        assertFalse(m.contains("\n"));
    }

    @Test
    void unreachableHubIsANotFoundErrorNamingTheCache() {
        TokenizerNotFoundException e = assertThrows(TokenizerNotFoundException.class,
                () -> loader(false).resolve("Qwen/Qwen3-0.6B", "main"));
        assertTrue(e.getMessage().contains("download failed"), e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("cache").toString()), e.getMessage());
    }
}
