package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a sweep turns its parameters into variations (AIPerf's {@code sweep.type}). */
public enum SweepType {
    /** Cartesian product of every parameter's values. */
    @JsonProperty("grid") GRID("grid", "Cartesian product of the parameters' values (the last varies fastest)"),
    /** Parameters paired element-wise; every list has the same length. */
    @JsonProperty("zip") ZIP("zip", "the parameters' lists paired element-wise"),
    /** Hand-written runs, each a partial benchmark deep-merged into the base. */
    @JsonProperty("scenarios") SCENARIOS("scenarios", "hand-written runs, each deep-merged into the base benchmark"),
    /** Sobol quasi-random points over the dimensions. */
    @JsonProperty("sobol") SOBOL("sobol", "Sobol quasi-random points over the dimensions"),
    /** Latin hypercube samples over the dimensions. */
    @JsonProperty("latin_hypercube") LATIN_HYPERCUBE("latin_hypercube", "Latin hypercube samples over the dimensions");

    private final String wireName;
    private final String description;

    SweepType(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() { return wireName; }

    /** One line for {@code redline plugins}. */
    public String description() { return description; }

    public boolean isSampling() { return this == SOBOL || this == LATIN_HYPERCUBE; }

    /** The type for a user's word (grid, zip, scenarios, sobol, latin_hypercube or lhs), or null. */
    public static SweepType fromName(String name) {
        if (name == null) return null;
        String n = name.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        if (n.equals("lhs")) return LATIN_HYPERCUBE;
        for (SweepType t : values()) if (t.wireName.equals(n)) return t;
        return null;
    }
}
