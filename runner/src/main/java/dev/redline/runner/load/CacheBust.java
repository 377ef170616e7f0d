package dev.redline.runner.load;

import dev.redline.api.v1alpha1.CacheBustTarget;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.tokenizer.Tokenizer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * AIPerf's cache-bust markers (--cache-bust). Each session gets "[rid:" + the first 12 hex digits of
 * SHA-256("{run id}:{n}:{n}:{conversation id}") + "]", n counting sessions in the order they start across the run's
 * phases, and the run id being the run's seed (so --random-seed reproduces the markers; without it they differ per run,
 * as AIPerf's random benchmark id makes them). A prefix marker is followed by a blank line, a suffix one preceded by
 * it. It marks the system prompt when the target names it and the session has one, else the first user turn; later
 * turns re-send that marked turn in their history. The warmup-isolation targets put a constant "[warmup]" marker
 * first, in warmup requests only. The record's ISL counts the marker's tokens.
 */
final class CacheBust {
    static final CacheBust NONE = new CacheBust(CacheBustTarget.NONE, 0, null);
    static final String WARMUP_MARKER = "[warmup]\n\n";
    private static final int DIGEST_HEX = 12;

    private final CacheBustTarget target;
    private final String runId;
    private final Tokenizer tokenizer;
    private final int warmupTokens;

    /** @param tokenizer counts the marker's tokens into the ISL; null leaves the ISL as the dataset's */
    CacheBust(CacheBustTarget target, long seed, Tokenizer tokenizer) {
        this.target = target;
        this.runId = Long.toString(seed);
        this.tokenizer = tokenizer;
        this.warmupTokens = tokenizer == null || !target.warmupIsolation() ? 0 : tokenizer.count(WARMUP_MARKER);
    }

    boolean enabled() { return target != CacheBustTarget.NONE; }

    /** The per-session marker of the {@code n}th session (null when the target has none per session). */
    String sessionMarker(long n, String conversationId) {
        if (!enabled() || target.warmupIsolation()) return null;
        String digest = sha256(runId + ":" + n + ":" + n + ":" + conversationId).substring(0, DIGEST_HEX);
        String rid = "[rid:" + digest + "]";
        return target.prefix() ? rid + "\n\n" : "\n\n" + rid;
    }

    /** {@code turn} (the session's {@code index}th) as sent in a phase: marked where the target says, else unchanged. */
    Turn apply(Turn turn, int index, boolean everyTurnIsWholePrompt, String sessionMarker, boolean warmup) {
        String marker = target.warmupIsolation() ? (warmup ? WARMUP_MARKER : null) : sessionMarker;
        if (marker == null || index > 0 && !everyTurnIsWholePrompt) return turn; // later turns carry it in their history
        if (turn.rawPayload() != null) return turn; // a raw payload is sent verbatim (AIPerf marks only what it formats)
        String system = turn.systemPrompt();
        List<String> texts = turn.texts();
        if (target.system() && system != null) {
            system = join(system, marker);
        } else {
            List<String> marked = new ArrayList<>(texts);
            if (marked.isEmpty()) marked.add(marker);
            else marked.set(0, join(marked.get(0), marker));
            texts = marked;
        }
        int tokens = tokenizer == null ? 0 : marker == WARMUP_MARKER ? warmupTokens : tokenizer.count(marker);
        return new Turn(texts, system, turn.maxTokens(), turn.inputTokens() + tokens, turn.timestampMs(), turn.delayMs(),
                turn.extra(), turn.media(), null, turn.role());
    }

    private String join(String text, String marker) {
        return target.prefix() ? marker + text : text + marker;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
