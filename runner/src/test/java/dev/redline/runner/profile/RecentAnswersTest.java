package dev.redline.runner.profile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentAnswersTest {
    private static final String A = "http://a:1";
    private static final String B = "http://b:2";

    @Test
    void aServerThatAnsweredEveryRequestAMomentAgoIsNotProbedAgain() {
        RecentAnswers recent = new RecentAnswers();
        long t = 1_000_000_000L;
        assertFalse(recent.fresh(A, t), "nothing seen yet");
        recent.loadEnded(List.of(A, B), true, t);
        assertTrue(recent.fresh(A, t + 1));
        assertTrue(recent.fresh(B, t + RecentAnswers.FRESH_NANOS - 1));
        assertFalse(recent.fresh(A, t + RecentAnswers.FRESH_NANOS), "too long ago: probed again");
        assertFalse(recent.fresh("http://c:3", t + 1), "a server of no earlier run");
    }

    @Test
    void aRunWithErrorsLeavesItsServersToBeProbed() {
        RecentAnswers recent = new RecentAnswers();
        recent.loadEnded(List.of(A), true, 10);
        recent.loadEnded(List.of(A), false, 20);
        assertFalse(recent.fresh(A, 30));
    }
}
