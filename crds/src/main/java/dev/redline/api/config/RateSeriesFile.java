package dev.redline.api.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.RateSeriesPoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AIPerf's request-rate series JSON ({@code --request-rate-series FILE}, or a path in a phase's {@code rateSeries}):
 * a points array, or an object whose only key is {@code points}; each point has exactly {@code time_s} (or
 * {@code timeS}) and {@code qps}. The values are checked with the rest of the phase (PhaseRules).
 */
public final class RateSeriesFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RateSeriesFile() { }

    /** The points of {@code file}; SpecException with a one-line reason when it cannot be read or has another shape. */
    public static List<RateSeriesPoint> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
            throw new SpecException("cannot read request-rate series JSON '" + file + "': " + why + "; give the path of a JSON points file");
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SpecException("invalid request-rate series JSON '" + file + "' at line " + e.getLocation().getLineNr()
                    + ": write [{\"time_s\": 0, \"qps\": 1}, ...] or {\"points\": [...]}");
        }
        return points(doc, "request-rate series JSON '" + file + "'");
    }

    /** Points from a parsed array or {@code {points: [...]}}; {@code what} names the source in errors. */
    public static List<RateSeriesPoint> points(JsonNode doc, String what) {
        JsonNode list = doc;
        if (doc instanceof ObjectNode o) {
            if (o.size() != 1 || !o.has("points")) {
                throw new SpecException(what + " must contain exactly one top-level key: points", doc);
            }
            list = o.get("points");
        }
        if (list == null || !list.isArray()) {
            throw new SpecException(what + " must be a points array or an object with points", doc);
        }
        List<RateSeriesPoint> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) out.add(point(list.get(i), what + " point " + i));
        return out;
    }

    private static RateSeriesPoint point(JsonNode n, String what) {
        if (!(n instanceof ObjectNode o)) throw new SpecException(what + " must be an object {\"time_s\": S, \"qps\": R}", n);
        Double time = null;
        Double qps = null;
        for (Map.Entry<String, JsonNode> e : Tree.entries(o)) {
            String key = KeyNormalizer.camel(e.getKey());
            if (!key.equals("timeS") && !key.equals("qps")) {
                throw new SpecException(what + ": unknown key '" + e.getKey() + "'; a point has time_s and qps", e.getValue());
            }
            if (!e.getValue().isNumber()) throw new SpecException(what + "." + e.getKey() + " must be a number", e.getValue());
            if (key.equals("qps")) qps = e.getValue().asDouble();
            else time = e.getValue().asDouble();
        }
        if (time == null || qps == null) throw new SpecException(what + " needs both time_s and qps", n);
        return new RateSeriesPoint(time, qps);
    }
}
