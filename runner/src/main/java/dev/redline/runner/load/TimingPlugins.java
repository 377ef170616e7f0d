package dev.redline.runner.load;

import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.dataset.Dataset;
import dev.redline.runner.plugin.PluginRegistry;

import java.util.concurrent.CompletableFuture;

/**
 * The timing modes in the plugin registry: each phase type (concurrency, the arrival patterns, user_centric,
 * fixed_schedule) with the phase that paces it. {@link LoadRunner} starts a phase through the mode registered for
 * its type; a new timing mode registers here.
 */
public final class TimingPlugins {
    /** A started phase: its live state, its completion, and its pacer (null for closed-loop phases). */
    public record Started(PhaseState state, CompletableFuture<Void> done, Pacer pacer) { }

    /** Starts one phase of a type. */
    @FunctionalInterface
    public interface Mode {
        Started start(PhaseContext ctx, PhasePlan plan, PhaseSpec phase, Dataset dataset);
    }

    public static final PluginRegistry.Category<Mode> TIMING = PluginRegistry.category("timing");

    static {
        TIMING.register(LoadType.CONCURRENCY.wireName(), "closed loop: a new request as soon as one of --concurrency slots frees", (ctx, plan, phase, ds) -> {
            ClosedLoopPhase p = new ClosedLoopPhase(ctx, plan);
            return new Started(p.state(), p.start(), null);
        });
        for (LoadType t : new LoadType[] {LoadType.CONSTANT, LoadType.POISSON, LoadType.GAMMA}) {
            TIMING.register(t.wireName(), "open loop at --request-rate, " + switch (t) {
                case CONSTANT -> "evenly spaced arrivals";
                case POISSON -> "exponential inter-arrival times";
                default -> "gamma inter-arrival times shaped by --arrival-smoothness";
            }, TimingPlugins::openLoop);
        }
        TIMING.register(LoadType.USER_CENTRIC.wireName(), "--num-users users, each sending a turn every users/rate seconds", (ctx, plan, phase, ds) -> {
            if (phase.getUsers() == null || phase.getRate() == null) {
                throw new IllegalArgumentException("user_centric needs users and rate (--num-users, --user-centric-rate)");
            }
            UserCentricPhase p = new UserCentricPhase(ctx, plan, phase.getUsers(), phase.getRate());
            return new Started(p.state(), p.start(), null);
        });
        TIMING.register(LoadType.FIXED_SCHEDULE.wireName(), "trace replay at the dataset's timestamps", (ctx, plan, phase, ds) -> {
            FixedSchedule fs = FixedSchedule.build(ds, phase.getFixedSchedule());
            OpenLoopPhase p = new OpenLoopPhase(ctx, plan, fs.schedule(), fs.sessions(ctx.source()), false);
            return new Started(p.state(), p.start(), p.pacer());
        });
    }

    private TimingPlugins() { }

    private static Started openLoop(PhaseContext ctx, PhasePlan plan, PhaseSpec phase, Dataset ds) {
        LoadType type = phase.resolvedType();
        double smooth = phase.getSmoothness() == null ? 1.0 : phase.getSmoothness();
        IntervalSampler sampler = new IntervalSampler(type, smooth, ctx.seed() * 31 + plan.name().hashCode());
        double ramp = phase.getRateRamp() == null ? 0 : phase.getRateRamp();
        RateSchedule schedule = phase.getRateSeries() != null ? RateSchedule.series(phase.getRateSeries(), ramp, sampler)
                : new RateSchedule(phase.getRate(), ramp, sampler);
        OpenLoopPhase p = new OpenLoopPhase(ctx, plan, schedule, ctx.source()::open, true);
        return new Started(p.state(), p.start(), p.pacer());
    }

    /** The mode registered for {@code type}. */
    static Mode forType(LoadType type) {
        Mode m = TIMING.find(type.wireName());
        if (m == null) throw new IllegalArgumentException("load type " + type.wireName() + " is not supported by this runner");
        return m;
    }
}
