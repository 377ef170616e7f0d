package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.v1alpha1.RangeRatioSpec;
import dev.redline.runner.BadInputException;

import java.util.Set;

/**
 * --random-range-ratio as AIPerf reads it: a number for both ISL and OSL, or (vllm style only) a JSON object with
 * exactly {@code input} and {@code output}. The ranges are checked with the spec (RangeRatioRules).
 */
final class RangeRatioParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RangeRatioParser() { }

    static RangeRatioSpec parse(String value, String style) {
        String v = value.trim();
        if (v.isEmpty()) throw new BadInputException("--random-range-ratio: the value is empty; give a ratio such as 0.3");
        try {
            double r = Double.parseDouble(v);
            return new RangeRatioSpec(r, r);
        } catch (NumberFormatException notANumber) {
            // a JSON object, below
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(v);
        } catch (java.io.IOException e) {
            doc = null;
        }
        if (doc == null || !doc.isObject()) {
            throw new BadInputException("--random-range-ratio: '" + value + "' is not a number or a JSON object {\"input\": R, \"output\": R}");
        }
        if (style.equals(PromptSpec.STYLE_SGLANG)) {
            throw new BadInputException("--random-range-ratio: the sglang style applies one ratio to both ISL and OSL; give a plain number (e.g. 0.3)");
        }
        Set<String> keys = new java.util.TreeSet<>();
        doc.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(Set.of("input", "output"))) {
            throw new BadInputException("--random-range-ratio: the JSON object must have exactly the keys input and output, got " + keys);
        }
        if (!doc.get("input").isNumber() || !doc.get("output").isNumber()) {
            throw new BadInputException("--random-range-ratio: input and output must be numbers");
        }
        return new RangeRatioSpec(doc.get("input").asDouble(), doc.get("output").asDouble());
    }
}
