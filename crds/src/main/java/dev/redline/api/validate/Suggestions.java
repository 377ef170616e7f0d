package dev.redline.api.validate;

import java.util.Collection;

/** "Did you mean" hints by edit distance, for unknown keys and values. */
public final class Suggestions {
    private Suggestions() { }

    /** Returns {@code " (did you mean 'x'?)"} for the nearest candidate within a small distance, else "". */
    public static String didYouMean(String given, Collection<String> candidates) {
        String best = nearest(given, candidates);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    public static String nearest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String g = normalise(given);
        for (String c : candidates) {
            int d = distance(g, normalise(c));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(2, given.length() / 3);
        return bestDistance <= limit ? best : null;
    }

    private static String normalise(String s) {
        return s.replace("_", "").replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
