package dev.redline.api.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects violations while rules run; rules add, the caller reads. */
public final class Violations {
    private final List<Violation> items = new ArrayList<>();

    public void add(String path, String message) {
        items.add(new Violation(path, message));
    }

    public boolean isEmpty() { return items.isEmpty(); }

    /** Whether a violation was already added for exactly this path. */
    public boolean has(String path) {
        return items.stream().anyMatch(v -> v.path().equals(path));
    }

    public List<Violation> list() { return List.copyOf(items); }
}
