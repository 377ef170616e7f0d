package dev.redline.runner.mock.fault;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultPlanTest {
    private static List<FaultSpec> specs(String... texts) {
        List<FaultSpec> out = new ArrayList<>();
        for (String t : texts) out.add(FaultSpec.parse(t));
        return out;
    }

    private static List<FaultKind> decisions(FaultPlan plan, int n) {
        List<FaultKind> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FaultSpec f = plan.decide(i, 1_000);
            out.add(f == null ? null : f.kind());
        }
        return out;
    }

    @Test
    void sameSeedSameFaultsAndEachKindNearItsRate() {
        List<FaultSpec> faults = specs("429:0.1", "stream-cut:0.2:after-tokens=3", "bad-json:0.05");
        List<FaultKind> a = decisions(new FaultPlan(faults, 42), 4000);
        assertEquals(a, decisions(new FaultPlan(faults, 42), 4000));
        assertNotEquals(a, decisions(new FaultPlan(faults, 43), 4000));
        Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        for (FaultKind k : a) if (k != null) counts.merge(k, 1, Integer::sum);
        // binomial(4000, p): 5 standard deviations
        assertNear(400, counts.get(FaultKind.RATE_LIMITED), 4000, 0.1);
        assertNear(800, counts.get(FaultKind.STREAM_CUT), 4000, 0.2);
        assertNear(200, counts.get(FaultKind.BAD_JSON), 4000, 0.05);
    }

    private static void assertNear(double expected, int got, int n, double p) {
        double sd = Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(got - expected) <= 5 * sd, "got " + got + ", expected " + expected + " +- " + 5 * sd);
    }

    @Test
    void theLegacyErrorRateDrawIsKept() {
        // --error-rate R and --fault 5xx:R fail the same requests (one draw slot, one comparison)
        FaultPlan plan = new FaultPlan(specs("5xx:0.25"), 11);
        dev.redline.runner.mock.SeededDice dice = new dev.redline.runner.mock.SeededDice(11);
        for (int i = 0; i < 500; i++) {
            assertEquals(dice.uniform(i, dev.redline.runner.mock.SeededDice.SLOT_ERROR) < 0.25, plan.decide(i, 0) != null, "request " + i);
        }
    }

    @Test
    void windowsCountFromTheFirstRequest() {
        FaultPlan plan = new FaultPlan(specs("storm:1:start-s=10,duration-s=5"), 1);
        long t0 = 7_000_000_000L;
        assertNull(plan.decide(0, t0));
        assertNull(plan.decide(1, t0 + 9_999_000_000L));
        assertSame(FaultKind.STORM, plan.decide(2, t0 + 10_000_000_000L).kind());
        assertSame(FaultKind.STORM, plan.decide(3, t0 + 14_900_000_000L).kind());
        assertNull(plan.decide(4, t0 + 15_000_000_000L));
    }

    @Test
    void ratesOfAlwaysOnFaultsMayNotExceedOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FaultPlan(specs("429:0.6", "5xx:0.6"), 0));
        assertTrue(e.getMessage().contains("add up to 1.2"), e.getMessage());
        // a windowed storm may take every request while it lasts, on top of the always-on ones
        assertEquals(2, new FaultPlan(specs("429:0.6", "storm:1:duration-s=3"), 0).faults().size());
    }

    @Test
    void parsesRateParametersAndNameSpellings() {
        FaultSpec f = FaultSpec.parse("stall:0.1:after-tokens=3,stall-s=30");
        assertEquals(FaultKind.STALL, f.kind());
        assertEquals(0.1, f.rate());
        assertEquals(3, f.count("after-tokens"));
        assertEquals(30.0, f.number("stall-s"));
        assertEquals(1.0, FaultSpec.parse("reset").rate(), "no rate: every request");
        assertEquals(2, FaultSpec.parse("stream-cut:after-tokens=2").count("after-tokens"), "parameters without a rate");
        assertEquals("end", FaultSpec.of("stream-cut", "0.5", Map.of("mode", "end")).text("mode"));
        assertEquals(4, FaultSpec.of("stall", null, Map.of("after_tokens", "4")).count("after-tokens"));
        assertEquals(4, FaultSpec.of("stall", null, Map.of("afterTokens", "4")).count("after-tokens"));
        assertEquals("close", FaultSpec.parse("stream-cut").text("mode"), "default of a choice");
    }

    @Test
    void badInputNamesWhatIsWrong() {
        assertMessage("unknown fault kind 'slow'; use one of " + FaultKind.names(), "slow:0.1");
        assertMessage("rate 1.5 is not a fraction; use 0..1", "429:1.5");
        assertMessage("rate NaN is not a fraction", "429:NaN");
        assertMessage("rate -0.1 is not a fraction", "429:-0.1");
        assertMessage("rate 'lots' is not a number", "429:lots");
        assertMessage("stall takes after-tokens, stall-s, start-s, duration-s; not 'bogus'", "stall:0.1:bogus=1");
        assertMessage("stall-s=NaN is not valid; use a finite number >= 0", "stall:0.1:stall-s=NaN");
        assertMessage("stall-s=Infinity is not valid", "stall:0.1:stall-s=Infinity");
        assertMessage("after-tokens=1.5 is not valid; use a whole number", "stream-cut:0.1:after-tokens=1.5");
        assertMessage("status=404 is not valid; use an HTTP status 500..599", "5xx:0.1:status=404");
        assertMessage("mode=half is not valid; use one of close, end", "stream-cut:0.1:mode=half");
        assertMessage("storm needs a window", "storm:1");
        assertMessage("content-type=text/event-stream is not valid", "wrong-content-type:1:content-type=text/event-stream");
        assertMessage("'after-tokens' is not NAME=VALUE", "stall:0.1:after-tokens");
    }

    private static void assertMessage(String fragment, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(text));
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks '" + fragment + "'");
        assertEquals(1, e.getMessage().lines().count());
    }
}
