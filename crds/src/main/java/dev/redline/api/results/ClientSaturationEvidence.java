package dev.redline.api.results;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the load generator itself limited a run, read from the runner's own evidence in a profile export:
 * {@code client_saturated} and {@code client_saturation} (runner 0, or the only runner: send lag, event-loop
 * delay, process CPU, pacer re-anchors, the thresholds crossed) and, in a distributed run, each agent's
 * {@code distributed.per_runner[i].client_saturation}. One reader for the operator's {@code ClientSaturated}
 * condition and {@code redline compare}'s warning.
 *
 * @param saturated null when the export carries no such evidence (an AIPerf export, an older Redline)
 * @param message   one line: the thresholds crossed, or the measured headroom
 */
public record ClientSaturationEvidence(Boolean saturated, String message) {
    public static ClientSaturationEvidence of(ProfileExport export) {
        JsonNode own = export.extension("client_saturation");
        if (own == null || !own.isObject()) {
            return new ClientSaturationEvidence(null, "the runner wrote no client_saturation evidence");
        }
        List<String> crossed = new ArrayList<>();
        List<String> headroom = new ArrayList<>();
        JsonNode distributed = export.extension("distributed");
        boolean several = distributed != null && distributed.path("per_runner").size() > 1;
        collect(several ? "runner 0: " : "", own, crossed, headroom);
        if (several) {
            for (JsonNode r : distributed.path("per_runner")) {
                JsonNode s = r.get("client_saturation");
                if (r.path("index").asInt() == 0 || s == null || !s.isObject()) continue;
                collect("runner " + r.path("index").asInt() + ": ", s, crossed, headroom);
            }
        }
        if (!crossed.isEmpty()) {
            return new ClientSaturationEvidence(true, "the load generator limited the run, latencies include client queueing: "
                    + String.join("; ", crossed));
        }
        return new ClientSaturationEvidence(false, "the load generator kept up: " + String.join("; ", headroom));
    }

    private static void collect(String who, JsonNode s, List<String> crossed, List<String> headroom) {
        List<String> reasons = new ArrayList<>();
        s.path("reasons").forEach(r -> reasons.add(r.asText()));
        if (s.path("saturated").asBoolean(false) || !reasons.isEmpty()) {
            crossed.add(who + (reasons.isEmpty() ? "saturated" : String.join(", ", reasons)));
            return;
        }
        double cpu = s.path("process_cpu_avg").asDouble(-1);
        headroom.add(who + String.format(Locale.ROOT, "send lag p99 %.1f ms, event-loop lag p99 %.1f ms, CPU %s",
                s.path("client_lag_p99_ms").asDouble(), s.path("event_loop_lag_p99_ms").asDouble(),
                cpu < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", cpu * 100)));
    }
}
