package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.util.List;

/**
 * The one validator for a {@link BenchmarkSpec}, whether it came from a CR, a YAML file or CLI flags.
 * Each feature contributes a {@link ValidationRule}; messages name the field path and the fix.
 */
public final class SpecValidator {
    private static final List<ValidationRule> RULES = List.of(
            new EndpointRules(),
            new PhaseRules(),
            new DatasetRules(),
            new MediaRules(),
            new GoodputRules(),
            new ArtifactsRules(),
            new TelemetryRules(),
            new OtelRules(),
            new RuntimeRules(),
            new PlotRules(),
            new MlflowRules(),
            new RunnerPodRules(),
            new SchemaBounds()   // last: the schema's bounds, for fields the rules above did not already report
    );

    private SpecValidator() { }

    public static List<Violation> validate(BenchmarkSpec spec) {
        Violations out = new Violations();
        for (ValidationRule rule : RULES) {
            rule.check(spec, out);
        }
        return out.list();
    }
}
