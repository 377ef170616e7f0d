package dev.redline.runner.tokenizer;

/** A tokenizer could not be loaded; the message is one line naming what was tried and the fix. */
public class TokenizerLoadException extends dev.redline.runner.BadInputException {
    public TokenizerLoadException(String message) {
        super(message);
    }

    public TokenizerLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
