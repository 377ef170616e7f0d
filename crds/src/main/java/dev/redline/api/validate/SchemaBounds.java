package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * The bounds the CRD schema states, checked in Java from the same annotations ({@code @Min}, {@code @Max},
 * {@code @Pattern}, {@code @Size} on the spec classes), so a file or CLI flag and the apiserver reject the
 * same values. It runs after the other rules and only adds a violation for a field they did not already
 * report (their messages say more). NaN is never a valid number; infinity only under {@link AcceptsInfinity}.
 */
final class SchemaBounds implements ValidationRule {
    private static final String MODEL_PACKAGE = BenchmarkSpec.class.getPackageName();
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
    private static final java.util.regex.Pattern ONE_OF = java.util.regex.Pattern.compile("\\^\\((?:\\?i\\))?\\(?([A-Za-z0-9_|-]+)\\)\\$");

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        walk(spec, "", out);
    }

    private static void walk(Object node, String path, Violations out) {
        for (Field f : fields(node.getClass())) {
            Object value;
            try {
                value = f.get(node);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (value == null) continue;
            String at = path.isEmpty() ? wireName(f) : path + "." + wireName(f);
            if (!out.has(at)) checkValue(f, value, at, out);
            if (oversized(f, value)) continue; // the size is the error; its items are not worth a line each
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) != null && isModel(list.get(i).getClass())) walk(list.get(i), at + "[" + i + "]", out);
                }
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    if (v != null && isModel(v.getClass()) && !v.getClass().isEnum()) walk(v, at + "." + k, out);
                });
            } else if (isModel(value.getClass()) && !value.getClass().isEnum()) {
                walk(value, at, out);
            }
        }
    }

    /** The key users write: @JsonProperty's name where the Java field cannot have it (e.g. "default"). */
    private static String wireName(Field f) {
        com.fasterxml.jackson.annotation.JsonProperty p = f.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : f.getName();
    }

    private static void checkValue(Field f, Object value, String at, Violations out) {
        if (value instanceof Number n) {
            number(f, n.doubleValue(), value, at, out);
        } else if (value instanceof String s) {
            Pattern p = f.getAnnotation(Pattern.class);
            if (p != null && !java.util.regex.Pattern.compile(p.value()).matcher(s).find()) out.add(at, patternMessage(s, p.value()));
            size(f, s.length(), "characters", at, out);
        } else if (value instanceof Collection<?> c) {
            size(f, c.size(), "items", at, out);
        } else if (value instanceof Map<?, ?> m) {
            size(f, m.size(), "entries", at, out);
        }
    }

    private static void number(Field f, double d, Object shown, String at, Violations out) {
        if (Double.isNaN(d)) {
            out.add(at, "must be a number, got NaN");
            return;
        }
        if (Double.isInfinite(d) && !(d > 0 && f.isAnnotationPresent(AcceptsInfinity.class))) {
            out.add(at, "must be a finite number, got " + shown);
            return;
        }
        Min min = f.getAnnotation(Min.class);
        if (min != null && (min.inclusive() ? d < min.value() : d <= min.value())) {
            out.add(at, min.inclusive() ? "must be at least " + fmt(min.value()) + ", got " + shown + "; set a value >= " + fmt(min.value())
                    : min.value() == 0 ? "must be greater than 0, got " + shown + "; set a positive value"
                    : "must be greater than " + fmt(min.value()) + ", got " + shown);
            return;
        }
        Max max = f.getAnnotation(Max.class);
        if (max != null && !Double.isInfinite(d) && (max.inclusive() ? d > max.value() : d >= max.value())) {
            out.add(at, "must be at most " + fmt(max.value()) + ", got " + shown + "; set a value <= " + fmt(max.value()));
        }
    }

    private static void size(Field f, int n, String unit, String at, Violations out) {
        Size size = f.getAnnotation(Size.class);
        if (size == null) return;
        if (n < size.min()) out.add(at, "has " + n + " " + unit + "; give at least " + size.min());
        else if (n > size.max()) out.add(at, "has " + n + " " + unit + "; at most " + size.max() + " are allowed");
    }

    private static boolean oversized(Field f, Object value) {
        Size size = f.getAnnotation(Size.class);
        if (size == null) return false;
        int n = value instanceof Collection<?> c ? c.size() : value instanceof Map<?, ?> m ? m.size() : -1;
        return n > size.max();
    }

    /** {@code ^(a|b|c)$} reads as "use one of a, b, c"; other patterns are quoted. */
    static String patternMessage(String value, String regex) {
        Matcher m = ONE_OF.matcher(regex);
        if (m.matches()) return "unknown value '" + value + "'; use one of " + String.join(", ", m.group(1).split("\\|"));
        return "'" + value + "' does not match " + regex;
    }

    private static boolean isModel(Class<?> c) {
        return c.getPackageName().equals(MODEL_PACKAGE);
    }

    private static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> out = new ArrayList<>();
            for (Class<?> c = t; c != null && isModel(c); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
                    f.setAccessible(true);
                    out.add(f);
                }
            }
            return out;
        });
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
