package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.SessionsSpec;
import dev.redline.runner.load.ListDataset;


import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticSessionsTest {
    @Test
    void fixedShapeGroupsPromptsInOrderWithDelays() {
        SessionsSpec spec = new SessionsSpec();
        spec.setTurnsMean(3.0);
        spec.setTurnDelayMeanMs(250.0);
        SyntheticSessions s = SyntheticSessions.shape(ListDataset.singleTurn(4, 7), spec, 1, 2);
        assertEquals(2, s.conversations().size());
        Conversation c0 = s.conversations().get(0);
        assertEquals(3, c0.turns().size());
        assertEquals("prompt 0", c0.turns().get(0).texts().get(0));
        assertEquals("prompt 3", s.conversations().get(1).turns().get(0).texts().get(0), "prompts continue in order");
        assertEquals("prompt 0", s.conversations().get(1).turns().get(1).texts().get(0), "and cycle");
        assertNull(c0.turns().get(0).delayMs(), "the first turn goes at once");
        assertEquals(250L, c0.turns().get(1).delayMs());
        assertEquals(7, c0.turns().get(2).maxTokens());
        assertTrue(SyntheticSessions.wanted(spec));
    }

    @Test
    void sampledShapeHasTheRequestedMeanAndIsReproducible() {
        SessionsSpec spec = new SessionsSpec();
        spec.setTurnsMean(4.0);
        spec.setTurnsStddev(1.0);
        spec.setTurnDelayMeanMs(100.0);
        spec.setTurnDelayStddevMs(30.0);
        SyntheticSessions a = SyntheticSessions.shape(ListDataset.singleTurn(10, 2), spec, 9, 2000);
        SyntheticSessions b = SyntheticSessions.shape(ListDataset.singleTurn(10, 2), spec, 9, 2000);
        double meanTurns = a.conversations().stream().mapToInt(c -> c.turns().size()).average().orElseThrow();
        assertEquals(4.0, meanTurns, 0.1);
        double meanDelay = a.conversations().stream().flatMap(c -> c.turns().stream().skip(1))
                .mapToLong(Turn::delayMs).average().orElseThrow();
        assertEquals(100.0, meanDelay, 3.0);
        assertTrue(a.conversations().stream().allMatch(c -> c.turns().size() >= 1));
        assertEquals(a.conversations().stream().map(c -> c.turns().size()).toList(),
                b.conversations().stream().map(c -> c.turns().size()).toList(), "same seed, same sessions");
    }
}
