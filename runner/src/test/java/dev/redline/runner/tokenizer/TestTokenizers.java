package dev.redline.runner.tokenizer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Qwen3 tokenizer.json the build fetches for tests, loaded once per JVM. */
public final class TestTokenizers {
    private static Tokenizer qwen;

    private TestTokenizers() { }

    public static Path qwenPath() {
        String p = System.getProperty("redline.test.tokenizer");
        assertNotNull(p, "system property redline.test.tokenizer is not set (run the tests through Maven)");
        Path path = Path.of(p);
        assertTrue(Files.isRegularFile(path), "test tokenizer missing at " + path);
        return path;
    }

    public static synchronized Tokenizer qwen() {
        if (qwen == null) qwen = TokenizerLoader.load(qwenPath().toString(), null);
        return qwen;
    }
}
