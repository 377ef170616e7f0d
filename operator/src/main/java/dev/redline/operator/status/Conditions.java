package dev.redline.operator.status;

import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets conditions Kubernetes-style: {@code lastTransitionTime} moves only when the status flips, so a
 * status that did not change serialises identically and is not patched again.
 */
public final class Conditions {
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    private final List<Condition> previous;
    private final List<Condition> next = new ArrayList<>();
    private final long generation;
    private final String now;

    public Conditions(List<Condition> previous, long generation, String now) {
        this.previous = previous == null ? List.of() : previous;
        this.generation = generation;
        this.now = now;
    }

    /** Starts from {@code current} (conditions already decided this round), with {@code previous}' transition times. */
    public static Conditions extend(List<Condition> previous, List<Condition> current, long generation, String now) {
        Conditions c = new Conditions(previous, generation, now);
        if (current != null) c.next.addAll(current);
        return c;
    }

    /** Keeps {@code type} as it was, when this round has nothing new to say about it. */
    public Conditions carry(ConditionType type) {
        Condition old = find(previous, type);
        if (old != null && find(next, type) == null) next.add(old);
        return this;
    }

    /** Drops {@code type} (e.g. Regressed once spec.baselineRef is removed). */
    public Conditions remove(ConditionType type) {
        next.removeIf(c -> type.name().equals(c.getType()));
        return this;
    }

    public Conditions set(ConditionType type, String status, ConditionReason reason, String message) {
        Condition old = find(previous, type);
        String since = old != null && status.equals(old.getStatus()) && old.getLastTransitionTime() != null
                ? old.getLastTransitionTime() : now;
        next.removeIf(c -> type.name().equals(c.getType()));
        next.add(new ConditionBuilder()
                .withType(type.name())
                .withStatus(status)
                .withReason(reason.name())
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(since)
                .build());
        return this;
    }

    public List<Condition> list() {
        List<Condition> ordered = new ArrayList<>();
        for (ConditionType type : ConditionType.values()) {
            Condition c = find(next, type);
            if (c != null) ordered.add(c);
        }
        return ordered;
    }

    public static Condition find(List<Condition> list, ConditionType type) {
        for (Condition c : list) {
            if (type.name().equals(c.getType())) return c;
        }
        return null;
    }
}
