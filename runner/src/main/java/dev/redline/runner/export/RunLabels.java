package dev.redline.runner.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.UUID;

/**
 * Where a run sits in an experiment, exported as AIPerf's {@code run_info}: the sweep it belongs to,
 * its trial (0-based) and run label, and its variation's label, index and values. A plain run is
 * variation {@code base}, index 0, trial 0 ({@code run_0001}). The engine writes these and knows
 * nothing else about sweeps.
 */
public record RunLabels(String sweepId, int trial, String runLabel, String variationLabel, int variationIndex,
                        Map<String, Object> variationValues, String cliCommand) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunLabels {
        variationValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variationValues));
    }

    /** A run that is not part of an experiment. */
    public static RunLabels single(String cliCommand) {
        return new RunLabels(UUID.randomUUID().toString(), 0, "run_0001", "base", 0, Map.of(), cliCommand);
    }

    /** The {@code run_info} block of this run's export. */
    public ObjectNode toJson(String benchmarkId, Long randomSeed) {
        ObjectNode o = JSON.createObjectNode();
        o.put("benchmark_id", benchmarkId);
        o.put("sweep_id", sweepId);
        if (randomSeed == null) o.putNull("random_seed");
        else o.put("random_seed", randomSeed);
        o.put("trial", trial);
        o.put("run_label", runLabel);
        o.put("variation_label", variationLabel);
        o.put("variation_index", variationIndex);
        ObjectNode values = o.putObject("variation_values");
        variationValues.forEach((k, v) -> values.set(k, JSON.valueToTree(v)));
        if (cliCommand == null) o.putNull("cli_command");
        else o.put("cli_command", cliCommand);
        return o;
    }
}
