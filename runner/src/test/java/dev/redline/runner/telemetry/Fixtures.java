package dev.redline.runner.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads exposition fixtures from src/test/resources/telemetry. */
public final class Fixtures {
    public static final String[] ALL = {"vllm.prom", "vllm-legacy.prom", "sglang.prom", "trtllm.prom", "dynamo.prom",
            "tgi.prom", "dcgm-hostname-old.prom", "edge-cases.prom", "malformed.prom"};

    private Fixtures() { }

    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/telemetry/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
