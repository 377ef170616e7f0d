package dev.redline.plan.search;

import dev.redline.plan.Knob;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The knobs a search moves, in a fixed order: point arrays are indexed by this order. */
public record SearchSpace(List<Knob> dimensions) {
    public SearchSpace {
        if (dimensions == null || dimensions.isEmpty()) throw new IllegalArgumentException("search space needs at least one dimension");
        dimensions = List.copyOf(dimensions);
        Set<String> seen = new HashSet<>();
        for (Knob d : dimensions) {
            if (!seen.add(d.path())) throw new IllegalArgumentException("search space names '" + d.path() + "' twice");
        }
    }

    public static SearchSpace of(Knob... dims) { return new SearchSpace(Arrays.asList(dims)); }

    public int size() { return dimensions.size(); }

    public Knob get(int i) { return dimensions.get(i); }

    public double[] toUnit(double[] values) {
        double[] u = new double[values.length];
        for (int i = 0; i < u.length; i++) u[i] = dimensions.get(i).toUnit(values[i]);
        return u;
    }

    public double[] fromUnit(double[] unit) {
        double[] v = new double[unit.length];
        for (int i = 0; i < v.length; i++) v[i] = dimensions.get(i).fromUnit(unit[i]);
        return v;
    }

    /** The unit-cube image of the snapped point: integer knobs land on their lattice (Garrido-Merchan & Hernandez-Lobato). */
    public double[] snapUnit(double[] unit) { return toUnit(fromUnit(unit)); }

    /** Number of distinct points when every knob is an integer, else Long.MAX_VALUE. */
    public long cardinality() {
        long n = 1;
        for (Knob d : dimensions) {
            long c = d.cardinality();
            if (c == Long.MAX_VALUE || n > Long.MAX_VALUE / c) return Long.MAX_VALUE;
            n *= c;
        }
        return n;
    }

    /** Values by path, in dimension order (integer knobs as longs, for AIPerf-shaped output). */
    public Map<String, Number> valuesByPath(double[] values) {
        Map<String, Number> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Knob d = dimensions.get(i);
            out.put(d.path(), d.isInteger() ? (Number) Math.round(values[i]) : (Number) values[i]);
        }
        return out;
    }

    /** The inverse of {@link #valuesByPath}: a missing path is an error (the history does not match this space). */
    public double[] valuesOf(Map<String, ? extends Number> byPath) {
        double[] v = new double[dimensions.size()];
        for (int i = 0; i < v.length; i++) {
            Number n = byPath.get(dimensions.get(i).path());
            if (n == null) throw new IllegalArgumentException("observation has no value for '" + dimensions.get(i).path() + "'");
            v[i] = n.doubleValue();
        }
        return v;
    }

    public List<String> paths() {
        List<String> p = new ArrayList<>();
        for (Knob d : dimensions) p.add(d.path());
        return p;
    }
}
