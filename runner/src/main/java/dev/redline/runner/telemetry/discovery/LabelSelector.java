package dev.redline.runner.telemetry.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An equality-based Kubernetes label selector ({@code k=v}, {@code k==v}, {@code k!=v}, {@code k},
 * {@code !k}, comma = and). Set-based terms ({@code in}, {@code notin}) are not supported.
 */
public final class LabelSelector {
    private record Term(String key, String op, String value) { }

    private final List<Term> terms;

    private LabelSelector(List<Term> terms) {
        this.terms = terms;
    }

    /** @throws IllegalArgumentException naming the bad term */
    public static LabelSelector parse(String selector) {
        List<Term> terms = new ArrayList<>();
        if (selector == null || selector.isBlank()) return new LabelSelector(terms);
        for (String raw : selector.split(",")) {
            String t = raw.trim();
            if (t.isEmpty()) throw new IllegalArgumentException("empty term in label selector '" + selector + "'");
            if (t.contains(" in ") || t.contains(" notin ") || t.contains("(")) {
                throw new IllegalArgumentException("set-based term '" + t + "' is not supported; use key=value");
            }
            int ne = t.indexOf("!=");
            int eq = t.indexOf('=');
            if (ne > 0) {
                terms.add(new Term(t.substring(0, ne).trim(), "!=", t.substring(ne + 2).trim()));
            } else if (eq > 0) {
                int end = t.startsWith("==", eq) ? eq + 2 : eq + 1;
                terms.add(new Term(t.substring(0, eq).trim(), "=", t.substring(end).trim()));
            } else if (t.startsWith("!")) {
                terms.add(new Term(t.substring(1).trim(), "!", null));
            } else if (eq < 0) {
                terms.add(new Term(t, "exists", null));
            } else {
                throw new IllegalArgumentException("bad term '" + t + "' in label selector '" + selector + "'");
            }
        }
        return new LabelSelector(terms);
    }

    public boolean matches(Map<String, String> labels) {
        Map<String, String> l = labels == null ? Map.of() : labels;
        for (Term t : terms) {
            String v = l.get(t.key());
            boolean ok = switch (t.op()) {
                case "=" -> t.value().equals(v);
                case "!=" -> !t.value().equals(v);
                case "!" -> v == null;
                default -> v != null;
            };
            if (!ok) return false;
        }
        return true;
    }
}
