package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.dataset.DatasetFormatException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One input record and where it came from ({@code file:line} or {@code dataset.records[i]}), with typed field access. */
public record SourceRecord(String where, ObjectNode node) {
    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    public DatasetFormatException error(String field, String problem) {
        return new DatasetFormatException(where + ": field '" + field + "' " + problem);
    }

    public String string(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw error(field, "must be a string, got " + type(v));
        return v.asText();
    }

    public Long number(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) throw error(field, "must be a number, got " + type(v));
        return Math.round(v.asDouble());
    }

    public Double decimal(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) throw error(field, "must be a number, got " + type(v));
        return v.asDouble();
    }

    public int requiredPositiveInt(String field) {
        Long v = number(field);
        if (v == null) throw error(field, "is required");
        if (v < 1 || v > Integer.MAX_VALUE) throw error(field, "must be a positive integer, got " + v);
        return v.intValue();
    }

    public Integer positiveInt(String field) {
        Long v = number(field);
        if (v == null) return null;
        if (v < 1 || v > Integer.MAX_VALUE) throw error(field, "must be a positive integer, got " + v);
        return v.intValue();
    }

    public List<Long> longs(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) throw error(field, "must be a list of integers, got " + type(v));
        List<Long> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (!e.canConvertToLong()) throw error(field, "must be a list of integers, found " + e);
            out.add(e.asLong());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw error(field, "must be an object, got " + type(v));
        return JsonlRecords.JSON.convertValue(v, Map.class);
    }

    static String type(JsonNode v) {
        return v.getNodeType().name().toLowerCase();
    }
}
