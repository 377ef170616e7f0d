package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.results.ProfileExport;
import dev.redline.runner.load.ClientSaturation;
import dev.redline.runner.load.PhaseOutcome;

import com.fasterxml.jackson.databind.node.BooleanNode;

import java.util.List;

/**
 * What Redline adds to AIPerf's summary shape: per phase the requested vs achieved rate and counts
 * ({@code phases}), and whether the client itself was the bottleneck ({@code client_saturated} with the
 * evidence in {@code client_saturation}).
 */
public final class RunFacts {
    /** The summary's keys are snake_case like AIPerf's; Java records are camelCase. */
    private static final ObjectMapper SNAKE = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private RunFacts() { }

    static void addTo(ProfileExport export, List<PhaseOutcome> phases, ClientSaturation saturation) {
        com.fasterxml.jackson.databind.node.ArrayNode phaseNodes = SNAKE.valueToTree(phases);
        for (var phase : phaseNodes) nanToNull((ObjectNode) phase); // e.g. requested_rate of a closed-model phase
        export.putExtension("phases", phaseNodes);
        if (saturation != null) {
            export.putExtension("client_saturated", BooleanNode.valueOf(saturation.saturated()));
            export.putExtension("client_saturation", saturationNode(saturation));
        }
    }

    /** The {@code client_saturation} object: the evidence in snake_case, as in the summary. */
    public static JsonNode saturationNode(ClientSaturation saturation) {
        return SNAKE.valueToTree(saturation);
    }

    private static void nanToNull(ObjectNode node) {
        node.properties().forEach(e -> {
            if (e.getValue().isNumber() && Double.isNaN(e.getValue().asDouble())) node.putNull(e.getKey());
        });
    }
}
