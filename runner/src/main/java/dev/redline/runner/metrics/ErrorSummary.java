package dev.redline.runner.metrics;

import dev.redline.runner.record.ErrorInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts errors by (code, type), keeping the first message of each group. */
public final class ErrorSummary {
    private record Key(int code, String type) {}

    private static final class Group {
        final String message;
        long count;

        Group(String message) { this.message = message; }
    }

    private final Map<Key, Group> groups = new LinkedHashMap<>();

    public void add(ErrorInfo e) { add(e.code(), e.type(), e.message(), 1); }

    /** Adds a group of errors, e.g. from another runner's summary. */
    public void add(ErrorSummaryEntry e) { add(e.code(), e.type(), e.message(), e.count()); }

    private void add(int code, String type, String message, long n) {
        groups.computeIfAbsent(new Key(code, type), k -> new Group(message)).count += n;
    }

    public void merge(ErrorSummary other) {
        other.groups.forEach((k, g) -> add(k.code, k.type, g.message, g.count));
    }

    /** Entries sorted by count (descending), then code. */
    public List<ErrorSummaryEntry> entries() {
        List<ErrorSummaryEntry> list = new ArrayList<>();
        groups.forEach((k, g) -> list.add(new ErrorSummaryEntry(k.code, k.type, g.message, g.count)));
        list.sort(Comparator.comparingLong(ErrorSummaryEntry::count).reversed()
                .thenComparingInt(ErrorSummaryEntry::code));
        return List.copyOf(list);
    }
}
