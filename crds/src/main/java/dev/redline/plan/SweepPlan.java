package dev.redline.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.SweepType;

import java.util.List;

/**
 * What a sweep expands to: every variation in order, the swept parameters, and for sobol and
 * latin_hypercube the sampling design ({@code sweep_aggregate/sampling_design.json}).
 *
 * @param type           null when the experiment is not a sweep (one base variation)
 * @param samplingDesign null unless {@code type} samples
 */
public record SweepPlan(SweepType type, List<Variation> variations, List<SweepParameter> parameters, JsonNode samplingDesign) {
    public SweepPlan {
        variations = List.copyOf(variations);
        parameters = List.copyOf(parameters);
    }

    public boolean isSweep() { return type != null; }

    public int size() { return variations.size(); }

    /** As a planner that proposes these variations in order. */
    public Planner planner() { return new FixedPlanner(variations); }
}
