package dev.redline.operator.sweep;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepExecution;
import dev.redline.api.v1alpha1.SweepResourceSpec;
import dev.redline.api.validate.Violation;
import dev.redline.operator.validate.ResourceValidator;
import dev.redline.plan.ExperimentPlan;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates a Sweep and plans it with the same planner as the CLI. The template is checked as the
 * Benchmark its largest child would be (name length included); the sweep and multiRun as the config
 * file's sections. Problems name the field under {@code spec.}.
 */
final class SweepCheck {

    /** The plan, or why there is none. */
    record Checked(ExperimentPlan plan, List<Violation> violations) {
        boolean ok() { return violations.isEmpty(); }
    }

    private SweepCheck() { }

    static Checked of(Sweep sw) {
        List<Violation> out = new ArrayList<>();
        SweepResourceSpec spec = sw.getSpec();
        if (spec == null || spec.getTemplate() == null) {
            out.add(new Violation("spec.template", "is missing; give the Benchmark spec every cell starts from (see config/samples/sweep-*.yaml)"));
            return new Checked(null, out);
        }
        if (spec.getSweep() == null) {
            out.add(new Violation("spec.sweep", "is missing; give e.g. {type: grid, parameters: {concurrency: [1, 8, 64]}}"));
            return new Checked(null, out);
        }
        ExperimentPlan plan;
        try {
            plan = ExperimentPlan.of(plain(spec), spec.getSweep(), spec.getMultiRun(), spec.getTemplate().getRandomSeed(), "spec");
        } catch (SpecException e) {
            out.add(new Violation("spec", e.getMessage()));
            return new Checked(null, out);
        }
        String largest = SweepNames.child(sw, plan.variations().size() - 1, plan.trials() - 1, plan.trials());
        Benchmark probe = new Benchmark();
        probe.setMetadata(new ObjectMetaBuilder().withName(largest).withNamespace(sw.getMetadata().getNamespace()).build());
        probe.setSpec(spec.getTemplate());
        for (Violation v : ResourceValidator.validate(probe)) {
            String path = v.path().equals("metadata.name") ? "metadata.name" : v.path().replaceFirst("^spec\\.", "spec.template.");
            String message = v.path().equals("metadata.name")
                    ? "is too long: child Benchmark " + largest + " " + v.message() : v.message();
            out.add(new Violation(path, message));
        }
        if (spec.resolvedExecution() == SweepExecution.WARM_POOL && spec.getTemplate().resolvedRunners().resolvedReplicas() > 1) {
            out.add(new Violation("spec.template.runners.replicas", "a warm pool runs every cell in one runner pod; use execution perCell for several runners per cell"));
        }
        var convergence = plan.multiRun().getConvergence();
        if (spec.resolvedExecution() == SweepExecution.PER_CELL && convergence != null && "distribution".equals(convergence.resolvedMode())) {
            out.add(new Violation("spec.multiRun.convergence.mode", "distribution needs each run's per-request values, which only a warm pool keeps; use ci_width or cv, or execution warmPool"));
        }
        return new Checked(out.isEmpty() ? plan : null, out);
    }

    /** The template without its cluster-only fields: what the planner and the runner read. */
    static BenchmarkSpec plain(SweepResourceSpec spec) {
        return dev.redline.operator.children.ExperimentChildren.plain(spec.getTemplate());
    }
}
