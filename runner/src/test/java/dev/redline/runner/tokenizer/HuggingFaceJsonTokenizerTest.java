package dev.redline.runner.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HuggingFaceJsonTokenizerTest {
    private final Tokenizer qwen = TestTokenizers.qwen();

    @Test
    void encodesWithoutSpecialTokens() {
        // Qwen3 ids for this text; with special tokens added there would be more (and different) ids
        assertArrayEquals(new int[]{9707, 11, 1879, 0}, qwen.encode("Hello, world!"));
        assertEquals("Hello, world!", qwen.decode(qwen.encode("Hello, world!")));
    }

    @Test
    void neverTruncatesAt512Tokens() {
        String text = IntStream.range(0, 3000).mapToObj(i -> "word" + (i % 7)).collect(Collectors.joining(" "));
        int[] ids = qwen.encode(text);
        assertTrue(ids.length > 3000, "got " + ids.length + " ids, expected well over 512");
        assertEquals(text, qwen.decode(ids));
    }

    @Test
    void concurrentEncodesGiveTheSameIdsAsSequentialOnes() {
        List<String> texts = IntStream.range(0, 64)
                .mapToObj(i -> "Shall I compare thee to a summer's day, number " + i + "? " + "x".repeat(i))
                .toList();
        List<int[]> sequential = texts.stream().map(qwen::encode).toList();
        List<int[]> parallel = texts.parallelStream().map(qwen::encode).toList();
        for (int i = 0; i < texts.size(); i++) assertArrayEquals(sequential.get(i), parallel.get(i));
    }

    @Test
    void builtinIsO200kWithoutSpecialTokens() {
        Tokenizer builtin = new BuiltinTokenizer();
        // o200k_base: "Hello, world!" -> Hello , world !
        assertArrayEquals(new int[]{13225, 11, 2375, 0}, builtin.encode("Hello, world!"));
        // special-token text is plain text, never the single special id
        assertTrue(builtin.encode("<|endoftext|>").length > 1);
        assertEquals("<|endoftext|>", builtin.decode(builtin.encode("<|endoftext|>")));
    }
}
