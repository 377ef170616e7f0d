package dev.redline.runner.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Serialisation of payloads and the small map builders every endpoint type uses. */
public final class JsonPayloads {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonPayloads() { }

    public static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise request body: " + e.getOriginalMessage(), e);
        }
    }

    /** An insertion-ordered map of the given key/value pairs (values may be null; those are left out). */
    public static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** The text as a JSON object when it is one (a raw request in a dataset turn), else null. */
    static Map<String, Object> objectIn(String text) {
        String t = text.trim();
        if (!t.startsWith("{")) return null;
        try {
            return JSON.readValue(t, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException notJson) {
            return null; // plain text that starts with a brace
        }
    }
}
