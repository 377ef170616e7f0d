package dev.redline.runner.mock.fault;

import java.util.List;

/**
 * One named parameter of a fault kind: its type decides which values are accepted, {@code fallback} is
 * used when the fault does not give it (null: none, e.g. a window without end; for a choice, the
 * choices joined by '|', the first being the default). docs/mock-server.md says what each one means.
 */
public record FaultParam(String name, Type type, String fallback) {
    public enum Type { DURATION, COUNT, STATUS_5XX, CONTENT_TYPE, CHOICE }

    /** The choices of a {@link Type#CHOICE} parameter, first = default. */
    List<String> choices() {
        return type == Type.CHOICE ? List.of(fallback.split("\\|")) : List.of();
    }

    String defaultValue() {
        return type == Type.CHOICE ? choices().get(0) : fallback;
    }

    /** The value in canonical text form; throws IllegalArgumentException naming the parameter and the fix. */
    String check(String value) {
        String v = value.trim();
        switch (type) {
            case DURATION -> {
                double d = number(v);
                if (!(d >= 0) || Double.isInfinite(d)) throw bad(v, "a finite number >= 0");
                return Double.toString(d);
            }
            case COUNT -> {
                long n = integer(v);
                if (n < 0 || n > Integer.MAX_VALUE) throw bad(v, "a whole number >= 0");
                return Long.toString(n);
            }
            case STATUS_5XX -> {
                long n = integer(v);
                if (n < 500 || n > 599) throw bad(v, "an HTTP status 500..599");
                return Long.toString(n);
            }
            case CONTENT_TYPE -> {
                if (v.isEmpty() || v.regionMatches(true, 0, "text/event-stream", 0, 17)
                        || v.regionMatches(true, 0, "application/json", 0, 16)) {
                    throw bad(v, "a content type the client does not expect, e.g. text/html");
                }
                return v;
            }
            case CHOICE -> {
                if (!choices().contains(v)) throw bad(v, "one of " + String.join(", ", choices()));
                return v;
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    private double number(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(v, "a number");
        }
    }

    private long integer(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw bad(v, "a whole number");
        }
    }

    private IllegalArgumentException bad(String v, String fix) {
        return new IllegalArgumentException(name + "=" + v + " is not valid; use " + fix);
    }
}
