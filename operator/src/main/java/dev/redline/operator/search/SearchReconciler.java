package dev.redline.operator.search;

import dev.redline.api.config.SpecException;
import dev.redline.api.results.ResultsConfigMap;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.SearchPhase;
import dev.redline.api.v1alpha1.SearchStatus;
import dev.redline.operator.StatusDiff;
import dev.redline.operator.children.ChildLabels;
import dev.redline.operator.children.ChildWriter;
import dev.redline.operator.events.TransitionEvents;
import dev.redline.plan.Observation;
import dev.redline.plan.Step;
import dev.redline.plan.search.Evaluation;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a Search as a chain of child Benchmarks chosen by the same planners as the CLI. The children are
 * the state: every reconcile reads them back (label-selected informer, so a child's status change is
 * the event that moves the search on), replays the planner over the finished ones, creates the next child
 * by its deterministic name if it is missing, and rewrites {@code search_history.json} and the status.
 * An operator restart therefore rebuilds the same planner and continues; nothing is lost or run twice.
 */
@ControllerConfiguration(name = SearchReconciler.NAME)
public class SearchReconciler implements Reconciler<Search> {
    public static final String NAME = "search";
    private static final Logger LOG = Logger.getLogger(SearchReconciler.class);

    private final Clock clock;
    /** Results ConfigMaps of finished children by the child's uid. */
    private final Map<String, ConfigMap> results = new ConcurrentHashMap<>();
    private InformerEventSource<Benchmark, Search> children;

    public SearchReconciler() {
        this(Clock.systemUTC());
    }

    public SearchReconciler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, Search>> prepareEventSources(EventSourceContext<Search> context) {
        children = new InformerEventSource<>(InformerEventSourceConfiguration.from(Benchmark.class, Search.class)
                .withName("search-iterations").withLabelSelector(ChildLabels.MANAGED_BY + "," + SearchChildren.SEARCH_KEY)
                .withNamespacesInheritedFromController().build(), context);
        return List.of(children);
    }

    @Override
    public UpdateControl<Search> reconcile(Search s, Context<Search> context) {
        KubernetesClient client = context.getClient();
        String now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        SearchSetup setup;
        try {
            setup = SearchSetup.of(s);
        } catch (SpecException e) {
            // an invalid spec creates nothing and returns normally: no retry loop, one condition and Event
            return finish(s, SearchStatusComputer.invalid(s, e.getMessage(), now), null, client);
        }
        String name = s.getMetadata().getName();
        List<Benchmark> mine = children.list(s.getMetadata().getNamespace(),
                b -> b.getMetadata().getLabels() != null && name.equals(b.getMetadata().getLabels().get(SearchChildren.SEARCH_KEY))).toList();
        SearchIterations its = SearchIterations.of(mine, setup.trialCount());
        List<Observation> finished = its.observations((kid, cm) -> results(client, kid, cm));
        List<Evaluation> evals = setup.search().evaluations(finished);

        String reason = null, failure = null;
        boolean cooling = false;
        Duration recheck = null;
        boolean cancel = s.getSpec().cancelRequested();
        SearchStatus before = s.getStatus();
        // a finished Search never starts another iteration (deleted children must not make it run again)
        boolean over = before != null && before.getPhase() != null && before.getPhase().isFinished()
                && before.getPhase() != SearchPhase.Invalid;
        if (over && before.getPhase() == SearchPhase.Complete) reason = before.getConvergenceReason();
        if (over && before.getPhase() == SearchPhase.Failed) failure = failedMessage(before);
        try {
            if (over) {
                // nothing to start; the history and the status follow the children that are left
            } else if (cancel) {
                if (its.current != null) cancelRunning(client, its.current);
            } else if (its.current != null) {
                nextTrial(client, s, setup, its.current);
            } else {
                Duration wait = cooldownLeft(s, setup, its);
                if (wait != null) {
                    cooling = true;
                    recheck = wait;
                } else {
                    Step step = setup.search().next(finished, List.of());
                    if (step instanceof Step.Done d) {
                        reason = d.reason();
                    } else if (step instanceof Step.Run r) {
                        Benchmark child = SearchChildren.benchmark(s, setup.trials().run(r.variation(), 0), setup.trialCount());
                        mine = appended(mine, new ChildWriter(client).ensure(child, null));
                        its = SearchIterations.of(mine, setup.trialCount());
                        finished = its.observations((kid, cm) -> results(client, kid, cm));
                        evals = setup.search().evaluations(finished);
                    }
                }
            }
            writeHistory(client, s, setup.files(finished, reason));
        } catch (KubernetesClientException e) {
            // the API server refused the child (schema, quota, admission): the search cannot go on; anything
            // else (conflict, timeout, unavailable) is thrown so that JOSDK retries
            if (e.getCode() != 422 && e.getCode() != 403) throw e;
            failure = e.getCode() + " " + e.getStatus().getMessage();
            LOG.warnf("search %s/%s: %s", s.getMetadata().getNamespace(), name, failure);
        } catch (SpecException e) {
            failure = e.getMessage();
            LOG.warnf("search %s/%s: %s", s.getMetadata().getNamespace(), name, failure);
        }
        String start = s.getStatus() != null && s.getStatus().getStartTime() != null ? s.getStatus().getStartTime()
                : mine.isEmpty() && its.current == null ? null : now;
        SearchStatus after = SearchStatusComputer.compute(s, setup.search().strategy(),
                new SearchStatusComputer.Facts(its, evals, reason, cancel, cooling, failure, start), now);
        return finish(s, after, recheck, client);
    }

