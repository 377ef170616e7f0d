package dev.redline.operator;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.validate.Violation;
import dev.redline.operator.children.ChildLabels;
import dev.redline.operator.children.ChildNames;
import dev.redline.operator.children.ChildWriter;
import dev.redline.operator.children.ConfigMapFactory;
import dev.redline.operator.children.HeadlessServiceFactory;
import dev.redline.operator.children.RunnerJobFactory;
import dev.redline.operator.children.RunnerJobs;
import dev.redline.operator.children.RunnerRbacFactory;
import dev.redline.operator.gate.RegressionGate;
import dev.redline.operator.runs.RunRollover;
import dev.redline.operator.events.TransitionEvents;
import dev.redline.operator.metrics.BenchmarkMeters;
import dev.redline.operator.status.JobState;
import dev.redline.operator.status.RunnerPods;
import dev.redline.operator.status.StatusComputer;
import dev.redline.operator.validate.ResourceValidator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Turns a Benchmark into its children and keeps its status true to them. Triggered by changes of the
 * Benchmark and, through label-selected informers, of its Job and ConfigMaps; never polls. Every step
 * is create-if-absent over deterministic names, and status is recomputed from what exists, so running
 * it twice, or after an operator restart, changes nothing.
 */
@ControllerConfiguration(name = BenchmarkReconciler.NAME)
public class BenchmarkReconciler implements Reconciler<Benchmark> {
    public static final String NAME = "benchmark";
    private static final Logger LOG = Logger.getLogger(BenchmarkReconciler.class);

    private final OperatorSettings settings;
    private final Clock clock;
    private final BenchmarkMeters meters;
    private InformerEventSource<Job, Benchmark> jobs;
    private InformerEventSource<ConfigMap, Benchmark> configMaps;
    private InformerEventSource<Pod, Benchmark> pods;
    private io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache<Benchmark> primaries;

    @Inject
    public BenchmarkReconciler(OperatorSettings settings, BenchmarkMeters meters) {
        this(settings, Clock.systemUTC(), meters);
    }

    /** Outside Quarkus (plain JOSDK tests): meters go to a private registry nobody scrapes. */
    public BenchmarkReconciler(OperatorSettings settings) {
        this(settings, Clock.systemUTC(), new BenchmarkMeters(new SimpleMeterRegistry()));
    }

