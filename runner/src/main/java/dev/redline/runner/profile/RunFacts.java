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

    private RunFacts() { }

    static String addTo(String summaryJson, List<PhaseOutcome> phases, ClientSaturation saturation) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(summaryJson);
        root.set("phases", JSON.valueToTree(phases));
        if (saturation != null) {
            root.put("client_saturated", saturation.saturated());
            root.set("client_saturation", JSON.valueToTree(saturation));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
