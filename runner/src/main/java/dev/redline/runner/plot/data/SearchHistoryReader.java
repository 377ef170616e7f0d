package dev.redline.runner.plot.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.BadInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads search_history.json: the objective from {@code config.objectives[0]}, SLAs from {@code config.sla_filters}. */
public final class SearchHistoryReader {
    private SearchHistoryReader() { }

    public static SearchHistory read(Path file) {
        JsonNode root = RunLoader.readJson(file);
        JsonNode config = root.path("config");
        JsonNode objective = config.path("objectives").path(0);
        String metric = text(objective, "metric", text(config, "search_metric", text(config, "metric", null)));
        if (metric == null) {
            throw new BadInputException(file + ": no objective metric (expected config.objectives[0].metric, as AIPerf writes)");
        }
        String stat = text(objective, "stat", text(config, "search_stat", "avg"));
        String direction = text(objective, "direction", text(config, "search_direction", "maximize"));
        List<SearchHistory.Iteration> iterations = new ArrayList<>();
        for (JsonNode it : root.path("iterations")) {
            JsonNode values = it.path("objective_values");
            JsonNode v = values.isArray() && !values.isEmpty() ? values.path(0) : it.path("objective_value");
            Double obj = v.isNumber() && Double.isFinite(v.asDouble()) ? v.asDouble() : null;
            iterations.add(new SearchHistory.Iteration(it.path("iteration_idx").asInt(iterations.size()),
                    variation(it.path("variation_values")), obj, it.path("feasible").asBoolean(true)));
        }
        List<SearchHistory.Sla> slas = new ArrayList<>();
        for (JsonNode f : config.path("sla_filters")) {
            String tag = text(f, "metric_tag", text(f, "metric", null));
            if (tag == null || !f.path("threshold").isNumber()) continue;
            slas.add(new SearchHistory.Sla(tag, text(f, "stat", "avg"), text(f, "op", "le"), f.path("threshold").asDouble()));
        }
        return new SearchHistory(file, metric, stat, !direction.toLowerCase().startsWith("min"), iterations, slas);
    }

    private static Map<String, Object> variation(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isNumber() ? e.getValue().numberValue() : e.getValue().asText());
        }
        return out;
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : fallback;
    }
}
