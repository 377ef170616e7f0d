package dev.redline.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecException;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;

import java.util.List;

/** A benchmark spec as a JSON tree, for variations to be applied to, and back. */
public final class SpecTree {
    private SpecTree() { }

    public static ObjectNode of(BenchmarkSpec spec) {
        return SpecReader.mapper().valueToTree(spec);
    }

    /** A deep copy of {@code spec}. */
    public static BenchmarkSpec copy(BenchmarkSpec spec) {
        return SpecReader.mapper().convertValue(spec, BenchmarkSpec.class);
    }

    public static JsonNode value(Object v) {
        return SpecReader.mapper().valueToTree(v);
    }

    /**
     * Binds {@code tree} strictly and validates it; {@code what} names the variation in the one-line
     * error (e.g. {@code "sweep: variation 3 (concurrency=0)"}).
     */
    public static BenchmarkSpec bind(ObjectNode tree, String what) {
        BenchmarkSpec spec = SpecReader.bind(tree.deepCopy(), what, BenchmarkSpec.class);
        List<Violation> violations = SpecValidator.validate(spec);
        if (!violations.isEmpty()) throw new SpecException(what + ": " + violations.get(0));
        return spec;
    }

    /**
     * Length distributions ({@code isl: {mean, median}}): one value each, as in AIPerf, where a distribution's type
     * comes from its keys, so a scenario's distribution replaces the base's instead of merging key by key.
     */
    static final java.util.Set<String> ATOMIC = java.util.Set.of("isl", "osl", "passages", "passageTokens", "queryTokens");

    /**
     * Merges {@code patch} into {@code into}: mappings recursively, everything else (lists too) replaced, and the
     * {@link #ATOMIC} mappings (length distributions) replaced whole.
     */
    public static void deepMerge(ObjectNode into, JsonNode patch) {
        patch.properties().forEach(e -> {
            JsonNode current = into.get(e.getKey());
            if (current instanceof ObjectNode c && e.getValue() instanceof ObjectNode p && !ATOMIC.contains(e.getKey())) deepMerge(c, p);
            else into.set(e.getKey(), e.getValue().deepCopy());
        });
    }
}
