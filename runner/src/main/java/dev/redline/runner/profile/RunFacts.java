package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.load.ClientSaturation;
import dev.redline.runner.load.PhaseOutcome;

import java.io.IOException;
import java.util.List;

/**
 * What Redline adds to AIPerf's summary shape: per phase the requested vs achieved rate and counts
 * ({@code phases}), and whether the client itself was the bottleneck ({@code client_saturated} with the
 * evidence in {@code client_saturation}).
 */
final class RunFacts {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The summary's keys are snake_case like AIPerf's; Java records are camelCase. */
    private static final ObjectMapper SNAKE = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private RunFacts() { }

    static String addTo(String summaryJson, List<PhaseOutcome> phases, ClientSaturation saturation) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(summaryJson);
        com.fasterxml.jackson.databind.node.ArrayNode phaseNodes = SNAKE.valueToTree(phases);
        for (var phase : phaseNodes) nanToNull((ObjectNode) phase); // e.g. requested_rate of a closed-model phase
        root.set("phases", phaseNodes);
        if (saturation != null) {
            root.put("client_saturated", saturation.saturated());
            root.set("client_saturation", SNAKE.valueToTree(saturation));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void nanToNull(ObjectNode node) {
        node.properties().forEach(e -> {
            if (e.getValue().isNumber() && Double.isNaN(e.getValue().asDouble())) node.putNull(e.getKey());
        });
    }
}
