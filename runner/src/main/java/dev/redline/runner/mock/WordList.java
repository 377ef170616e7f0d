package dev.redline.runner.mock;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The words the mock generates, one word per token event, each sent with a leading space.
 * Every entry (" " + word) is exactly one token in both the Qwen3 tokenizer and tiktoken o200k_base, and
 * all are lower-case ASCII letters, so both pre-tokenizers split a run of them at the spaces: a client
 * that re-tokenizes N concatenated events counts exactly N tokens (WordListTokenizerTest proves it).
 */
public final class WordList {
    /** Words of normal content. */
    public static final List<String> CONTENT = List.of(
        "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on",
        "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they",
        "you", "were", "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more",
        "when", "will", "would", "who", "so", "no", "out", "up", "into", "do", "time", "only", "new", "some",
        "could", "them", "than", "first", "may", "other", "its", "these", "two", "then", "any", "about",
        "over", "such", "our", "what", "years", "most", "like", "see", "made", "well", "way", "world",
        "after", "back", "being", "also", "just", "use", "where", "many", "much", "good", "know", "people",
        "because", "through", "life", "each", "those", "how", "long", "very", "work", "state", "down",
        "great", "even", "own", "year", "still", "last", "here", "both", "high", "old", "must", "day",
        "part", "same", "another", "during", "man", "city", "while", "off", "without", "before", "three",
        "under", "again", "against", "place", "next", "small", "end", "never", "area", "right", "since",
        "less", "large", "power", "often", "group", "water", "number", "school", "family", "few", "country",
        "public", "order", "river", "house", "point", "music", "field", "game", "war", "history", "home",
        "form", "light", "level", "line", "local", "name", "early", "case", "side", "film", "example");

    /** Words of reasoning content. */
    public static final List<String> REASONING = List.of(
        "let", "me", "think", "about", "this", "first", "consider", "the", "question", "carefully", "step",
        "then", "check", "each", "part", "again", "so", "we", "need", "to", "find", "what", "is", "asked",
        "and", "compare", "it", "with", "known", "facts", "means", "answer", "should", "be", "clear", "now",
        "verify", "result", "before", "writing", "final", "reply", "because", "small", "errors", "matter",
        "maybe", "look", "at", "another", "way", "here", "one", "idea", "seems", "right", "but", "wait",
        "recall", "that", "given", "data", "suggests", "simple", "plan", "works");

    private final byte[][] tokens;

    private WordList(List<String> words) {
        tokens = new byte[words.size()][];
        for (int i = 0; i < tokens.length; i++) tokens[i] = (" " + words.get(i)).getBytes(StandardCharsets.US_ASCII);
    }

    static final WordList CONTENT_TOKENS = new WordList(CONTENT);
    static final WordList REASONING_TOKENS = new WordList(REASONING);

    /** UTF-8 bytes of token {@code i} of a text that starts at {@code offset} (leading space included). */
    byte[] token(long offset, int i) {
        return tokens[(int) Math.floorMod(offset + i, (long) tokens.length)];
    }

    /** The text of {@code count} tokens starting at {@code offset}, as concatenated by a client. */
    String text(long offset, int count) {
        StringBuilder b = new StringBuilder(count * 7);
        for (int i = 0; i < count; i++) b.append(new String(token(offset, i), StandardCharsets.US_ASCII));
        return b.toString();
    }
}
