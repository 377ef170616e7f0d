package dev.redline.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.SweepSpec;
import dev.redline.api.v1alpha1.SweepType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a benchmark and its {@code sweep:} into every variation, in AIPerf's order and with AIPerf's
 * labels: grid (Cartesian product, the last parameter varying fastest), zip (element-wise), scenarios
 * (partial benchmarks deep-merged into the base), sobol and latin_hypercube ({@link SamplingPlanner}).
 * Every variation is a complete, validated {@link BenchmarkSpec} with its seed applied. Bad input is a
 * one-line {@link SpecException} naming the field ({@code where} is its prefix, e.g. {@code sweep} in a
 * file or {@code spec.sweep} in a Sweep resource).
 */
public final class SweepPlanner {
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "values", "benchmark");

    private SweepPlanner() { }

    /** {@code sweep} null: the base alone (label {@code base}). {@code baseSeed}: see {@link Seeds#base}. */
    public static SweepPlan plan(BenchmarkSpec base, SweepSpec sweep, Long baseSeed, String where) {
        if (sweep == null) {
            BenchmarkSpec spec = SpecTree.copy(base);
            if (baseSeed != null) spec.setRandomSeed(baseSeed);
            return new SweepPlan(null, List.of(Variation.base(spec)), List.of(), null);
        }
        SweepType type = sweep.resolvedType();
        checkFieldsFor(type, sweep, where);
        List<Draft> drafts = switch (type) {
            case GRID -> grid(parameters(sweep, where), where);
            case ZIP -> zip(parameters(sweep, where), where);
            case SCENARIOS -> scenarios(sweep.getRuns(), where);
            case SOBOL, LATIN_HYPERCUBE -> SamplingPlanner.drafts(sweep, baseSeed, where);
        };
        ObjectNode baseTree = SpecTree.of(base);
        List<Variation> variations = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            ObjectNode tree = baseTree.deepCopy();
            d.apply().accept(tree);
            BenchmarkSpec spec = SpecTree.bind(tree, where + ": variation " + i + " (" + d.label() + ")");
            Long seed = Seeds.forVariation(baseSeed, i, sweep.sameSeed());
            if (seed != null) spec.setRandomSeed(seed);
            variations.add(new Variation(i, d.label(), d.values(), spec));
        }
        var design = type.isSampling() ? SamplingPlanner.design(sweep, baseSeed, variations) : null;
        return new SweepPlan(type, variations, SweepParameter.of(variations), design);
    }

    /**
     * One variation of {@code base} with {@code values} (dot-path or shorthand to value) applied: what an
     * adaptive planner proposes. {@code label} null gives AIPerf's {@code path=value, ...}; {@code seed} null
     * keeps the base's.
     */
    public static Variation variation(BenchmarkSpec base, int index, Map<String, Object> values, String label, Long seed, String where) {
        Map<DotPath, Object> point = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            checkValue(where + "." + k, v);
            point.put(DotPath.parse(k, where), v);
        });
        Draft d = assign(point, where, label);
        ObjectNode tree = SpecTree.of(base);
        d.apply().accept(tree);
        BenchmarkSpec spec = SpecTree.bind(tree, where + ": variation " + index + " (" + d.label() + ")");
        if (seed != null) spec.setRandomSeed(seed);
        return new Variation(index, d.label(), d.values(), spec);
    }

    /** One variation before it is applied: label, values and how to apply them to the base tree. */
    record Draft(String label, Map<String, Object> values, java.util.function.Consumer<ObjectNode> apply) { }

    /** A draft setting each dot-path to its value; label {@code path=value, ...} like AIPerf's. */
    static Draft assign(Map<DotPath, Object> point, String where, String label) {
        Map<String, Object> values = new LinkedHashMap<>();
        point.forEach((path, v) -> values.put(path.canonical(), v));
        String l = label != null ? label : kvLabel(values);
        return new Draft(l, values, tree -> point.forEach((path, v) -> path.set(tree, SpecTree.value(v), where)));
    }

    public static String kvLabel(Map<String, Object> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + "=" + ValueText.of(v)));
        return String.join(", ", parts);
    }

    private static Map<DotPath, List<Object>> parameters(SweepSpec sweep, String where) {
        Map<String, List<Object>> raw = sweep.getParameters();
        String at = where + ".parameters";
        if (raw == null || raw.isEmpty()) {
            throw new SpecException(at + ": missing; a " + sweep.resolvedType().wireName()
                    + " sweep needs at least one 'dot.path: [values]', e.g. concurrency: [1, 8, 64]");
        }
        Map<DotPath, List<Object>> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        raw.forEach((key, values) -> {
            DotPath path = DotPath.parse(key, at);
            if (!seen.add(path.canonical())) throw new SpecException(at + ": '" + key + "' names " + path.canonical() + " twice; give each field once");
            if (values == null || values.isEmpty()) throw new SpecException(at + "." + key + ": the value list is empty; give at least one value");
            for (Object v : values) checkValue(at + "." + key, v);
            out.put(path, values);
        });
        return out;
    }

    /** Numbers must be finite; lists and mappings are not sweep values. */
    static void checkValue(String at, Object v) {
        if (v == null) throw new SpecException(at + ": null is not a value to sweep; remove it");
        if (v instanceof Double d && !Double.isFinite(d)) throw new SpecException(at + ": " + d + " is not a finite number; give finite values");
        if (v instanceof Float f && !Float.isFinite(f)) throw new SpecException(at + ": " + f + " is not a finite number; give finite values");
    }

    private static List<Draft> grid(Map<DotPath, List<Object>> params, String where) {
        List<Map<DotPath, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<DotPath, List<Object>> e : params.entrySet()) {
            List<Map<DotPath, Object>> next = new ArrayList<>();
            for (Map<DotPath, Object> p : points) {
                for (Object v : e.getValue()) {
                    Map<DotPath, Object> q = new LinkedHashMap<>(p);
                    q.put(e.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points.stream().map(p -> assign(p, where + ".parameters", null)).toList();
    }

    private static List<Draft> zip(Map<DotPath, List<Object>> params, String where) {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        params.forEach((p, v) -> lengths.put(p.raw(), v.size()));
        if (new HashSet<>(lengths.values()).size() > 1) {
            List<String> parts = new ArrayList<>();
            lengths.forEach((k, n) -> parts.add(k + "=" + n));
            throw new SpecException(where + ".parameters: a zip sweep needs lists of equal length, got " + String.join(", ", parts)
                    + "; give every list the same number of values (or use type: grid)");
        }
        int n = lengths.values().iterator().next();
        List<Draft> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<DotPath, Object> point = new LinkedHashMap<>();
            for (Map.Entry<DotPath, List<Object>> e : params.entrySet()) point.put(e.getKey(), e.getValue().get(i));
            out.add(assign(point, where + ".parameters", null));
        }
        return out;
    }

    private static List<Draft> scenarios(List<Map<String, Object>> runs, String where) {
        String at = where + ".runs";
        if (runs == null || runs.isEmpty()) {
            throw new SpecException(at + ": missing; a scenarios sweep needs runs, e.g. [{name: small, benchmark: {...}}]");
        }
        List<Draft> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            Map<String, Object> run = runs.get(i);
            String ra = at + "[" + i + "]";
            if (run == null) throw new SpecException(ra + ": empty run; give {name: ..., benchmark: {...}}");
            Object nameValue = run.get("name");
            String name = nameValue == null ? "scenario_" + i : nameValue.toString();
            if (nameValue != null && !names.add(name)) throw new SpecException(ra + ".name: '" + name + "' is used twice; give each run its own name");
            if (name.matches(".*[/\\\\].*|.*\\.\\..*|\\.+")) {
                throw new SpecException(ra + ".name: '" + name + "' cannot be a directory name; use letters, digits, - and _");
            }
            out.add(scenario(run, name, ra));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Draft scenario(Map<String, Object> run, String label, String at) {
        Map<DotPath, Object> flat = new LinkedHashMap<>();
        Map<String, Object> flatValues = new LinkedHashMap<>();
        Map<String, Object> overrides = new LinkedHashMap<>();
        run.forEach((k, v) -> {
            if (SCENARIO_KEYS.contains(k)) return;
            // a flat override: a dot-path or shorthand (concurrency: 8), as --variant writes them
            checkValue(at + "." + k, v);
            DotPath p = DotPath.parse(k, at);
            flat.put(p, v);
            flatValues.put(p.canonical(), v);
        });
        Object bench = run.get("benchmark");
        if (bench != null && !(bench instanceof Map)) throw new SpecException(at + ".benchmark: must be a mapping of benchmark fields");
        if (bench != null) overrides.put("benchmark", bench);
        flat.forEach((p, v) -> overrides.put(p.canonical(), v));
        Object explicit = run.get("values");
        if (explicit != null && !(explicit instanceof Map)) throw new SpecException(at + ".values: must be a mapping of name: value");
        Map<String, Object> values = explicit != null ? (Map<String, Object>) explicit
                : bench == null ? flatValues : overrides;
        return new Draft(label, values, tree -> {
            if (bench != null) mergeBenchmark(tree, (Map<String, Object>) bench, at + ".benchmark");
            flat.forEach((p, v) -> p.set(tree, SpecTree.value(v), at));
        });
    }

    /** Deep-merges a partial benchmark; {@code phases} may be a mapping of phase name to the fields it changes. */
    @SuppressWarnings("unchecked")
    private static void mergeBenchmark(ObjectNode tree, Map<String, Object> bench, String at) {
        Map<String, Object> rest = new LinkedHashMap<>(bench);
        Object phases = rest.remove("phases");
        if (phases instanceof Map<?, ?> byName) {
            ((Map<String, Object>) byName).forEach((phase, fields) -> {
                if (!(fields instanceof Map)) throw new SpecException(at + ".phases." + phase + ": must be a mapping of phase fields");
                ((Map<String, Object>) fields).forEach((field, v) ->
                        DotPath.parse("phases." + phase + "." + field, at).set(tree, SpecTree.value(v), at));
            });
        } else if (phases != null) {
            rest.put("phases", phases);
        }
        // bound alone first, so snake_case keys and shorthands (isl: 512) take the model's form before merging
        BenchmarkSpec partial = dev.redline.api.config.SpecReader.bind((ObjectNode) SpecTree.value(rest), at, BenchmarkSpec.class);
        SpecTree.deepMerge(tree, SpecTree.of(partial));
    }

    private static void checkFieldsFor(SweepType type, SweepSpec s, String where) {
        boolean grid = type == SweepType.GRID || type == SweepType.ZIP;
        if (!grid && s.getParameters() != null) reject(where + ".parameters", type, "grid and zip");
        if (type != SweepType.SCENARIOS && s.getRuns() != null) reject(where + ".runs", type, "scenarios");
        if (!type.isSampling()) {
            if (s.getDimensions() != null) reject(where + ".dimensions", type, "sobol and latin_hypercube");
            if (s.getSamples() != null) reject(where + ".samples", type, "sobol and latin_hypercube");
            if (s.getScramble() != null) reject(where + ".scramble", type, "sobol");
            if (s.getLabelFormat() != null) reject(where + ".labelFormat", type, "sobol and latin_hypercube");
        }
        if (type == SweepType.LATIN_HYPERCUBE && s.getScramble() != null) reject(where + ".scramble", type, "sobol");
        if (s.getCooldownSeconds() != null && !(s.getCooldownSeconds() >= 0 && s.getCooldownSeconds() <= 86400)) {
            throw new SpecException(where + ".cooldownSeconds: " + s.getCooldownSeconds() + " is not 0..86400 seconds; give a number of seconds");
        }
    }

    private static void reject(String field, SweepType type, String onlyFor) {
        throw new SpecException(field + ": not used by a " + type.wireName() + " sweep (only " + onlyFor + "); remove it or change sweep.type");
    }
}
