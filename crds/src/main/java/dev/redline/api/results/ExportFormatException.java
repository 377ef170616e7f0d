package dev.redline.api.results;

/** A results document that cannot be read as what its key promises; the message is one line naming the key. */
public final class ExportFormatException extends RuntimeException {
    public ExportFormatException(String message) {
        super(message);
    }
}
