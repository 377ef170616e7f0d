package dev.redline.runner.load;

import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.api.validate.SpecValidator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phase model read from real YAML (snake_case and camelCase keys), validated, and resolved into plans. */
class PhaseSpecYamlTest {
    @Test
    void yamlPhasesResolveToPlans() {
        BenchmarkSpec spec = SpecReader.read("""
                models: [m]
                endpoint: {streaming: true}
                sessions:
                  turns_mean: 3
                  delay_ratio: 0.5
                phases:
                  - kind: warmup
                    requests: 5
                  - kind: profiling
                    type: gamma
                    rate: 50
                    smoothness: 0.5
                    concurrency: 16
                    prefill_concurrency: 4
                    duration: 60
                    grace_period: inf
                    rate_ramp: 10
                    cancellation: {rate: 10, delay: 0.5}
                """, "bench.yaml");
        assertTrue(SpecValidator.validate(spec).isEmpty(), SpecValidator.validate(spec).toString());
        assertEquals(0.5, spec.getSessions().resolvedDelayRatio());
        PhaseSpec prof = spec.getPhases().get(1);
        assertEquals(LoadType.GAMMA, prof.resolvedType());
        assertEquals(Double.POSITIVE_INFINITY, prof.getGracePeriod());
        PhasePlan warm = PhasePlan.resolve(spec.getPhases().get(0), false, 3);
        assertEquals(PhaseKind.WARMUP.wireName(), warm.name());
        assertEquals(5, warm.maxRequests());
        assertEquals(PhasePlan.UNLIMITED, warm.graceNs(), "warmup waits for every response by default");
        PhasePlan p = PhasePlan.resolve(prof, false, 3);
        assertEquals(16, p.concurrency());
        assertEquals(PhasePlan.UNLIMITED, p.maxRequests());
        assertEquals(60_000_000_000L, p.durationNs());
        assertEquals(PhasePlan.UNLIMITED, p.graceNs());
    }

    @Test
    void traceReplayAndUserCentricFromYaml() {
        BenchmarkSpec spec = SpecReader.read("""
                models: [m]
                phases:
                  - type: fixed_schedule
                    fixedSchedule: {startOffsetMs: 100, endOffsetMs: 900}
                """, "trace.yaml");
        assertTrue(SpecValidator.validate(spec).isEmpty(), SpecValidator.validate(spec).toString());
        assertEquals(900L, spec.getPhases().get(0).getFixedSchedule().getEndOffsetMs());
        BenchmarkSpec uc = SpecReader.read("""
                models: [m]
                phases:
                  - {type: user_centric, rate: 10, users: 20}
                """, "uc.yaml");
        assertTrue(SpecValidator.validate(uc).isEmpty());
        assertEquals(20, uc.getPhases().get(0).getUsers());
        BenchmarkSpec bad = SpecReader.read("""
                models: [m]
                phases:
                  - {type: poisson, concurrency: 0, requests: 3, sessions: 2}
                """, "bad.yaml");
        List<String> paths = SpecValidator.validate(bad).stream().map(v -> v.path()).toList();
        assertTrue(paths.containsAll(List.of("phases[0].rate", "phases[0].concurrency", "phases[0].sessions")), paths.toString());
    }
}
