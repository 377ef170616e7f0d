package dev.redline.api.config;

/** A spec that cannot be read or bound: the message is one line naming the source, the field and the fix. */
public class SpecException extends RuntimeException {
    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
