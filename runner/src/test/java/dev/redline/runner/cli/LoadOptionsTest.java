package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.EndpointSpec;
import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.api.validate.SpecValidator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadOptionsTest {
    @Command(name = "t")
    static class Cmd {
        @Mixin LoadOptions load = new LoadOptions();
    }

    private static BenchmarkSpec apply(BenchmarkSpec spec, String... args) {
        Cmd cmd = new Cmd();
        new CommandLine(cmd).parseArgs(args);
        cmd.load.applyTo(spec);
        return spec;
    }

    private static BenchmarkSpec apply(String... args) {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setModels(List.of("m"));
        return apply(spec, args);
    }

    private static List<String> problems(BenchmarkSpec spec) {
        return SpecValidator.validate(spec).stream().map(v -> v.path() + ": " + v.message()).toList();
    }

    @Test
    void closedModelFlagsBuildTheProfilingPhase() {
        BenchmarkSpec s = apply("--concurrency", "8", "--num-requests", "100");
        assertEquals(1, s.getPhases().size());
        PhaseSpec p = s.getPhases().get(0);
        assertEquals(PhaseKind.PROFILING, p.resolvedKind());
        assertEquals(8, p.getConcurrency());
        assertEquals(100, p.getRequests());
        assertEquals(LoadType.CONCURRENCY, p.resolvedType());
        assertTrue(problems(s).isEmpty(), problems(s).toString());
    }

    @Test
    void gracePeriodAcceptsInf() {
        BenchmarkSpec s = apply("--benchmark-duration", "60", "--benchmark-grace-period", "inf");
        assertEquals(Double.POSITIVE_INFINITY, s.getPhases().get(0).getGracePeriod());
        assertTrue(problems(s).isEmpty());
        assertThrows(CommandLine.ParameterException.class, () -> apply("--benchmark-grace-period", "soon"));
    }

    @Test
    void warmupPhaseComesFirstAndInheritsPacing() {
        BenchmarkSpec s = apply("--concurrency", "4", "--request-count", "20", "--warmup-request-count", "5");
        assertEquals(2, s.getPhases().size());
        PhaseSpec w = s.getPhases().get(0);
        assertEquals(PhaseKind.WARMUP, w.resolvedKind());
        assertEquals(5, w.getRequests());
        assertEquals(4, w.getConcurrency());
        assertEquals(20, s.getPhases().get(1).getRequests());
        BenchmarkSpec s2 = apply("--concurrency", "4", "--warmup-request-count", "5", "--warmup-concurrency", "2");
        assertEquals(2, s2.getPhases().get(0).getConcurrency());
    }

    @Test
    void flagsOverrideTheFilesProfilingPhase() {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setModels(List.of("m"));
        PhaseSpec fromFile = new PhaseSpec();
        fromFile.setConcurrency(2);
        fromFile.setRequests(50);
        spec.phases().add(fromFile);
        apply(spec, "--concurrency", "16");
        assertEquals(1, spec.getPhases().size());
        assertEquals(16, spec.getPhases().get(0).getConcurrency());
        assertEquals(50, spec.getPhases().get(0).getRequests());
    }

    @Test
    void openModelFlags() {
        BenchmarkSpec s = apply("--request-rate", "50", "--arrival-pattern", "gamma", "--vllm-burstiness", "0.5", "--concurrency", "10");
        PhaseSpec p = s.getPhases().get(0);
        assertEquals(50.0, p.getRate());
        assertEquals(LoadType.GAMMA, p.resolvedType());
        assertEquals(0.5, p.getSmoothness());
        assertTrue(problems(s).isEmpty(), problems(s).toString());
        assertEquals(LoadType.POISSON, apply("--request-rate", "5").getPhases().get(0).resolvedType());
        assertEquals(LoadType.GAMMA, apply("--request-rate", "5", "--arrival-smoothness", "2").getPhases().get(0).resolvedType());
        assertThrows(CommandLine.ParameterException.class, () -> apply("--arrival-pattern", "burst"));
    }

    @Test
    void badInputNamesTheField() {
        assertTrue(problems(apply("--concurrency", "0")).stream().anyMatch(m -> m.startsWith("phases[0].concurrency")));
        assertTrue(problems(apply("--request-count", "-3")).stream().anyMatch(m -> m.startsWith("phases[0].requests")));
        assertTrue(problems(apply("--request-count", "5", "--num-sessions", "3")).stream()
                .anyMatch(m -> m.startsWith("phases[0].sessions") && m.contains("mutually exclusive")));
        assertTrue(problems(apply("--request-rate", "0")).stream().anyMatch(m -> m.startsWith("phases[0].rate")));
        assertTrue(problems(apply("--request-rate", "5", "--arrival-smoothness", "-1")).stream().anyMatch(m -> m.startsWith("phases[0].smoothness")));
        assertTrue(problems(apply("--benchmark-grace-period", "5")).stream().anyMatch(m -> m.startsWith("phases[0].gracePeriod")));
        assertTrue(problems(apply("--prefill-concurrency", "2", "--concurrency", "4")).stream()
                .anyMatch(m -> m.startsWith("phases[0].prefillConcurrency") && m.contains("streaming")));
        BenchmarkSpec streaming = new BenchmarkSpec();
        streaming.setModels(List.of("m"));
        streaming.setEndpoint(new EndpointSpec());
        streaming.getEndpoint().setStreaming(true);
        assertTrue(problems(apply(streaming, "--prefill-concurrency", "2", "--concurrency", "4")).isEmpty());
        assertTrue(problems(apply("--request-cancellation-rate", "150")).stream().anyMatch(m -> m.startsWith("phases[0].cancellation.rate")));
        assertTrue(problems(apply("--request-rate-ramp-duration", "5")).stream().anyMatch(m -> m.startsWith("phases[0].rateRamp")));
    }

    @Test
    void flagsByFieldNamesTheFlags() {
        LoadOptions o = new LoadOptions();
        assertEquals("--concurrency", o.flagsByField().get("phases[*].concurrency"));
        assertEquals("--request-count", o.flagsByField().get("phases[*].requests"));
        assertNull(new LoadOptions().concurrency);
    }

    @Test
    void sessionUserCentricAndFixedScheduleFlags() {
        BenchmarkSpec s = apply("--session-turns-mean", "3", "--session-turn-delay-mean", "500", "--session-delay-ratio", "0.5",
                "--user-centric-rate", "10", "--num-users", "20", "--shared-system-prompt-length", "1000");
        assertEquals(3.0, s.getSessions().getTurnsMean());
        assertEquals(500.0, s.getSessions().getTurnDelayMeanMs());
        assertEquals(0.5, s.getSessions().resolvedDelayRatio());
        assertEquals(1000, s.getSessions().getSharedSystemPromptLength());
        PhaseSpec p = s.getPhases().get(0);
        assertEquals(LoadType.USER_CENTRIC, p.resolvedType());
        assertEquals(10.0, p.getRate());
        assertEquals(20, p.getUsers());
        assertTrue(problems(s).isEmpty(), problems(s).toString());
        assertTrue(problems(apply("--user-centric-rate", "10", "--session-turns-mean", "3")).stream().anyMatch(m -> m.startsWith("phases[0].users")));
        // AIPerf refuses user-centric timing without multi-turn sessions on the command line
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(dev.redline.runner.BadInputException.class,
                () -> apply("--user-centric-rate", "10", "--num-users", "4", "--session-turns-mean", "1")).getMessage().contains("--session-turns-mean >= 2"));
        assertTrue(problems(apply("--session-delay-ratio", "0")).stream().anyMatch(m -> m.startsWith("sessions.delayRatio")));

        BenchmarkSpec f = apply("--fixed-schedule", "--fixed-schedule-start-offset", "100", "--fixed-schedule-end-offset", "900");
        assertEquals(LoadType.FIXED_SCHEDULE, f.getPhases().get(0).resolvedType());
        assertEquals(100L, f.getPhases().get(0).getFixedSchedule().getStartOffsetMs());
        assertTrue(problems(f).isEmpty(), problems(f).toString());
        assertTrue(problems(apply("--fixed-schedule", "--fixed-schedule-auto-offset", "--fixed-schedule-start-offset", "5")).stream()
                .anyMatch(m -> m.contains("mutually exclusive")));
        assertTrue(problems(apply("--fixed-schedule", "--fixed-schedule-start-offset", "500", "--fixed-schedule-end-offset", "100")).stream()
                .anyMatch(m -> m.startsWith("phases[0].fixedSchedule.endOffsetMs")));
        assertTrue(problems(apply("--fixed-schedule", "--request-rate", "5")).stream().anyMatch(m -> m.startsWith("phases[0].rate")));
    }
}
