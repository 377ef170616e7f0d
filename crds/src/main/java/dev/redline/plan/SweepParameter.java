package dev.redline.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One swept parameter as the sweep export reports it ({@code metadata.sweep_parameters}): its canonical
 * dot-path, its display name (the short name unless two parameters share it, then the path) and its
 * values in first-seen order.
 */
public record SweepParameter(String path, String name, List<Object> values) {
    public SweepParameter {
        values = List.copyOf(values);
    }

    /** The parameters of these variations (scalar values only; a scenario's nested overrides are not parameters). */
    public static List<SweepParameter> of(List<Variation> variations) {
        Map<String, List<Object>> byPath = new LinkedHashMap<>();
        for (Variation v : variations) {
            v.values().forEach((path, value) -> {
                if (value instanceof Map || value instanceof List) return;
                List<Object> seen = byPath.computeIfAbsent(path, p -> new ArrayList<>());
                if (!seen.contains(value)) seen.add(value);
            });
        }
        Map<String, String> names = displayNames(byPath.keySet());
        List<SweepParameter> out = new ArrayList<>();
        byPath.forEach((path, values) -> out.add(new SweepParameter(path, names.get(path), values)));
        return out;
    }

    /** Short names for paths, falling back to the path where two short names collide. */
    public static Map<String, String> displayNames(Iterable<String> paths) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String p : paths) counts.merge(DotPath.parse(p, "sweep").name(), 1, Integer::sum);
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : paths) {
            String name = DotPath.parse(p, "sweep").name();
            out.put(p, counts.get(name) == 1 ? name : p);
        }
        return out;
    }

    /** A variation's scalar values keyed by display name ({@code parameters} of a sweep export row). */
    public static Map<String, Object> displayValues(Variation v, Map<String, String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        v.values().forEach((path, value) -> {
            if (!(value instanceof Map) && !(value instanceof List)) out.put(names.getOrDefault(path, path), value);
        });
        return out;
    }
}
