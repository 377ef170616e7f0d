package dev.redline.plan;

import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of an experiment: the complete benchmark to run, with its place in the experiment
 * ({@code index}, 0-based), a human-readable {@code label} and the {@code values} that differ from the
 * base (canonical dot-path to value; a scenario's override subtree when it has no flat values). This is
 * what the engine runs and what {@code run_info} reports ({@code variation_index}, {@code variation_label},
 * {@code variation_values}).
 */
public record Variation(int index, String label, Map<String, Object> values, BenchmarkSpec spec) {
    /** The label of the only variation of a run that is not a sweep (AIPerf's). */
    public static final String BASE_LABEL = "base";

    public Variation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The single variation of a plain run or multi-run. */
    public static Variation base(BenchmarkSpec spec) {
        return new Variation(0, BASE_LABEL, Map.of(), spec);
    }

    /**
     * Directory of this variation's artifacts, as AIPerf names it: {@code <name>_<value>} per parameter
     * joined by {@code __} (e.g. {@code concurrency_10__isl_512}), or the sanitised label when the values
     * are empty or nested, or {@code variation_<index>} when nothing readable is left.
     */
    public String dirName() {
        if (!values.isEmpty() && !hasNestedValues()) {
            List<String> parts = new ArrayList<>();
            values.forEach((path, value) -> parts.add(DotPath.parse(path, "variation").name() + "_" + ValueText.of(value)));
            String name = sanitise(String.join("__", parts));
            if (!name.isEmpty()) return name;
        }
        String fromLabel = sanitise(label);
        return fromLabel.isEmpty() ? "variation_" + index : fromLabel;
    }

    /** True when a value is itself a mapping or list (a scenario's override subtree). */
    public boolean hasNestedValues() {
        return values.values().stream().anyMatch(v -> v instanceof Map || v instanceof List);
    }

    static String sanitise(String segment) {
        String s = segment.replaceAll("[/\\\\]|\\.\\.", "").replaceAll("[<>:\"|?*]", "").replace(' ', '_');
        return s.chars().allMatch(c -> c == '.') ? "" : s;
    }
}
