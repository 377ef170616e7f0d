package dev.redline.runner.mock;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proves that N generated token events re-tokenize to exactly N tokens under Qwen3 and o200k_base. */
class WordListTokenizerTest {
    private static HuggingFaceTokenizer qwen;
    private static Encoding o200k;

    @BeforeAll
    static void load() throws Exception {
        String path = System.getProperty("redline.test.tokenizer");
        assertTrue(path != null && Path.of(path).toFile().isFile(), "test tokenizer missing: " + path);
        qwen = HuggingFaceTokenizer.builder().optTokenizerPath(Path.of(path)).optTruncation(false)
                .optPadding(false).optAddSpecialTokens(false).build();
        o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    @AfterAll
    static void close() {
        qwen.close();
    }

    @Test
    void everyContentWordIsOneToken() {
        assertAllSingleTokens(WordList.CONTENT);
    }

    @Test
    void everyReasoningWordIsOneToken() {
        assertAllSingleTokens(WordList.REASONING);
    }

    @Test
    void twoHundredContentWordsAreTwoHundredTokens() {
        for (long offset : new long[] {0, 17, 123_456_789L}) {
            String text = WordList.CONTENT_TOKENS.text(offset, 200);
            assertEquals(200, qwen.encode(text).getIds().length, "Qwen3: " + text);
            assertEquals(200, o200k.countTokensOrdinary(text), "o200k: " + text);
        }
    }

    @Test
    void twoHundredReasoningWordsAreTwoHundredTokens() {
        String text = WordList.REASONING_TOKENS.text(5, 200);
        assertEquals(200, qwen.encode(text).getIds().length, "Qwen3: " + text);
        assertEquals(200, o200k.countTokensOrdinary(text), "o200k: " + text);
    }

    @Test
    void wholeListConcatenatedCountsOnePerWord() {
        for (List<String> words : List.of(WordList.CONTENT, WordList.REASONING)) {
            String text = " " + String.join(" ", words);
            assertEquals(words.size(), qwen.encode(text).getIds().length);
            assertEquals(words.size(), o200k.countTokensOrdinary(text));
        }
    }

    private static void assertAllSingleTokens(List<String> words) {
        assertTrue(words.size() >= 50, "word list too small to look like text");
        for (String word : words) {
            String token = " " + word;
            assertEquals(1, qwen.encode(token).getIds().length, "Qwen3 splits '" + token + "'");
            assertEquals(1, o200k.countTokensOrdinary(token), "o200k splits '" + token + "'");
        }
    }
}
