package dev.redline.runner.plot.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of a multi-run plot, grouped into series by {@code groupBy} (model, run_name or
 * experiment_group), and the searches found beside them.
 */
public record MultiRunData(List<RunData> runs, String groupBy, List<SearchHistory> searches) {
    /** Runs by series name, in first-seen order; baselines first under an experiment classification. */
    public Map<String, List<RunData>> groups() {
        Map<String, List<RunData>> out = new LinkedHashMap<>();
        List<RunData> ordered = runs.stream()
                .sorted(java.util.Comparator.comparing((RunData r) -> !"baseline".equals(r.experimentType()))).toList();
        for (RunData r : ordered) out.computeIfAbsent(groupOf(r), k -> new java.util.ArrayList<>()).add(r);
        return out;
    }

    public String groupOf(RunData r) {
        return switch (groupBy) {
            case "run_name" -> r.name();
            case "experiment_group" -> r.experimentGroup();
            default -> r.model();
        };
    }
}
