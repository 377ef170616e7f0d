package dev.redline.api.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects violations while rules run; rules add, the caller reads. */
public final class Violations {
    private final List<Violation> items = new ArrayList<>();
    /** The paths already reported: {@link #has} is asked for every field of a spec, lists of 100 000 items included. */
    private final Set<String> paths = new HashSet<>();

    public void add(String path, String message) {
        items.add(new Violation(path, message));
        paths.add(path);
    }

    public boolean isEmpty() { return items.isEmpty(); }

    /** Whether a violation was already added for exactly this path. */
    public boolean has(String path) {
        return paths.contains(path);
    }

    public List<Violation> list() { return List.copyOf(items); }
}