    private static String failedMessage(SearchStatus status) {
        return status.getConditions().stream().filter(c -> "Failed".equals(c.getType())).map(Condition::getMessage)
                .findFirst().orElse("failed");
    }

    private static List<Benchmark> appended(List<Benchmark> mine, Benchmark created) {
        List<Benchmark> all = new java.util.ArrayList<>(mine);
        all.removeIf(b -> b.getMetadata().getName().equals(created.getMetadata().getName()));
        all.add(created);
        return all;
    }

    /** Trials of one iteration run one after the other (they share the model server). */
    private static void nextTrial(KubernetesClient client, Search s, SearchSetup setup, SearchIterations.Iteration it) {
        int done = it.trials().size();
        if (done >= setup.trialCount() || !SearchIterations.isFinished(it.lastTrial())) return;
        var run = setup.trials().run(setup.search().variationOf(it.index(), it.values()), done);
        new ChildWriter(client).ensure(SearchChildren.benchmark(s, run, setup.trialCount()), null);
    }

    private static void cancelRunning(KubernetesClient client, SearchIterations.Iteration it) {
        for (Benchmark b : it.trials().values()) {
            if (SearchIterations.isFinished(b) || b.getSpec().cancelRequested()) continue;
            LOG.infof("cancelling search iteration %s/%s", b.getMetadata().getNamespace(), b.getMetadata().getName());
            // a merge patch without resourceVersion: the Benchmark reconciler patches the child's status concurrently
            client.resources(Benchmark.class).inNamespace(b.getMetadata().getNamespace()).withName(b.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancel\":true}}");
        }
    }

    /** Time left of the cooldown after the last finished iteration, or null when none is due. */
    private Duration cooldownLeft(Search s, SearchSetup setup, SearchIterations its) {
        double seconds = Math.max(setup.search().resolved().cooldownSeconds(),
                s.getSpec().getCooldownSeconds() == null ? 0 : s.getSpec().getCooldownSeconds());
        if (seconds <= 0 || its.finished.isEmpty()) return null;
        String done = its.finished.get(its.finished.size() - 1).lastTrial().getStatus().getCompletionTime();
        if (done == null) return null;
        Duration left = Duration.ofMillis((long) (seconds * 1000)).minus(Duration.between(Instant.parse(done), clock.instant()));
        return left.isNegative() || left.isZero() ? null : left;
    }

    /** A finished child's results ConfigMap, cached by the child's uid: a finished child's results never change. */
    private ConfigMap results(KubernetesClient client, Benchmark child, String name) {
        String uid = child.getMetadata().getUid();
        ConfigMap cached = uid == null ? null : results.get(uid);
        if (cached != null) return cached;
        ConfigMap cm = client.configMaps().inNamespace(child.getMetadata().getNamespace()).withName(name).get();
        if (uid != null && cm != null && cm.getData() != null && cm.getData().containsKey(ResultsConfigMap.SUMMARY_JSON)) results.put(uid, cm);
        return cm;
    }

    private static void writeHistory(KubernetesClient client, Search s, Map<String, String> files) {
        ConfigMap desired = SearchChildren.history(s, files);
        ConfigMap existing = client.resource(desired).get();
        if (existing == null) {
            new ChildWriter(client).ensure(desired, null);
        } else if (!Objects.equals(existing.getData(), desired.getData())) {
            existing.setData(desired.getData());
            client.resource(existing).update();
        }
    }

    private UpdateControl<Search> finish(Search s, SearchStatus after, Duration recheck, KubernetesClient client) {
        SearchStatus before = s.getStatus();
        UpdateControl<Search> control;
        if (StatusDiff.same(before, after)) {
            control = UpdateControl.noUpdate();
        } else {
            new TransitionEvents(client).emit(s, before == null ? List.of() : before.getConditions(), after.getConditions(),
                    after.getObservedGeneration());
            Search patch = new Search();
            patch.setMetadata(new ObjectMetaBuilder().withName(s.getMetadata().getName())
                    .withNamespace(s.getMetadata().getNamespace()).build());
            patch.setStatus(after);
            control = UpdateControl.patchStatus(patch);
        }
        return recheck == null ? control : control.rescheduleAfter(recheck.plusMillis(100));
    }

}
