package dev.redline.operator.children;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link LabelSelector} in the API server's query syntax ({@code k=v,k2 in (a,b),!k3}), so the runner can
 * list the pods it selects with one string from its environment.
 */
public final class SelectorString {
    private SelectorString() { }

    /** @return the selector as a string; empty when it selects everything */
    public static String of(LabelSelector selector) {
        List<String> terms = new ArrayList<>();
        Map<String, String> labels = selector.getMatchLabels() == null ? Map.of() : new TreeMap<>(selector.getMatchLabels());
        labels.forEach((k, v) -> terms.add(k + "=" + v));
        for (LabelSelectorRequirement r : selector.getMatchExpressions() == null ? List.<LabelSelectorRequirement>of()
                : selector.getMatchExpressions()) {
            String values = r.getValues() == null ? "" : String.join(",", r.getValues());
            switch (r.getOperator()) {
                case "In" -> terms.add(r.getKey() + " in (" + values + ")");
                case "NotIn" -> terms.add(r.getKey() + " notin (" + values + ")");
                case "Exists" -> terms.add(r.getKey());
                case "DoesNotExist" -> terms.add("!" + r.getKey());
                default -> throw new IllegalArgumentException("runners.colocateWith: unknown operator '" + r.getOperator()
                        + "'; use In, NotIn, Exists or DoesNotExist");
            }
        }
        return String.join(",", terms);
    }
}
