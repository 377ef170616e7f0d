package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.v1alpha1.SequenceShare;
import dev.redline.runner.BadInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AIPerf's {@code --seq-dist} syntaxes: {@code "256,128:40;512,256:60"} (optional {@code |stddev} after a length),
 * {@code "[(256,128):40,(512|20,256):60]"}, and {@code '{"pairs": [{"isl": 256, "osl": 128, "prob": 40}]}'}
 * (optional {@code isl_stddev}/{@code osl_stddev}). Probabilities are percentages that add up to 100.
 */
final class SequenceDistributionParser {
    private static final String FLAG = "--seq-dist";
    private static final String NUM = "(?:\\d+(?:\\.\\d+)?|\\.\\d+)";
    private static final String LENGTHS = "(\\d+)(?:\\|(" + NUM + "))?\\s*,\\s*(\\d+)(?:\\|(" + NUM + "))?";
    private static final Pattern PAIR = Pattern.compile(LENGTHS + "\\s*:\\s*(" + NUM + ")");
    private static final Pattern BRACKET = Pattern.compile("\\(\\s*" + LENGTHS + "\\s*\\)\\s*:\\s*(" + NUM + ")");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SequenceDistributionParser() { }

    static List<SequenceShare> parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) throw bad(value, "it is empty");
        List<SequenceShare> shares = v.startsWith("{") ? json(v)
                : v.startsWith("[") && v.endsWith("]") ? bracket(v.substring(1, v.length() - 1)) : semicolon(v);
        double total = shares.stream().mapToDouble(SequenceShare::getProbability).sum();
        if (Math.abs(total - 100.0) > 1e-6) throw bad(value, "the probabilities add up to " + total + ", not 100");
        return shares;
    }

    private static List<SequenceShare> semicolon(String v) {
        List<SequenceShare> out = new ArrayList<>();
        for (String part : v.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            Matcher m = PAIR.matcher(p);
            if (!m.matches()) throw bad(v, "'" + p + "' is not ISL[|SD],OSL[|SD]:PROB");
            out.add(share(m));
        }
        if (out.isEmpty()) throw bad(v, "it has no pairs");
        return out;
    }

    private static List<SequenceShare> bracket(String content) {
        List<SequenceShare> out = new ArrayList<>();
        Matcher m = BRACKET.matcher(content);
        while (m.find()) out.add(share(m));
        if (out.isEmpty()) throw bad(content, "no (ISL,OSL):PROB pairs found");
        return out;
    }

    private static List<SequenceShare> json(String v) {
        JsonNode root;
        try {
            root = JSON.readTree(v);
        } catch (Exception e) {
            throw bad(v, "it is not valid JSON");
        }
        JsonNode pairs = root.get("pairs");
        if (pairs == null || !pairs.isArray()) throw bad(v, "the JSON has no 'pairs' list");
        List<SequenceShare> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            JsonNode p = pairs.get(i);
            for (String k : new String[] {"isl", "osl", "prob"}) {
                if (!p.hasNonNull(k)) throw bad(v, "pair " + i + " has no '" + k + "'");
            }
            out.add(new SequenceShare(length(p.get("isl").asInt(), p.path("isl_stddev").asDouble(0)),
                    length(p.get("osl").asInt(), p.path("osl_stddev").asDouble(0)), p.get("prob").asDouble()));
        }
        return out;
    }

    private static SequenceShare share(Matcher m) {
        return new SequenceShare(length(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Double.parseDouble(m.group(2))),
                length(Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Double.parseDouble(m.group(4))),
                Double.parseDouble(m.group(5)));
    }

    private static LengthSpec length(int mean, double stddev) {
        return new LengthSpec(mean, stddev == 0 ? null : stddev);
    }

    private static BadInputException bad(String value, String why) {
        return new BadInputException(FLAG + ": '" + value + "' cannot be read: " + why
                + "; write e.g. \"256,128:40;512,256:60\" (ISL,OSL:percent; percents add up to 100)");
    }
}
