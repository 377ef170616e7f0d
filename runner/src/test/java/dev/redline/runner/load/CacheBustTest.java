package dev.redline.runner.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.CacheBustTarget;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.client.TestSseServer;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.tokenizer.TestTokenizers;
import dev.redline.runner.tokenizer.Tokenizer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AIPerf's --cache-bust markers on the wire, read back from a real loopback server's received bodies: the marker text
 * is AIPerf's (golden values from aiperf 0.13's own build_cache_bust_marker), one per session, in the place each target
 * names, carried by later turns' history, reproducible per seed; the record's ISL counts it.
 */
class CacheBustTest {
    private static final Tokenizer TOK = TestTokenizers.qwen();

    @Test
    void markersAreAiperfsDigests() {
        // aiperf: build_cache_bust_marker('42', 0, 0, 'synthetic-3', SYSTEM_PREFIX) and (.., 5, 5, .., FIRST_TURN_SUFFIX)
        assertEquals("[rid:cc6ba45bc90a]\n\n", new CacheBust(CacheBustTarget.SYSTEM_PREFIX, 42, null).sessionMarker(0, "synthetic-3"));
        assertEquals("\n\n[rid:635a6e6dea19]", new CacheBust(CacheBustTarget.FIRST_TURN_SUFFIX, 42, null).sessionMarker(5, "synthetic-3"));
        assertEquals(null, new CacheBust(CacheBustTarget.WARMUP_ISOLATION_SYSTEM, 42, null).sessionMarker(0, "x"));
    }

    private static Conversation conversation(String id, String system) {
        return new Conversation(id, List.of(new Turn(List.of("hello " + id), system, 2, 3, null, null, Map.of()),
                new Turn(List.of("again " + id), null, 2, 3, null, null, Map.of())));
    }

    /** Sends 4 two-turn sessions (warmup 2 sessions first when asked) and returns the bodies received, in order. */
    private static List<JsonNode> run(CacheBustTarget target, String system, long seed, boolean warmup, List<RequestRecord> records) {
        Vertx vertx = Vertx.vertx();
        try (TestSseServer server = new TestSseServer(vertx);
             LoadHarness h = new LoadHarness(vertx, server.url(), new ListDataset(List.of(conversation("a", system), conversation("b", system),
                     conversation("c", system), conversation("d", system))), List.of("m"), 1, 10, 1.0, new CacheBust(target, seed, TOK))) {
            server.ttftMs = 1;
            server.itlMs = 1;
            List<PhaseSpec> phases = new ArrayList<>();
            if (warmup) {
                PhaseSpec w = LoadHarness.phase(PhaseKind.WARMUP, 1, null, null, null);
                w.setSessions(2);
                phases.add(w);
            }
            PhaseSpec p = LoadHarness.phase(PhaseKind.PROFILING, 1, null, null, null);
            p.setSessions(4);
            phases.add(p);
            h.runner.run(phases);
            records.addAll(h.records);
            return List.copyOf(server.bodies);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            vertx.close().await();
        }
    }

    private static List<JsonNode> messages(JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        body.path("messages").forEach(out::add);
        return out;
    }

