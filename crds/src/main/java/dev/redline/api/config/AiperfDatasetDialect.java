package dev.redline.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

import static dev.redline.api.config.Tree.NODES;

/**
 * AIPerf's dataset shapes onto {@code dataset} + {@code sessions}: a one-entry {@code datasets} list, isl/osl at the
 * dataset level, {@code prefixPrompts}, {@code turns}/{@code turnDelay}/{@code turnDelayRatio}, the per-dataset
 * seed, and the distribution forms of lengths ({@code {value: n}}, a {@code type} marker, {@code islStddev}).
 */
final class AiperfDatasetDialect {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private AiperfDatasetDialect() { }

    static void expand(ObjectNode b) {
        if (Tree.has(b, "dataset") && Tree.has(b, "datasets")) {
            throw new SpecException("dataset and datasets are both set; use dataset for one dataset", Tree.get(b, "datasets"));
        }
        JsonNode list = Tree.take(b, "datasets");
        if (list != null) {
            if (!list.isArray() || list.size() != 1) {
                throw new SpecException("datasets: Redline runs one dataset per benchmark, got " + (list.isArray() ? list.size() : "a "
                        + list.getNodeType().name().toLowerCase()) + "; keep one entry (or use a sweep over the dataset)", list);
            }
            b.set("dataset", list.get(0));
        }
        JsonNode d = Tree.get(b, "dataset");
        if (!(d instanceof ObjectNode ds)) return;
        Tree.take(ds, "name"); // a single dataset needs no name (sweep paths datasets.<name>.x address it)
        JsonNode seed = Tree.take(ds, "randomSeed");
        if (seed != null) Tree.putIfAbsent(b, "randomSeed", seed);
        prompts(ds);
        prefixPrompts(b, ds);
        sessions(b, ds);
        AiperfUnsupported.refuseDataset(ds, "dataset");
    }

    /** isl, osl, blockSize, promptBatchSize beside the dataset's other keys -> dataset.prompts. */
    private static void prompts(ObjectNode ds) {
        ObjectNode prompts = null;
        for (String[] move : new String[][] {{"isl", "isl"}, {"osl", "osl"}, {"blockSize", "blockSize"}, {"promptBatchSize", "batchSize"}}) {
            JsonNode v = Tree.take(ds, move[0]);
            if (v == null) continue;
            if (prompts == null) prompts = Tree.child(ds, "prompts");
            JsonNode existing = Tree.get(prompts, move[1]);
            if (existing instanceof ObjectNode e && v instanceof ObjectNode o) {
                for (Map.Entry<String, JsonNode> f : Tree.entries(o)) Tree.putIfAbsent(e, f.getKey(), f.getValue());
            } else {
                Tree.putIfAbsent(prompts, move[1], v);
            }
        }
        JsonNode p = Tree.get(ds, "prompts");
        if (!(p instanceof ObjectNode pr)) return;
        AiperfUnsupported.refuseDataset(pr, "dataset.prompts");
        length(pr, "isl", "dataset.prompts.isl");
        length(pr, "osl", "dataset.prompts.osl");
        rangeRatio(pr);
        JsonNode bust = Tree.take(pr, "cacheBust"); // AIPerf's synthetic prompts carry it; files carry it on the dataset
        if (bust != null) Tree.putIfAbsent(ds, "cacheBust", bust);
        JsonNode seq = Tree.get(pr, "sequenceDistribution");
        if (seq instanceof ArrayNode shares) {
            for (int i = 0; i < shares.size(); i++) {
                if (!(shares.get(i) instanceof ObjectNode s)) continue;
                String at = "dataset.prompts.sequenceDistribution[" + i + "]";
                stddevShorthand(s, "isl", "islStddev");
                stddevShorthand(s, "osl", "oslStddev");
                length(s, "isl", at + ".isl");
                length(s, "osl", at + ".osl");
            }
        }
    }

    /** AIPerf's random_range_ratio forms: a number (both), a JSON text (a number or {input, output}), [isl, osl]. */
    private static void rangeRatio(ObjectNode pr) {
        String key = Tree.key(pr, "randomRangeRatio");
        if (key == null) return;
        JsonNode v = pr.get(key);
        String at = "dataset.prompts." + key;
        if (v.isTextual()) {
            String text = v.asText().trim();
            try {
                v = JSON.readTree(text.isEmpty() ? "\"\"" : text); // AIPerf parses the text as JSON
            } catch (java.io.IOException e) {
                throw new SpecException(at + ": '" + text + "' is not a number or a JSON object {\"input\": R, \"output\": R}", v);
            }
        }
        if (v.isNumber()) {
            pr.set(key, NODES.objectNode().put("input", v.asDouble()).put("output", v.asDouble()));
        } else if (v instanceof ArrayNode a && a.size() == 2 && a.get(0).isNumber() && a.get(1).isNumber()) {
            pr.set(key, NODES.objectNode().put("input", a.get(0).asDouble()).put("output", a.get(1).asDouble()));
        } else if (v instanceof ObjectNode o) {
            for (String k : new String[] {"input", "output"}) {
                if (!Tree.has(o, k)) throw new SpecException(at + ": the object needs both input and output, e.g. {input: 0.3, output: 0.5}", v);
            }
            pr.set(key, o);
        } else {
            throw new SpecException(at + ": must be a number in [0, 1) or {input: R, output: R}", v);
        }
    }

