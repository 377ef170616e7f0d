package dev.redline.plan.search;

import java.util.List;

/** One tier of a multi-tier SLA search (AIPerf's {@code SLOTier}): its label and the filters that must all hold. */
public record SlaTier(String label, List<SlaFilter> filters) {
    public SlaTier {
        if (label == null || label.isBlank()) throw new IllegalArgumentException("an SLA tier needs a label");
        if (filters == null || filters.isEmpty()) throw new IllegalArgumentException("SLA tier '" + label + "' needs at least one filter");
        filters = List.copyOf(filters);
    }
}
