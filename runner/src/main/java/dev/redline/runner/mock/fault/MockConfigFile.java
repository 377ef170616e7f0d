package dev.redline.runner.mock.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mock server's YAML file ({@code --mock-config}): a {@code faults:} list whose entries have a
 * {@code kind}, an optional {@code rate} and the kind's parameters by name, e.g.
 * <pre>
 * faults:
 *   - {kind: stall, rate: 0.1, after-tokens: 3, stall-s: 30}
 *   - {kind: storm, start-s: 10, duration-s: 5}
 * </pre>
 * Errors are {@link IllegalArgumentException}s whose one line names the file and the entry.
 */
public final class MockConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MockConfigFile() {}

    public static List<FaultSpec> faults(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException(file + ": not valid YAML" + where + " ("
                    + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ").trim() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) return List.of();
        if (!root.isObject()) throw new IllegalArgumentException(file + ": must be a mapping with a faults: list");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("faults")) throw new IllegalArgumentException(file + ": unknown key '" + key + "'; this file takes faults:");
        }
        JsonNode list = root.path("faults");
        if (list.isMissingNode() || list.isNull()) return List.of();
        if (!list.isArray()) throw new IllegalArgumentException(file + ": faults must be a list of {kind: ..., rate: ...}");
        List<FaultSpec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(entry(file, i, list.get(i)));
        }
        return out;
    }

    private static FaultSpec entry(Path file, int i, JsonNode node) {
        String where = file + ": faults[" + i + "]";
        if (!node.isObject()) throw new IllegalArgumentException(where + " must be a mapping like {kind: 429, rate: 0.05}");
        String kind = null;
        String rate = null;
        Map<String, String> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode()) throw new IllegalArgumentException(where + "." + e.getKey() + " must be a single value");
            String value = e.getValue().asText();
            switch (e.getKey()) {
                case "kind" -> kind = value;
                case "rate" -> rate = value;
                default -> params.put(e.getKey(), value);
            }
        }
        if (kind == null) throw new IllegalArgumentException(where + " has no kind; use one of " + FaultKind.names());
        try {
            return FaultSpec.of(kind, rate, params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }
}
