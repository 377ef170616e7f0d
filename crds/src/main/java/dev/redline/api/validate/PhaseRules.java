package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Load phases: names, limits, stop conditions. */
final class PhaseRules implements ValidationRule {
    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]*$");

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        List<PhaseSpec> phases = spec.getPhases();
        if (phases == null || phases.isEmpty()) return; // defaults apply: one profiling phase
        Set<String> names = new HashSet<>();
        boolean profiling = false;
        for (int i = 0; i < phases.size(); i++) {
            PhaseSpec p = phases.get(i);
            String at = "phases[" + i + "]";
            if (p == null) {
                out.add(at, "phase is empty; remove it or give it a type");
                continue;
            }
            if (p.getName() != null && !NAME.matcher(p.getName()).matches()) {
                out.add(at + ".name", "'" + p.getName() + "' must match ^[A-Za-z_][A-Za-z0-9_-]*$");
            }
            if (!names.add(p.resolvedName().toLowerCase(Locale.ROOT))) {
                out.add(at + ".name", "phase name '" + p.resolvedName() + "' is used twice; give each phase a unique name");
            }
            profiling |= p.resolvedKind() == PhaseKind.PROFILING;
            out.atLeast(at + ".concurrency", p.getConcurrency(), 1);
            out.atLeast(at + ".prefillConcurrency", p.getPrefillConcurrency(), 1);
            out.atLeast(at + ".requests", p.getRequests(), 1);
            out.atLeast(at + ".sessions", p.getSessions(), 1);
            out.positive(at + ".rate", p.getRate());
            out.positive(at + ".smoothness", p.getSmoothness());
            out.positive(at + ".duration", p.getDuration());
            out.atLeast(at + ".gracePeriod", p.getGracePeriod(), 0);
            if (p.getGracePeriod() != null && p.getDuration() == null) {
                out.add(at + ".gracePeriod", "a grace period needs a duration; set duration (CLI: --benchmark-duration) or remove the grace period");
            }
        }
        if (!profiling) {
            out.add("phases", "no profiling phase; add a phase with kind: profiling");
        }
    }
}
