package dev.redline.operator.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.results.SweepResults;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepExecution;
import dev.redline.api.v1alpha1.SweepPhase;
import dev.redline.api.v1alpha1.SweepStatus;
import dev.redline.operator.OperatorSettings;
import dev.redline.operator.children.ChildLabels;
import dev.redline.operator.children.ChildNames;
import dev.redline.operator.children.ChildWriter;
import dev.redline.operator.children.ConfigMapFactory;
import dev.redline.operator.children.RunnerRbacFactory;
import dev.redline.operator.events.TransitionEvents;
import dev.redline.operator.status.JobState;
import dev.redline.operator.validate.ResourceValidator;
import dev.redline.plan.ExperimentPlan;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
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
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a Sweep with the CLI's planner. perCell: child Benchmarks {@code <sweep>-<i>}, owned by the Sweep,
 * at most maxParallel at a time with the cooldown between them; the Benchmark controller runs each one.
 * warmPool: one runner Job that runs every cell. Status (cells, best, Pareto front, conditions) and the
 * results ConfigMap (the sweep aggregate) are recomputed from the children on every event, so reconcile
 * is idempotent and a restart loses nothing. A bad Sweep gets Accepted=False and an Event, and no retries.
 * spec.cancel stops the running cells ({@link SweepCancel}), starts no more and ends the Sweep Cancelled.
 */