    @Test
    void systemPrefixMarksTheSystemPromptOncePerSessionAndLaterTurnsResendIt() {
        List<RequestRecord> records = new ArrayList<>();
        List<JsonNode> bodies = run(CacheBustTarget.SYSTEM_PREFIX, "be brief", 42, false, records);
        assertEquals(8, bodies.size());
        Set<String> markers = new HashSet<>();
        for (int s = 0; s < 4; s++) {
            JsonNode first = bodies.get(2 * s);
            JsonNode second = bodies.get(2 * s + 1);
            String system = messages(first).get(0).path("content").asText();
            assertTrue(system.matches("\\[rid:[0-9a-f]{12}]\n\nbe brief"), system);
            assertEquals(system, messages(second).get(0).path("content").asText(), "turn 2 re-sends the marked system prompt");
            assertTrue(messages(first).get(1).path("content").asText().startsWith("hello "), "the user turn is untouched");
            markers.add(system);
        }
        assertEquals(4, markers.size(), "one marker per session");
        assertEquals(markers, new HashSet<>(run(CacheBustTarget.SYSTEM_PREFIX, "be brief", 42, false, new ArrayList<>()).stream()
                .map(b -> messages(b).get(0).path("content").asText()).toList()), "same seed, same markers");
        assertNotEquals(markers, new HashSet<>(run(CacheBustTarget.SYSTEM_PREFIX, "be brief", 43, false, new ArrayList<>()).stream()
                .map(b -> messages(b).get(0).path("content").asText()).toList()), "another seed, other markers");
        // each marker tokenizes to its own count (digests differ): the ISL of a first turn is 3 + that count
        Set<Integer> counts = new HashSet<>();
        for (String m : markers) counts.add(TOK.count(m.substring(0, "[rid:000000000000]\n\n".length())));
        for (RequestRecord r : records) {
            if (r.turnIndex() == 0) assertTrue(counts.contains(r.inputTokens() - 3), "ISL " + r.inputTokens() + " = 3 + one of " + counts);
            else assertEquals(3, r.inputTokens(), "a later turn's own text is not marked");
        }
    }

    @Test
    void withoutASystemPromptSystemTargetsFallBackToTheFirstUserTurnAndSuffixesAppend() {
        List<JsonNode> bodies = run(CacheBustTarget.SYSTEM_SUFFIX, null, 42, false, new ArrayList<>());
        String user = messages(bodies.get(0)).get(0).path("content").asText();
        assertTrue(user.matches("hello a\n\n\\[rid:[0-9a-f]{12}]"), user);
        assertEquals(user, messages(bodies.get(1)).get(0).path("content").asText(), "turn 2's history holds the marked first turn");
        assertEquals("again a", messages(bodies.get(1)).get(2).path("content").asText(), "the new turn is not marked");

        List<JsonNode> first = run(CacheBustTarget.FIRST_TURN_PREFIX, "be brief", 42, false, new ArrayList<>());
        assertEquals("be brief", messages(first.get(0)).get(0).path("content").asText(), "first_turn targets leave the system prompt");
        assertTrue(messages(first.get(0)).get(1).path("content").asText().matches("\\[rid:[0-9a-f]{12}]\n\nhello a"));
    }

    @Test
    void warmupIsolationMarksWarmupRequestsOnly() {
        List<RequestRecord> records = new ArrayList<>();
        List<JsonNode> bodies = run(CacheBustTarget.WARMUP_ISOLATION_FIRST_TURN, null, 42, true, records);
        assertEquals(12, bodies.size());
        for (int i = 0; i < 12; i++) {
            String user = messages(bodies.get(i)).get(0).path("content").asText();
            boolean warm = i < 4;
            assertEquals(warm, user.startsWith("[warmup]\n\nhello "), "request " + i + ": " + user);
            if (!warm) assertTrue(user.startsWith("hello "), user);
        }
    }

    @Test
    void aRawPayloadIsLeftAsWrittenAndWarmupMarkersCountTheirTokens() {
        Map<String, Object> body = Map.of("model", "m", "messages", List.of(Map.of("role", "user", "content", "hi")));
        Turn raw = new Turn(List.of("hi"), null, null, 1, null, null, null, null, body);
        CacheBust first = new CacheBust(CacheBustTarget.FIRST_TURN_PREFIX, 42, TOK);
        assertTrue(first.apply(raw, 0, true, first.sessionMarker(0, "raw-0"), false) == raw, "verbatim means no marker");
        Turn plain = Turn.ofText("hello there", TOK.count("hello there"), null);
        CacheBust warm = new CacheBust(CacheBustTarget.WARMUP_ISOLATION_FIRST_TURN, 42, TOK);
        Turn marked = warm.apply(plain, 0, false, null, true);
        assertEquals("[warmup]\n\nhello there", marked.texts().get(0));
        assertEquals(plain.inputTokens() + TOK.count(CacheBust.WARMUP_MARKER), marked.inputTokens());
    }
}
