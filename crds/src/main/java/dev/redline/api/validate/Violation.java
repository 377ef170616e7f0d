package dev.redline.api.validate;

/**
 * One problem with a spec: the field path in spec terms (e.g. {@code phases[0].concurrency}) and a
 * one-line message that says what is wrong and how to fix it.
 */
public record Violation(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
