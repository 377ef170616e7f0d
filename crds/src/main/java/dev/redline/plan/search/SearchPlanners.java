package dev.redline.plan.search;

import java.util.Locale;

/** The planners by their {@code --search-planner} names. */
public enum SearchPlanners {
    BAYESIAN, MONOTONIC_SLA, SMOOTH_ISOTONIC, GRID;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static SearchPlanners parse(String text) {
        if (text == null) return null;
        for (SearchPlanners p : values()) if (p.wireName().equalsIgnoreCase(text.trim())) return p;
        return null;
    }

    public SearchStrategy create(SearchProblem problem) {
        return switch (this) {
            case BAYESIAN -> new BayesianPlanner(problem);
            case MONOTONIC_SLA -> new MonotonicSlaPlanner(problem);
            case SMOOTH_ISOTONIC -> new SmoothIsotonicPlanner(problem);
            case GRID -> new GridPlanner(problem);
        };
    }
}
