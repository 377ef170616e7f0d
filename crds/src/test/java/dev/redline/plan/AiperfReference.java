package dev.redline.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.results.ProfileExport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The AIPerf 0.13 reference output under src/test/resources/aiperf-0.13 (see its README). */
final class AiperfReference {
    static final ObjectMapper JSON = new ObjectMapper();

    private AiperfReference() { }

    static String text(String path) {
        try (InputStream in = AiperfReference.class.getResourceAsStream("/aiperf-0.13/" + path)) {
            if (in == null) throw new IllegalStateException("missing test resource aiperf-0.13/" + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String path) {
        try {
            return JSON.readTree(text(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProfileExport export(String path) {
        return ProfileExport.parse(text(path), path);
    }
}
