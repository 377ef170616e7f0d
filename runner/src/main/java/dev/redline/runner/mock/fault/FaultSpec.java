package dev.redline.runner.mock.fault;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One configured fault: its kind, the fraction of requests it hits (while its window is open) and its
 * parameters with their defaults filled in. Built from {@code KIND[:RATE][:NAME=VALUE,...]} (the
 * {@code --fault} flag) or from one entry of a {@code faults:} block; both reject bad input with an
 * {@link IllegalArgumentException} whose one-line message names what is wrong and the fix.
 */
public record FaultSpec(FaultKind kind, double rate, Map<String, String> params) {
    public FaultSpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Parses {@code KIND[:RATE][:NAME=VALUE,...]}, e.g. {@code stall:0.1:after-tokens=3,stall-s=30}. */
    public static FaultSpec parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty fault; use KIND[:RATE], e.g. 429:0.05");
        String[] parts = text.trim().split(":", 3);
        String rate = null;
        String params = null;
        if (parts.length > 1) {
            if (parts[1].contains("=")) {
                if (parts.length > 2) throw new IllegalArgumentException("'" + text + "': write KIND:RATE:NAME=VALUE,...");
                params = parts[1];
            } else {
                rate = parts[1];
                if (parts.length > 2) params = parts[2];
            }
        }
        Map<String, String> given = new LinkedHashMap<>();
        if (params != null) {
            for (String pair : params.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("'" + pair + "' is not NAME=VALUE");
                given.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
            }
        }
        return of(parts[0], rate, given);
    }

    /**
     * A fault from a kind name, a rate text (null: 1, every request) and parameters by name; names may
     * be written kebab-, snake- or camel-case ({@code after-tokens}, {@code after_tokens}, {@code afterTokens}).
     */
    public static FaultSpec of(String kindName, String rateText, Map<String, String> given) {
        FaultKind kind = FaultKind.byName(kindName == null ? "" : kindName).orElseThrow(() -> new IllegalArgumentException(
                "unknown fault kind '" + kindName + "'; use one of " + FaultKind.names()));
        double rate = rate(rateText);
        Map<String, String> params = new LinkedHashMap<>();
        for (FaultParam p : kind.params()) if (p.defaultValue() != null) params.put(p.name(), p.defaultValue());
        for (Map.Entry<String, String> e : given.entrySet()) {
            FaultParam p = kind.params().stream().filter(q -> canonical(q.name()).equals(canonical(e.getKey()))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(kind + " takes " + String.join(", ",
                            kind.params().stream().map(FaultParam::name).toList()) + "; not '" + e.getKey() + "'"));
            params.put(p.name(), p.check(e.getValue() == null ? "" : e.getValue()));
        }
        if (kind == FaultKind.STORM && !params.containsKey("duration-s")) {
            throw new IllegalArgumentException("storm needs a window: add duration-s=SECONDS (and start-s=SECONDS), e.g. storm:1:start-s=10,duration-s=5");
        }
        return new FaultSpec(kind, rate, params);
    }

    private static double rate(String text) {
        if (text == null) return 1.0;
        double r;
        try {
            r = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate '" + text.trim() + "' is not a number; use a fraction 0..1 (0.05 = 5 %)");
        }
        if (!(r >= 0 && r <= 1)) throw new IllegalArgumentException("rate " + text.trim() + " is not a fraction; use 0..1 (0.05 = 5 %)");
        return r;
    }

    private static String canonical(String name) {
        return name.trim().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** A seconds (or milliseconds, for gap-ms) parameter. */
    public double number(String name) {
        return Double.parseDouble(require(name));
    }

    /** A whole-number parameter (token counts, status, Retry-After). */
    public int count(String name) {
        return Integer.parseInt(require(name));
    }

    public String text(String name) {
        return require(name);
    }

    /** True when a window bounds the fault (it has a duration). */
    public boolean windowed() {
        return params.containsKey("duration-s");
    }

    private String require(String name) {
        String v = params.get(name);
        if (v == null) throw new IllegalStateException(kind + " has no parameter " + name);
        return v;
    }

    /** {@code KIND:RATE:NAME=VALUE,...} with every parameter, as the mock logs it. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind.wireName()).append(':').append(rate);
        String sep = ":";
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ",";
        }
        return b.toString();
    }
}
