package dev.redline.runner.tokenizer;

/** No tokenizer.json was found for a name; the message says where Redline looked and what to do. */
public class TokenizerNotFoundException extends TokenizerLoadException {
    public TokenizerNotFoundException(String message) {
        super(message);
    }

    public TokenizerNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
