package dev.redline.operator.runs;

import dev.redline.api.v1alpha1.ArtifactRef;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.ResultsSummary;
import dev.redline.api.v1alpha1.RunRecord;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

/** The runs a Benchmark keeps in status.history: what each was, how it ended, where its results are. Pure. */
public final class RunHistory {
    /** Earlier runs kept; the oldest beyond this are dropped with their results ConfigMaps. */
    public static final int LIMIT = 10;

    private RunHistory() { }

    /**
     * The record of the run {@code status} describes, ended as {@code phase}; {@code archive} is the ConfigMap
     * its results were copied to (null when it wrote none).
     */
    public static RunRecord record(BenchmarkStatus status, String phase, String archive, String now) {
        RunRecord r = new RunRecord();
        r.setRun(status.getRun());
        r.setRunId(status.getRunId());
        r.setSpecHash(status.getRunSpecHash());
        r.setPhase(phase);
        r.setStartTime(status.getStartTime());
        r.setCompletionTime(status.getCompletionTime() != null ? status.getCompletionTime() : now);
        r.setResultsConfigMap(archive);
        r.setResults(rehomed(status.getResults(), status.getResultsConfigMap(), archive));
        r.setSloMet(verdict(status, ConditionType.SLOMet));
        r.setRegressed(verdict(status, ConditionType.Regressed));
        r.setClientSaturated(verdict(status, ConditionType.ClientSaturated));
        return r;
    }

    /** {@code history} with {@code record} appended, at most {@link #LIMIT} (the oldest go first). */
    public static List<RunRecord> append(List<RunRecord> history, RunRecord record) {
        List<RunRecord> out = new ArrayList<>(history == null ? List.of() : history);
        out.add(record);
        while (out.size() > LIMIT) out.remove(0);
        return out;
    }

    /** The records {@link #append} drops. */
    public static List<RunRecord> dropped(List<RunRecord> history) {
        List<RunRecord> all = history == null ? List.of() : history;
        return all.size() < LIMIT ? List.of() : all.subList(0, all.size() - LIMIT + 1);
    }

    /** The run's entry in the history, or null. */
    public static RunRecord find(List<RunRecord> history, int run) {
        if (history == null) return null;
        for (RunRecord r : history) if (r.getRun() != null && r.getRun() == run) return r;
        return null;
    }

    /** The summary with its configmap:// artifact references pointing into the archive. */
    private static ResultsSummary rehomed(ResultsSummary results, String current, String archive) {
        if (results == null || results.getArtifacts() == null || archive == null || current == null) return results;
        ResultsSummary copy = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(results, ResultsSummary.class);
        List<ArtifactRef> refs = new ArrayList<>();
        for (ArtifactRef a : results.getArtifacts()) {
            String uri = a.getUri() != null && a.getUri().startsWith("configmap://" + current + "/")
                    ? "configmap://" + archive + a.getUri().substring(("configmap://" + current).length()) : a.getUri();
            refs.add(new ArtifactRef(a.getName(), uri));
        }
        copy.setArtifacts(refs);
        return copy;
    }

    private static Boolean verdict(BenchmarkStatus status, ConditionType type) {
        Condition c = status.condition(type);
        if (c == null || "Unknown".equals(c.getStatus())) return null;
        return "True".equals(c.getStatus());
    }
}
