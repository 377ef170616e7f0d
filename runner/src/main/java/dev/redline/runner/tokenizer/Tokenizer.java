package dev.redline.runner.tokenizer;

/**
 * Counts and produces tokens exactly as the model's tokenizer does, without special tokens and
 * without truncation. Implementations are thread-safe; encode off the event loops.
 */
public interface Tokenizer {
    /** Token ids of {@code text}, no special tokens added, never truncated. */
    int[] encode(String text);

    /** Text of the ids, special tokens kept (so a re-encode sees the same ids where the tokenizer allows). */
    String decode(int[] ids);

    default int count(String text) {
        return text == null || text.isEmpty() ? 0 : encode(text).length;
    }

    /** What was loaded, for reports: a model id, a path, or "builtin". */
    String name();
}
