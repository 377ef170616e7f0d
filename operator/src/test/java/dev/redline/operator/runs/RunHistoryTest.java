package dev.redline.operator.runs;

import dev.redline.api.v1alpha1.ArtifactRef;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.ResultsSummary;
import dev.redline.api.v1alpha1.RunRecord;
import dev.redline.operator.status.Conditions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RunHistoryTest {
    @Test
    void aRecordKeepsTheRunsFiguresVerdictsAndPointsItsArtifactsIntoTheArchive() {
        BenchmarkStatus s = new BenchmarkStatus();
        s.setRun(3);
        s.setRunId("abc");
        s.setRunSpecHash("0123456789abcdef");
        s.setStartTime("2026-01-01T00:00:00Z");
        s.setResultsConfigMap("x-results");
        ResultsSummary r = new ResultsSummary();
        r.setRequestCount(40L);
        r.setArtifacts(List.of(new ArtifactRef("summary.json", "configmap://x-results/summary.json"), new ArtifactRef("a", "s3://b/x/3/a")));
        s.setResults(r);
        s.setConditions(new Conditions(null, 1, "t").set(ConditionType.SLOMet, Conditions.FALSE, ConditionReason.SLOsViolated, "v")
                .set(ConditionType.Regressed, Conditions.UNKNOWN, ConditionReason.AwaitingBaseline, "w").list());

        RunRecord rec = RunHistory.record(s, "Complete", "x-results-3", "2026-01-01T00:05:00Z");
        assertEquals(List.of(3, "abc", "0123456789abcdef", "Complete", "2026-01-01T00:05:00Z", "x-results-3", 40L),
                List.of(rec.getRun(), rec.getRunId(), rec.getSpecHash(), rec.getPhase(), rec.getCompletionTime(), rec.getResultsConfigMap(),
                        rec.getResults().getRequestCount()));
        assertEquals(List.of("configmap://x-results-3/summary.json", "s3://b/x/3/a"), rec.getResults().getArtifacts().stream().map(ArtifactRef::getUri).toList());
        assertEquals("configmap://x-results/summary.json", r.getArtifacts().get(0).getUri(), "the current status is not touched");
        assertEquals(Boolean.FALSE, rec.getSloMet());
        assertNull(rec.getRegressed(), "Unknown is no verdict");
    }

    @Test
    void theHistoryKeepsTheLatestTenAndSaysWhichItDrops() {
        List<RunRecord> h = new ArrayList<>();
        for (int i = 1; i <= RunHistory.LIMIT; i++) {
            RunRecord r = new RunRecord();
            r.setRun(i);
            h = RunHistory.append(h, r);
        }
        assertEquals(List.of(), RunHistory.dropped(h.subList(0, RunHistory.LIMIT - 1)));
        assertEquals(List.of(1), RunHistory.dropped(h).stream().map(RunRecord::getRun).toList());
        RunRecord next = new RunRecord();
        next.setRun(RunHistory.LIMIT + 1);
        List<RunRecord> after = RunHistory.append(h, next);
        assertEquals(RunHistory.LIMIT, after.size());
        assertEquals(2, after.get(0).getRun());
        assertEquals(5, RunHistory.find(after, 5).getRun());
        assertNull(RunHistory.find(after, 1));
    }
}
