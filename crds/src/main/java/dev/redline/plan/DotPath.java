package dev.redline.plan;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecException;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.validate.Suggestions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dot-path into a benchmark spec, as sweeps name the field they vary: {@code phases.<name|index>.field},
 * {@code dataset.prompts.isl.mean}, AIPerf's {@code datasets.<name>.prompts...} (one dataset here), or a
 * bare shorthand ({@code concurrency} = {@code phases.profiling.concurrency}). Segments may be snake_case
 * or camelCase; the canonical form is snake_case like AIPerf's variation values.
 */
public final class DotPath {
    /** AIPerf's bare shorthands, all under {@code phases.profiling}. */
    public static final List<String> PHASE_SHORTHANDS = List.of("concurrency", "prefill_concurrency", "rate", "requests",
            "duration", "sessions", "users", "smoothness", "grace_period", "concurrency_ramp", "prefill_ramp", "rate_ramp");
    /** Redline's shorthands for what the CLI's magic lists sweep outside the phases. */
    public static final Map<String, String> OTHER_SHORTHANDS = Map.of(
            "isl", "dataset.prompts.isl.mean",
            "isl_stddev", "dataset.prompts.isl.stddev",
            "osl", "dataset.prompts.osl.mean",
            "osl_stddev", "dataset.prompts.osl.stddev",
            "conversation_turn_mean", "sessions.turns_mean");

    private static final ObjectMapper MAPPER = SpecReader.mapper();

    private final String raw;
    private final List<String> segments;

    private DotPath(String raw, List<String> segments) {
        this.raw = raw;
        this.segments = List.copyOf(segments);
    }

    /** Parses {@code raw}; {@code where} (e.g. {@code sweep.parameters}) prefixes the one-line error. */
    public static DotPath parse(String raw, String where) {
        String p = raw == null ? "" : raw.trim();
        if (p.isEmpty() || p.startsWith(".") || p.endsWith(".") || p.contains("..")) {
            throw new SpecException(where + ": '" + raw + "' is not a dot-path; write e.g. phases.profiling.concurrency or concurrency");
        }
        String snake = snake(p);
        if (PHASE_SHORTHANDS.contains(snake)) p = "phases.profiling." + snake;
        else if (OTHER_SHORTHANDS.containsKey(snake)) p = OTHER_SHORTHANDS.get(snake);
        List<String> segs = new ArrayList<>(Arrays.asList(p.split("\\.")));
        if (segs.get(0).equals("benchmark") && segs.size() > 1) segs.remove(0); // envelope-rooted form
        if (snake(segs.get(0)).equals("datasets")) {
            // AIPerf names datasets (datasets.main.prompts...); a Redline benchmark has exactly one
            if (segs.size() < 3) throw new SpecException(where + ": '" + raw + "' needs a field after datasets.<name>; e.g. datasets.main.prompts.isl.mean");
            segs.remove(1);
            segs.set(0, "dataset");
        }
        return new DotPath(raw, segs);
    }

    /** As written by the user. */
    public String raw() { return raw; }