    public BenchmarkReconciler(OperatorSettings settings, Clock clock, BenchmarkMeters meters) {
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public List<EventSource<?, Benchmark>> prepareEventSources(EventSourceContext<Benchmark> context) {
        meters.observe(context.getPrimaryCache()::list);
        primaries = context.getPrimaryCache();
        jobs = new InformerEventSource<>(InformerEventSourceConfiguration.from(Job.class, Benchmark.class)
                .withName("runner-jobs").withLabelSelector(ChildLabels.MANAGED_BY)
                .withNamespacesInheritedFromController().build(), context);
        configMaps = new InformerEventSource<>(InformerEventSourceConfiguration.from(ConfigMap.class, Benchmark.class)
                .withName("configmaps").withLabelSelector(ChildLabels.MANAGED_BY)
                .withNamespacesInheritedFromController().build(), context);
        // Pods are owned by the Job, not the Benchmark: map them back by label. They tell a runner that
        // really runs from one waiting for a node or an image, which the Job counts alike as active.
        pods = new InformerEventSource<>(InformerEventSourceConfiguration.from(Pod.class, Benchmark.class)
                .withName("runner-pods").withLabelSelector(ChildLabels.MANAGED_BY + "," + ChildLabels.COMPONENT_KEY + "=runner")
                .withSecondaryToPrimaryMapper(pod -> {
                    String benchmark = pod.getMetadata().getLabels() == null ? null
                            : pod.getMetadata().getLabels().get(ChildLabels.BENCHMARK_KEY);
                    return benchmark == null ? Set.of() : Set.of(new ResourceID(benchmark, pod.getMetadata().getNamespace()));
                })
                .withNamespacesInheritedFromController().build(), context);
        return List.of(jobs, configMaps, pods);
    }

    @Override
    public UpdateControl<Benchmark> reconcile(Benchmark bm, Context<Benchmark> context) {
        KubernetesClient client = context.getClient();
        Instant now = clock.instant();
        BenchmarkStatus before = bm.getStatus();

        List<Violation> violations = ResourceValidator.validate(bm);
        if (!violations.isEmpty()) {
            // Nothing is created for an invalid spec, and returning normally (no exception) means no retry loop.
            return finish(bm, before, StatusComputer.invalid(bm, ResourceValidator.summarize(violations), now), null, client);
        }

        // Which run this reconcile is about: a spec whose run-defining fields changed starts the next one.
        String name = bm.getMetadata().getName();
        ConfigMap results = cached(configMaps, bm, name + "-results");
        BenchmarkStatus base;
        if (before == null || before.getRun() == null) {
            base = RunRollover.first(bm, before);
        } else if (bm.getSpec().runSpecHash().equals(before.getRunSpecHash())) {
            base = before;
        } else {
            ChildNames old = new ChildNames(name, before.getRun());
            RunRollover.Outcome rollover = new RunRollover(client).advance(bm, before, cached(jobs, bm, old.job()),
                    runnerPods(bm, before.getRun()), results, cached(configMaps, bm, old.archivedResults()), now);
            if (rollover.waiting()) return finish(bm, before, rollover.status(), null, client);
            base = rollover.status();
        }
        bm.setStatus(base); // this copy only: the names and status below are the current run's
        try {
            return reconcileRun(bm, before, results, client, now);
        } finally {
            bm.setStatus(before);
        }
    }

    private UpdateControl<Benchmark> reconcileRun(Benchmark bm, BenchmarkStatus before, ConfigMap results, KubernetesClient client,
                                                  Instant now) {
        ChildNames names = ChildNames.of(bm);
        // A finished run never gets new children: a deleted Job must not start it again.
        boolean finished = bm.getStatus().getPhase() != null && bm.getStatus().getPhase().isFinished();
        Job job = cached(jobs, bm, names.job());
        if (!finished) {
            ChildWriter writer = new ChildWriter(client);
            writer.ensure(ConfigMapFactory.spec(bm), cached(configMaps, bm, names.specConfigMap()));
            results = RunRollover.claimResults(client, writer.ensure(ConfigMapFactory.results(bm), results), names.run());
            writer.ensure(RunnerRbacFactory.serviceAccount(bm), null);
            writer.ensureRules(RunnerRbacFactory.role(bm));
            writer.ensureSubjects(RunnerRbacFactory.roleBinding(bm));
            if (HeadlessServiceFactory.needed(bm)) writer.ensure(HeadlessServiceFactory.service(bm), null);
            // A Job this run already had (it started) and that is gone now was deleted, e.g. by runners.ttlSecondsAfterFinished
            // in the moment it finished: creating it again would run the benchmark twice.
            boolean jobGone = job == null && bm.getStatus().getStartTime() != null;
            if (job != null || !bm.getSpec().cancelRequested() && !jobGone) {
                job = writer.ensure(RunnerJobFactory.job(bm, settings), job);
            }
            if (bm.getSpec().cancelRequested() && job != null) job = RunnerJobs.suspend(client, job, "cancelling");
        }
        ConfigMap ownResults = RunRollover.belongsTo(results, names.run()) ? results : null;

        StatusComputer.Outcome outcome = StatusComputer.compute(bm, JobState.of(job), runnerPods(bm, names.run()), ownResults,
                settings.resultsGraceSeconds(), now);
        BenchmarkStatus after = outcome.status();
        Duration recheck = earliest(outcome.recheckAfter(), gate(client).evaluate(bm, before, after, ownResults, StatusComputer.ts(now)));

        Long ttl = bm.getSpec().getTtlSecondsAfterFinished();
        if (ttl != null && after.getPhase().isFinished() && after.getCompletionTime() != null) {
            Duration left = Duration.ofSeconds(ttl).minus(Duration.between(Instant.parse(after.getCompletionTime()), now));
            if (left.isNegative() || left.isZero()) {
                LOG.infof("deleting %s/%s: ttlSecondsAfterFinished=%d passed", bm.getMetadata().getNamespace(), bm.getMetadata().getName(), ttl);
                client.resource(bm).delete();
                return UpdateControl.noUpdate();
            }
            recheck = earliest(recheck, left);
        }
        return finish(bm, before, after, recheck, client);
    }

    /** The regression gate, looking baselines up in the informers' caches first. */
    private RegressionGate gate(KubernetesClient client) {
        return new RegressionGate(
                (ns, cm) -> configMaps.get(new ResourceID(cm, ns))
                        .orElseGet(() -> client.configMaps().inNamespace(ns).withName(cm).get()),
                (ns, bm) -> primaries == null ? client.resources(Benchmark.class).inNamespace(ns).withName(bm).get()
                        : primaries.get(new ResourceID(bm, ns)).orElse(null));
    }

    /** The runner pods of one run of the Benchmark. */
    private RunnerPods runnerPods(Benchmark bm, int run) {
        String name = bm.getMetadata().getName();
        String runLabel = Integer.toString(run);
        return RunnerPods.of(pods.list(bm.getMetadata().getNamespace(), p -> p.getMetadata().getLabels() != null
                && name.equals(p.getMetadata().getLabels().get(ChildLabels.BENCHMARK_KEY))
                && runLabel.equals(p.getMetadata().getLabels().get(ChildLabels.RUN_KEY))).toList());
    }

    private static Duration earliest(Duration a, Duration b) {
        if (a == null) return b;
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private UpdateControl<Benchmark> finish(Benchmark bm, BenchmarkStatus before, BenchmarkStatus after, Duration recheck,
                                            KubernetesClient client) {
        UpdateControl<Benchmark> control;
        if (StatusDiff.same(before, after)) {
            control = UpdateControl.noUpdate();
        } else {
            new TransitionEvents(client).emit(bm, before, after);
            meters.statusChanged(before, after);
            Benchmark patch = new Benchmark();
            patch.setMetadata(new ObjectMetaBuilder().withName(bm.getMetadata().getName())
                    .withNamespace(bm.getMetadata().getNamespace()).build());
            patch.setStatus(after);
            control = UpdateControl.patchStatus(patch);
        }
        return recheck == null ? control : control.rescheduleAfter(recheck.plusMillis(100));
    }

    private static <R extends io.fabric8.kubernetes.api.model.HasMetadata> R cached(InformerEventSource<R, Benchmark> source,
                                                                                   Benchmark bm, String name) {
        return source.get(new ResourceID(name, bm.getMetadata().getNamespace())).orElse(null);
    }
}
