package dev.redline.runner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every option of AIPerf's {@code aiperf profile} with what Redline does with it (resource
 * {@code aiperf-profile-options.tsv}): accepted with AIPerf's meaning, refused because Redline lacks the feature,
 * or planned. An AIPerf option Redline does not accept is refused with that reason instead of "unknown option".
 */
public final class AiperfOptions {
    static final String RESOURCE = "aiperf-profile-options.tsv";

    /** One AIPerf option: all its names, its status (redline, refused, planned) and the reason when not redline. */
    public record Entry(List<String> names, String status, String reason) {
        public boolean supported() { return status.equals("redline"); }
    }

    private static final Map<String, Entry> BY_NAME = load();

    private AiperfOptions() { }

    public static List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : BY_NAME.values()) if (!out.contains(e)) out.add(e);
        return out;
    }

    /** The entry naming {@code option} (e.g. --otel-url), or null when AIPerf has no such option. */
    public static Entry find(String option) {
        return BY_NAME.get(option);
    }

    private static Map<String, Entry> load() {
        Map<String, Entry> m = new LinkedHashMap<>();
        try (InputStream in = AiperfOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                Entry e = new Entry(List.of(f[0].trim().split("\\s+")), f[1].trim(), f.length > 2 ? f[2].trim() : "");
                for (String n : e.names()) m.put(n, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
