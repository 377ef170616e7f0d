package dev.redline.runner.tokenizer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * OpenAI's o200k_base in pure Java (JTokkit), AIPerf's {@code builtin}: for servers whose tokenizer is not
 * public. Counts are approximations for non-OpenAI models. JTokkit encodings are immutable, so this is thread-safe.
 */
public final class BuiltinTokenizer implements Tokenizer {
    public static final String NAME = "builtin";
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    @Override
    public int[] encode(String text) {
        // encodeOrdinary: special-token text like "<|endoftext|>" is encoded as plain text, as add_special_tokens=False
        return ENCODING.encodeOrdinary(text).toArray();
    }

    @Override
    public String decode(int[] ids) {
        IntArrayList list = new IntArrayList(ids.length);
        for (int id : ids) list.add(id);
        return ENCODING.decode(list);
    }

    @Override
    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    @Override
    public String name() {
        return NAME;
    }
}
