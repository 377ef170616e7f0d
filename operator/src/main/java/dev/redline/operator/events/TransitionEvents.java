package dev.redline.operator.events;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Kubernetes Events for condition transitions only (never on a reconcile that changed nothing), so
 * {@code kubectl describe bm} (or {@code sw}) reads as the run's history. Best effort: a failed Event is logged.
 */
public final class TransitionEvents {
    private static final Logger LOG = Logger.getLogger(TransitionEvents.class);
    public static final String COMPONENT = "redline-operator";

    private final KubernetesClient client;

    public TransitionEvents(KubernetesClient client) {
        this.client = client;
    }

    public void emit(Benchmark bm, BenchmarkStatus before, BenchmarkStatus after) {
        emit(bm, before == null ? null : before.getConditions(), after.getConditions(), after.getObservedGeneration());
    }

    /** Events for the conditions of any resource (a Benchmark, a Sweep) that changed status or reason. */
    public void emit(HasMetadata bm, List<Condition> before, List<Condition> after, Long observedGeneration) {
        for (ConditionType type : ConditionType.values()) {
            Condition now = find(after, type);
            if (now == null) continue;
            Condition was = find(before, type);
            if (was != null && Objects.equals(was.getStatus(), now.getStatus()) && Objects.equals(was.getReason(), now.getReason())) continue;
            String eventType = warning(type, now) ? "Warning" : "Normal";
            if (!worthTelling(type, now)) continue;
            String key = type.name() + "=" + now.getStatus() + "/" + now.getReason() + "@" + observedGeneration;
            post(bm, key, eventType, now.getReason(), type.name() + "=" + now.getStatus() + ": " + now.getMessage());
        }
    }

    /** Regressed=Unknown for one of these is a problem with the spec or the data that the user has to fix. */
    private static final java.util.Set<String> GATE_PROBLEMS = java.util.Set.of(ConditionReason.BaselineMissing.name(),
            ConditionReason.SamplesMissing.name(), ConditionReason.ComparisonInconclusive.name());

    private static Condition find(List<Condition> conditions, ConditionType type) {
        if (conditions == null) return null;
        return conditions.stream().filter(c -> type.name().equals(c.getType())).findFirst().orElse(null);
    }

    /** Pending-style conditions (Running=False while waiting, Failed=False) are not news. */
    private static boolean worthTelling(ConditionType type, Condition c) {
        if (type == ConditionType.Failed) return "True".equals(c.getStatus());
        if (type == ConditionType.ClientSaturated) return "True".equals(c.getStatus());
        if (type == ConditionType.Regressed) return !"Unknown".equals(c.getStatus()) || GATE_PROBLEMS.contains(c.getReason());
        if (type == ConditionType.Complete) return "True".equals(c.getStatus());
        if (type == ConditionType.Accepted) return true;
        // a cancelled Sweep is told once, by Failed=True/Cancelled
        if (type == ConditionType.Progressing) return !ConditionReason.Cancelled.name().equals(c.getReason());
        if (type == ConditionType.Running) return !ConditionReason.RunnersPending.name().equals(c.getReason()) || c.getStatus().equals("True");
        return !"Unknown".equals(c.getStatus());
    }

    private static boolean warning(ConditionType type, Condition c) {
        return (type == ConditionType.Accepted && "False".equals(c.getStatus()))
                || (type == ConditionType.Failed && "True".equals(c.getStatus()))
                || (type == ConditionType.SLOMet && "False".equals(c.getStatus()))
                || (type == ConditionType.ClientSaturated && "True".equals(c.getStatus()))
                || (type == ConditionType.Regressed && ("True".equals(c.getStatus()) || GATE_PROBLEMS.contains(c.getReason())));
    }

    /**
     * The Event's name is derived from the Benchmark's uid and the transition ({@code key}), so the same
     * transition is recorded once even when a reconcile runs again on a status it has not seen yet (a
     * retry, a cache that lags its own status patch, a restarted operator): the apiserver refuses the copy.
     */
    void post(HasMetadata bm, String key, String type, String reason, String message) {
        String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        Event event = new EventBuilder()
                .withNewMetadata()
                .withName(bm.getMetadata().getName() + "." + digest(bm.getMetadata().getUid() + "/" + key))
                .withNamespace(bm.getMetadata().getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(bm.getApiVersion()).withKind(bm.getKind())
                .withName(bm.getMetadata().getName()).withNamespace(bm.getMetadata().getNamespace())
                .withUid(bm.getMetadata().getUid())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message.length() > 1000 ? message.substring(0, 1000) : message)
                .withCount(1)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT)
                .build();
        try {
            client.v1().events().inNamespace(bm.getMetadata().getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == java.net.HttpURLConnection.HTTP_CONFLICT) {
                LOG.debugf("event %s on %s/%s already recorded", reason, bm.getMetadata().getNamespace(), bm.getMetadata().getName());
                return;
            }
            LOG.warnf("could not record event %s on %s/%s: %s", reason, bm.getMetadata().getNamespace(), bm.getMetadata().getName(), e.getMessage());
        }
    }

    private static String digest(String s) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