    /** {@code isl: 512, islStddev: 20} -> {@code isl: {mean: 512, stddev: 20}}. */
    private static void stddevShorthand(ObjectNode s, String key, String stddevKey) {
        JsonNode sd = Tree.take(s, stddevKey);
        if (sd == null) return;
        JsonNode v = Tree.get(s, key);
        ObjectNode o = v instanceof ObjectNode existing ? existing : NODES.objectNode();
        if (v != null && !(v instanceof ObjectNode)) o.set("mean", v);
        Tree.putIfAbsent(o, "stddev", sd);
        s.set(Tree.key(s, key) == null ? key : Tree.key(s, key), o);
    }

    /** AIPerf's distribution forms a length may take: {@code {value: n}} (fixed), a {@code type} marker, points. */
    static void length(ObjectNode parent, String key, String path) {
        JsonNode v = Tree.get(parent, key);
        if (!(v instanceof ObjectNode o)) return;
        JsonNode type = Tree.take(o, "type");
        JsonNode value = Tree.take(o, "value");
        if (value != null) Tree.putIfAbsent(o, "mean", value);
        if (type != null) {
            String t = type.asText();
            boolean matches = switch (t) {
                case "fixed" -> !Tree.has(o, "stddev") && !Tree.has(o, "median") && !Tree.has(o, "peaks") && !Tree.has(o, "points");
                case "normal" -> !Tree.has(o, "median") && !Tree.has(o, "peaks") && !Tree.has(o, "points");
                case "empirical" -> Tree.has(o, "points");
                case "lognormal" -> Tree.has(o, "median");
                case "multimodal" -> Tree.has(o, "peaks");
                default -> false;
            };
            if (!matches) {
                throw new SpecException(path + ".type: '" + t + "' does not match the fields given; use fixed (value),"
                        + " normal (mean, stddev), lognormal (mean, median), multimodal (peaks) or empirical (points)", type);
            }
        }
    }

    /** prefixPrompts -> prompts.prefixPromptCount/Length and sessions.sharedSystem/userContext lengths. */
    private static void prefixPrompts(ObjectNode b, ObjectNode ds) {
        JsonNode pp = Tree.take(ds, "prefixPrompts");
        if (pp == null) return;
        if (!(pp instanceof ObjectNode p)) throw new SpecException("dataset.prefixPrompts: expected a mapping (poolSize, length, ...)", pp);
        JsonNode pool = Tree.take(p, "poolSize");
        JsonNode length = Tree.take(p, "length");
        JsonNode shared = Tree.take(p, "sharedSystemLength");
        JsonNode user = Tree.take(p, "userContextLength");
        AiperfUnsupported.refuseLeftovers(p, "dataset.prefixPrompts");
        if (pool != null || length != null) {
            ObjectNode prompts = Tree.child(ds, "prompts");
            Tree.putIfAbsent(prompts, "prefixPromptCount", pool);
            Tree.putIfAbsent(prompts, "prefixPromptLength", length);
        }
        if (shared != null || user != null) {
            ObjectNode sessions = Tree.child(b, "sessions");
            Tree.putIfAbsent(sessions, "sharedSystemPromptLength", shared);
            Tree.putIfAbsent(sessions, "userContextPromptLength", user);
        }
    }

    /** turns, turnDelay (ms), turnDelayRatio -> sessions. */
    private static void sessions(ObjectNode b, ObjectNode ds) {
        JsonNode turns = Tree.take(ds, "turns");
        JsonNode delay = Tree.take(ds, "turnDelay");
        JsonNode ratio = Tree.take(ds, "turnDelayRatio");
        if (turns == null && delay == null && ratio == null) return;
        ObjectNode s = Tree.child(b, "sessions");
        meanStddev(turns, s, "turnsMean", "turnsStddev", "dataset.turns");
        meanStddev(delay, s, "turnDelayMeanMs", "turnDelayStddevMs", "dataset.turnDelay");
        Tree.putIfAbsent(s, "delayRatio", ratio);
    }

    private static void meanStddev(JsonNode v, ObjectNode target, String meanKey, String sdKey, String path) {
        if (v == null || v.isNull()) return;
        if (v.isNumber() || v.isTextual()) {
            Tree.putIfAbsent(target, meanKey, v);
            return;
        }
        if (!(v instanceof ObjectNode o)) throw new SpecException(path + ": expected a number or {mean, stddev}", v);
        Tree.take(o, "type");
        JsonNode mean = Tree.has(o, "mean") ? Tree.take(o, "mean") : Tree.take(o, "value");
        JsonNode sd = Tree.take(o, "stddev");
        for (Map.Entry<String, JsonNode> e : Tree.entries(o)) {
            throw new SpecException(path + "." + e.getKey() + ": Redline draws " + path.substring(path.lastIndexOf('.') + 1)
                    + " from a normal distribution only; use {mean, stddev}; see docs/migrating-from-aiperf.md", e.getValue());
        }
        Tree.putIfAbsent(target, meanKey, mean);
        Tree.putIfAbsent(target, sdKey, sd);
    }
}
