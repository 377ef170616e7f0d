package dev.redline.runner.telemetry.prometheus;

import dev.redline.runner.telemetry.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeded random mutations of every fixture: the parser must never throw, whatever it is given. */
class TextFormatParserFuzzTest {
    private static final String ALPHABET = "{}=\",\\\n #\t+-.eE0123456789abcxyzNaInf_:le";

    @Test
    void neverThrowsOnMutatedInput() {
        Random rnd = new Random(20261129L);
        int withProblems = 0;
        for (String name : Fixtures.ALL) {
            String base = Fixtures.read(name);
            for (int round = 0; round < 400; round++) {
                String mutated = mutate(base, rnd);
                ParsedExposition e = TextFormatParser.parse(mutated); // must not throw
                assertTrue(e.malformedLines() >= 0);
                if (e.malformedLines() > 0) withProblems++;
            }
        }
        assertTrue(withProblems > 100, "mutations should produce malformed lines, got " + withProblems);
    }

    private static String mutate(String s, Random rnd) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + rnd.nextInt(8);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int pos = rnd.nextInt(sb.length());
            switch (rnd.nextInt(5)) {
                case 0 -> sb.deleteCharAt(pos);
                case 1 -> sb.insert(pos, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                case 2 -> sb.setCharAt(pos, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                case 3 -> sb.setCharAt(pos, (char) rnd.nextInt(0x3000));
                default -> {
                    int len = Math.min(sb.length() - pos, 1 + rnd.nextInt(40));
                    String chunk = sb.substring(pos, pos + len);
                    sb.insert(rnd.nextInt(sb.length()), chunk);
                }
            }
        }
        if (rnd.nextInt(10) == 0) sb.setLength(rnd.nextInt(sb.length() + 1)); // truncated body
        return sb.toString();
    }
}
