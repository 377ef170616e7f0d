package dev.redline.runner.output;

/** An upload that failed, with a one-line message naming the setting to check. */
public final class ObjectStoreException extends RuntimeException {
    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