@ControllerConfiguration(name = SweepReconciler.NAME)
public class SweepReconciler implements Reconciler<Sweep> {
    public static final String NAME = "sweep";
    private static final Logger LOG = Logger.getLogger(SweepReconciler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OperatorSettings settings;
    private final Clock clock;
    private InformerEventSource<Benchmark, Sweep> children;
    private InformerEventSource<ConfigMap, Sweep> configMaps;
    private InformerEventSource<Job, Sweep> jobs;

    @Inject
    public SweepReconciler(OperatorSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public SweepReconciler(OperatorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, Sweep>> prepareEventSources(EventSourceContext<Sweep> context) {
        children = new InformerEventSource<>(InformerEventSourceConfiguration.from(Benchmark.class, Sweep.class)
                .withName("sweep-children").withLabelSelector(SweepNames.SWEEP_LABEL)
                .withNamespacesInheritedFromController().build(), context);
        // every managed ConfigMap: the Sweep's own results, and (looked up by name) its children's results
        configMaps = new InformerEventSource<>(InformerEventSourceConfiguration.from(ConfigMap.class, Sweep.class)
                .withName("sweep-configmaps").withLabelSelector(ChildLabels.MANAGED_BY)
                .withNamespacesInheritedFromController().build(), context);
        jobs = new InformerEventSource<>(InformerEventSourceConfiguration.from(Job.class, Sweep.class)
                .withName("sweep-jobs").withLabelSelector(ChildLabels.MANAGED_BY)
                .withNamespacesInheritedFromController().build(), context);
        return List.of(children, configMaps, jobs);
    }

    @Override
    public UpdateControl<Sweep> reconcile(Sweep sw, Context<Sweep> context) {
        KubernetesClient client = context.getClient();
        Instant now = clock.instant();
        SweepStatus before = sw.getStatus();
        SweepCheck.Checked checked = SweepCheck.of(sw);
        if (!checked.ok()) {
            return finish(sw, before, SweepStatusComputer.invalid(sw, ResourceValidator.summarize(checked.violations()), now), null, client);
        }
        ExperimentPlan plan = checked.plan();
        boolean cancel = SweepCancel.applies(sw);
        ChildWriter writer = new ChildWriter(client);
        ConfigMap results = writer.ensure(ConfigMapFactory.results(sw, SweepNames.own(sw)), cachedConfigMap(sw, SweepNames.own(sw).resultsConfigMap()));
        SweepStatusComputer.Progress progress;
        Duration recheck = null;
        if (sw.getSpec().resolvedExecution() == SweepExecution.WARM_POOL) {
            progress = warmPool(sw, plan, writer, results, cancel, client);
        } else {
            List<Benchmark> owned = List.copyOf(context.getSecondaryResources(Benchmark.class));
            PerCellDriver.Decision d = PerCellDriver.decide(sw, plan, owned, name -> cachedConfigMap(sw, name), now, cancel);
            if (cancel) SweepCancel.cells(client, owned);
            for (Benchmark child : d.toCreate()) {
                LOG.infof("sweep %s/%s: starting %s (%s)", sw.getMetadata().getNamespace(), sw.getMetadata().getName(),
                        child.getMetadata().getName(), child.getMetadata().getAnnotations().get(SweepNames.VARIATION_ANNOTATION));
                writer.ensure(child, null);
            }
            publish(client, results, SweepResults.data(d.rollup().aggregate(), d.rollup().status()));
            recheck = d.recheck();
            String failure = d.specChanged();
            progress = new SweepStatusComputer.Progress(d.rollup().status(), d.rollup().done(), d.rollup().anySucceeded(), d.coolingDown(),
                    failure, failure == null ? null : ConditionReason.SpecChanged,
                    d.startTime(), d.completionTime(), cancel, cancel && running(d.rollup().status()) && !wasCancelled(sw));
        }
        return finish(sw, before, SweepStatusComputer.compute(sw, progress, now), recheck, client);
    }

    private SweepStatusComputer.Progress warmPool(Sweep sw, ExperimentPlan plan, ChildWriter writer, ConfigMap results, boolean cancel,
                                                  KubernetesClient client) {
        ChildNames names = SweepNames.own(sw);
        writer.ensure(WarmPoolDriver.experimentConfigMap(sw), cachedConfigMap(sw, names.specConfigMap()));
        writer.ensure(RunnerRbacFactory.serviceAccount(sw, names), null);
        writer.ensure(RunnerRbacFactory.role(sw, names, sw.getSpec().getTemplate().resolvedRunners().getColocateWith() != null), null);
        writer.ensureSubjects(RunnerRbacFactory.roleBinding(sw, names, sw.getSpec().getTemplate().resolvedRunners()));
        Job cached = jobs.get(new ResourceID(names.job(), sw.getMetadata().getNamespace())).orElse(null);
        boolean finished = sw.getStatus() != null && sw.getStatus().getPhase() != null && sw.getStatus().getPhase().isFinished();
        // a finished Sweep never gets a new pool: a deleted Job must not run the sweep again; a cancelled one
        // gets none either, and the pool it has is suspended
        Job job = finished ? cached : cancel ? SweepCancel.pool(client, sw, cached) : writer.ensure(WarmPoolDriver.job(sw, plan, settings), cached);
        JobState state = JobState.of(job);
        WarmPoolDriver.Observation o = WarmPoolDriver.observe(plan, state, results);
        boolean any = o.rolledUp().getCells() != null && o.rolledUp().getCells().stream().anyMatch(c -> "Complete".equals(c.getPhase()));
        return new SweepStatusComputer.Progress(o.rolledUp(), o.done(), any, false, o.failure(),
                o.failure() == null ? null : ConditionReason.PoolFailed, o.startTime(), o.completionTime(),
                cancel, cancel && state.exists() && !state.suspended() && !state.finished());
    }

    /** Once Cancelled, a straggler the informer had not shown yet is cancelled too, without the Sweep going back to Running. */
    private static boolean wasCancelled(Sweep sw) {
        return sw.getStatus() != null && sw.getStatus().getPhase() == SweepPhase.Cancelled;
    }

    private static boolean running(SweepStatus s) {
        return s.getRunningCells() != null && s.getRunningCells() > 0;
    }

    /** Updates the Sweep's results ConfigMap only when its data changed. */
    private static void publish(KubernetesClient client, ConfigMap results, Map<String, String> data) {
        if (Objects.equals(results.getData(), data)) return;
        client.configMaps().inNamespace(results.getMetadata().getNamespace()).withName(results.getMetadata().getName()).edit(cm -> {
            cm.setData(data);
            return cm;
        });
    }

    private UpdateControl<Sweep> finish(Sweep sw, SweepStatus before, SweepStatus after, Duration recheck, KubernetesClient client) {
        UpdateControl<Sweep> control;
        if (before != null && JSON.valueToTree(before).equals(JSON.valueToTree(after))) {
            control = UpdateControl.noUpdate();
        } else {
            new TransitionEvents(client).emit(sw, before == null ? null : before.getConditions(), after.getConditions(),
                    after.getObservedGeneration());
            Sweep patch = new Sweep();
            patch.setMetadata(new ObjectMetaBuilder().withName(sw.getMetadata().getName())
                    .withNamespace(sw.getMetadata().getNamespace()).build());
            patch.setStatus(after);
            control = UpdateControl.patchStatus(patch);
        }
        return recheck == null ? control : control.rescheduleAfter(recheck.plusMillis(100));
    }

    private ConfigMap cachedConfigMap(Sweep sw, String name) {
        return configMaps.get(new ResourceID(name, sw.getMetadata().getNamespace())).orElse(null);
    }
}