    /** Canonical snake_case form, e.g. {@code phases.profiling.concurrency}: the key of variation values. */
    public String canonical() {
        List<String> out = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            boolean phaseSelector = i > 0 && snake(segments.get(i - 1)).equals("phases");
            out.add(phaseSelector ? segments.get(i) : snake(segments.get(i)));
        }
        return String.join(".", out);
    }

    /**
     * The short name of the parameter, for directory names and the sweep export's parameter names: the
     * last segment, except that {@code isl.mean} is {@code isl} and {@code isl.stddev} is {@code isl_stddev}.
     */
    public String name() {
        String[] c = canonical().split("\\.");
        String leaf = c[c.length - 1];
        if (c.length > 1 && leaf.equals("mean")) return c[c.length - 2];
        if (c.length > 1 && leaf.equals("stddev")) return c[c.length - 2] + "_stddev";
        return leaf;
    }

    /**
     * Sets the field this path names in {@code spec} (the JSON tree of a {@link BenchmarkSpec}) to
     * {@code value}, creating the objects on the way (and the profiling or warmup phase when missing).
     * Throws a one-line {@link SpecException} when the path names no field.
     */
    public void set(ObjectNode spec, JsonNode value, String where) {
        JsonNode node = spec;
        JavaType type = MAPPER.constructType(BenchmarkSpec.class);
        String at = "";
        for (int i = 0; i < segments.size(); i++) {
            String seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (type.isCollectionLikeType()) {
                if (last) throw new SpecException(where + ": '" + raw + "' ends at a list element; name a field of it, e.g. " + at + "." + seg + ".concurrency");
                node = element((ArrayNode) node, seg, where, at);
                type = type.getContentType();
                at = at + "." + seg;
                continue;
            }
            ObjectNode obj = (ObjectNode) node;
            String key;
            JavaType next;
            if (type.isMapLikeType()) {
                key = seg;
                next = type.getContentType();
            } else {
                Map<String, JavaType> props = properties(type);
                key = SpecReader.camelCase(seg);
                if (!props.containsKey(key)) key = aliases(type).getOrDefault(key, key); // AIPerf's names, e.g. dataset format
                if (!props.containsKey(key)) {
                    throw new SpecException(where + ": '" + raw + "' names no field: " + (at.isEmpty() ? "the benchmark" : at.substring(1))
                            + " has no '" + seg + "'" + Suggestions.didYouMean(seg, snakeKeys(props))
                            + "; fields there: " + String.join(", ", snakeKeys(props)));
                }
                next = props.get(key);
            }
            at = at + "." + seg;
            if (last) {
                obj.set(key, value);
                return;
            }
            JsonNode child = obj.get(key);
            if (next.isCollectionLikeType()) {
                if (!(child instanceof ArrayNode)) child = obj.putArray(key);
            } else if (!(child instanceof ObjectNode)) {
                ObjectNode created = obj.putObject(key);
                // isl: 512 is shorthand for isl: {mean: 512}
                if (child != null && child.isNumber() && next.getRawClass() == LengthSpec.class) created.set("mean", child);
                child = created;
            }
            node = child;
            type = next;
        }
    }

    /** The phase a selector names: an index, or a name (a phase without one is named by its kind). */
    private static ObjectNode element(ArrayNode phases, String selector, String where, String at) {
        if (selector.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(selector);
            if (index >= phases.size()) {
                throw new SpecException(where + ": " + at.substring(1) + "." + selector + " does not exist; the benchmark has "
                        + phases.size() + " phase(s)");
            }
            return (ObjectNode) phases.get(index);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode p : phases) {
            String name = p.hasNonNull("name") ? p.get("name").asText() : p.path("kind").asText("profiling");
            names.add(name);
            if (name.equalsIgnoreCase(selector)) return (ObjectNode) p;
        }
        if (selector.equals("profiling") || selector.equals("warmup")) {
            ObjectNode created = MAPPER.createObjectNode().put("kind", selector);
            if (selector.equals("warmup")) phases.insert(0, created);
            else phases.add(created);
            return created;
        }
        throw new SpecException(where + ": there is no phase named '" + selector + "'" + Suggestions.didYouMean(selector, names)
                + "; phases: " + (names.isEmpty() ? "none" : String.join(", ", names)));
    }

    private static Map<String, JavaType> properties(JavaType type) {
        BeanDescription desc = MAPPER.getDeserializationConfig().introspect(type);
        Map<String, JavaType> out = new LinkedHashMap<>();
        for (BeanPropertyDefinition p : desc.findProperties()) {
            if (p.couldDeserialize()) out.put(p.getName(), p.getPrimaryType());
        }
        return out;
    }

    /** A property's {@code @JsonAlias} names (in camelCase) onto the property, as the YAML reader accepts them. */
    private static Map<String, String> aliases(JavaType type) {
        BeanDescription desc = MAPPER.getDeserializationConfig().introspect(type);
        Map<String, String> out = new LinkedHashMap<>();
        for (BeanPropertyDefinition p : desc.findProperties()) {
            if (!p.couldDeserialize()) continue;
            for (com.fasterxml.jackson.databind.PropertyName alias : p.findAliases()) out.put(SpecReader.camelCase(alias.getSimpleName()), p.getName());
        }
        return out;
    }

    private static List<String> snakeKeys(Map<String, JavaType> props) {
        return props.keySet().stream().map(DotPath::snake).toList();
    }

    /** camelCase or kebab-case segments in snake_case (AIPerf's spelling of variation values). */
    static String snake(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-') sb.append('_');
            else if (Character.isUpperCase(c)) sb.append('_').append(Character.toLowerCase(c));
            else sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() { return canonical(); }
}
