package dev.redline.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecException;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.SamplingDimension;
import dev.redline.api.v1alpha1.SweepSpec;
import dev.redline.api.v1alpha1.SweepType;
import org.apache.commons.math3.random.SobolSequenceGenerator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The sobol and latin_hypercube sweeps: points in the unit cube, mapped per dimension to a range
 * (linear or log, int or real) or a list of choices the way AIPerf maps them. The sampler is seeded
 * ({@code sweep.seed}, else the base seed, else 0) so that the same spec always gives the same
 * variations — the operator re-plans on every reconcile and must get the same cells. Sobol comes from
 * commons-math3 (unscrambled it starts at the origin, as scipy's); {@code scramble} applies a seeded
 * random digital shift (not scipy's Owen scrambling, so the points differ from AIPerf's).
 */
final class SamplingPlanner {
    static final int MAX_SAMPLES = 1 << 20;
    private static final int SOBOL_BITS = 52;

    private SamplingPlanner() { }

    static List<SweepPlanner.Draft> drafts(SweepSpec sweep, Long baseSeed, String where) {
        List<SamplingDimension> dims = checked(sweep, where);
        List<DotPath> paths = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) paths.add(DotPath.parse(dims.get(d).getPath(), where + ".dimensions[" + d + "].path"));
        double[][] unit = unitCube(sweep.resolvedType(), sweep.getSamples(), dims.size(), seed(sweep, baseSeed),
                !Boolean.FALSE.equals(sweep.getScramble()));
        boolean kv = "kv".equals(sweep.getLabelFormat());
        List<SweepPlanner.Draft> out = new ArrayList<>();
        for (int i = 0; i < unit.length; i++) {
            Map<DotPath, Object> point = new LinkedHashMap<>();
            for (int d = 0; d < dims.size(); d++) point.put(paths.get(d), map(unit[i][d], dims.get(d)));
            String label = kv ? null : String.format(java.util.Locale.ROOT, "%s_%04d", sweep.resolvedType().wireName(), i);
            out.add(SweepPlanner.assign(point, where + ".dimensions", label));
        }
        return out;
    }

    /** {@code sampling_design.json}: the design and the values the variations actually ran with. */
    static JsonNode design(SweepSpec sweep, Long baseSeed, List<Variation> variations) {
        ObjectNode d = SpecReader.mapper().createObjectNode();
        d.put("type", sweep.resolvedType().wireName());
        d.put("samples", sweep.getSamples());
        d.put("seed", seed(sweep, baseSeed));
        if (sweep.resolvedType() == SweepType.SOBOL) d.put("scramble", !Boolean.FALSE.equals(sweep.getScramble()));
        else d.putNull("scramble");
        d.putNull("optimization");
        ArrayNode dims = d.putArray("dimensions");
        for (SamplingDimension dim : sweep.getDimensions()) {
            ObjectNode o = dims.addObject();
            o.put("path", dim.getPath());
            o.set("lo", dim.getLo() == null ? null : SpecTree.value(dim.getLo()));
            o.set("hi", dim.getHi() == null ? null : SpecTree.value(dim.getHi()));
            o.put("scale", dim.isLog() ? "log" : "linear");
            o.put("kind", dim.isInt() ? "int" : "real");
            o.set("choices", dim.getChoices() == null ? null : SpecTree.value(dim.getChoices()));
        }
        ArrayNode rows = d.putArray("samples_mapped");
        for (Variation v : variations) {
            ArrayNode row = rows.addArray();
            v.values().values().forEach(value -> row.add(SpecTree.value(value)));
        }
        return d;
    }

    private static long seed(SweepSpec sweep, Long baseSeed) {
        if (sweep.getSeed() != null) return sweep.getSeed();
        return baseSeed == null ? 0 : baseSeed;
    }

    static double[][] unitCube(SweepType type, int n, int dims, long seed, boolean scramble) {
        Random rng = new Random(seed);
        double[][] out = new double[n][dims];
        if (type == SweepType.SOBOL) {
            SobolSequenceGenerator sobol = new SobolSequenceGenerator(dims);
            long[] shift = new long[dims];
            for (int d = 0; d < dims; d++) shift[d] = scramble ? rng.nextLong() & ((1L << SOBOL_BITS) - 1) : 0;
            for (int i = 0; i < n; i++) {
                double[] p = sobol.nextVector();
                for (int d = 0; d < dims; d++) {
                    long bits = (long) (p[d] * (1L << SOBOL_BITS)) ^ shift[d];
                    out[i][d] = bits / (double) (1L << SOBOL_BITS);
                }
            }
            return out;
        }
        // Latin hypercube: one point in each of n equal strata per dimension, strata shuffled per dimension
        for (int d = 0; d < dims; d++) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) perm[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
            }
            for (int i = 0; i < n; i++) out[i][d] = (perm[i] + rng.nextDouble()) / n;
        }
        return out;
    }

    /** AIPerf's mapping of u in [0, 1) to a dimension's value. */
    static Object map(double u, SamplingDimension dim) {
        if (dim.getChoices() != null) {
            int idx = Math.min((int) Math.floor(u * dim.getChoices().size()), dim.getChoices().size() - 1);
            return dim.getChoices().get(idx);
        }
        Knob knob = new Knob(dim.getPath(), dim.getLo(), dim.getHi(), dim.isInt() ? Knob.Kind.INT : Knob.Kind.REAL,
                dim.isLog() ? Knob.Scale.LOG : Knob.Scale.LINEAR);
        double v = knob.fromUnit(u);
        return knob.isInteger() ? (Object) (long) v : (Object) v;
    }

    private static List<SamplingDimension> checked(SweepSpec s, String where) {
        String type = s.resolvedType().wireName();
        if (s.getSamples() == null) throw new SpecException(where + ".samples: missing; a " + type + " sweep needs the number of variations (2.." + MAX_SAMPLES + ")");
        if (s.getSamples() < 2 || s.getSamples() > MAX_SAMPLES) {
            throw new SpecException(where + ".samples: " + s.getSamples() + " is out of range; give 2.." + MAX_SAMPLES);
        }
        if (s.getSeed() != null && s.getSeed() < 0) throw new SpecException(where + ".seed: must be >= 0, got " + s.getSeed());
        if (s.getLabelFormat() != null && !s.getLabelFormat().equals("index") && !s.getLabelFormat().equals("kv")) {
            throw new SpecException(where + ".labelFormat: '" + s.getLabelFormat() + "' is not allowed; use index or kv");
        }
        List<SamplingDimension> dims = s.getDimensions();
        if (dims == null || dims.isEmpty()) {
            throw new SpecException(where + ".dimensions: missing; give at least one {path, lo, hi} or {path, choices}");
        }
        if (s.resolvedType() == SweepType.SOBOL && dims.size() > 1000) throw new SpecException(where + ".dimensions: sobol supports at most 1000 dimensions");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < dims.size(); i++) {
            SamplingDimension d = dims.get(i);
            String at = where + ".dimensions[" + i + "]";
            if (d == null || d.getPath() == null) throw new SpecException(at + ".path: missing; name the field to vary, e.g. concurrency");
            if (!seen.add(DotPath.parse(d.getPath(), at + ".path").canonical())) throw new SpecException(at + ".path: '" + d.getPath() + "' is sampled twice; give each path once");
            boolean range = d.getLo() != null || d.getHi() != null;
            boolean choices = d.getChoices() != null;
            if (range == choices) throw new SpecException(at + ": give either lo and hi, or choices (not both, not neither)");
            if (choices) {
                if (d.getChoices().isEmpty()) throw new SpecException(at + ".choices: empty; give at least one value");
                for (Object c : d.getChoices()) SweepPlanner.checkValue(at + ".choices", c);
                continue;
            }
            if (d.getLo() == null || d.getHi() == null) throw new SpecException(at + ": lo and hi go together; give both");
            if (!Double.isFinite(d.getLo()) || !Double.isFinite(d.getHi())) throw new SpecException(at + ": lo and hi must be finite numbers");
            if (!(d.getHi() > d.getLo())) throw new SpecException(at + ".hi: must be greater than lo (" + d.getLo() + "), got " + d.getHi());
            if (d.getScale() != null && !d.getScale().equals("linear") && !d.getScale().equals("log")) {
                throw new SpecException(at + ".scale: '" + d.getScale() + "' is not allowed; use linear or log");
            }
            if (d.isLog() && d.getLo() <= 0) throw new SpecException(at + ".lo: a log scale needs lo > 0, got " + d.getLo());
            if (d.getKind() != null && !d.getKind().equals("int") && !d.getKind().equals("real")) {
                throw new SpecException(at + ".kind: '" + d.getKind() + "' is not allowed; use int or real");
            }
        }
        return dims;
    }
}
