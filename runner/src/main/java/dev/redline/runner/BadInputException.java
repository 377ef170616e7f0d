package dev.redline.runner;

/**
 * Input the user can fix (a flag, a file, a path, an unreachable server). The CLI prints the message as
 * one line and exits with code 2, without a stack trace; the message names the field or flag and the fix.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
