package dev.redline.runner.dataset;

/** A dataset file or record the user must fix; the message is one line naming the file:line, the field and the fix. */
public class DatasetFormatException extends dev.redline.runner.BadInputException {
    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
