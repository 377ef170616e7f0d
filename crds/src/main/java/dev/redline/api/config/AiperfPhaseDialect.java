package dev.redline.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

import static dev.redline.api.config.Tree.NODES;

/**
 * AIPerf's phase shapes onto {@code phases}: the {@code warmup:}/{@code profiling:} shorthands, a flat
 * {@code phases:} mapping, ramps written as {@code {duration, strategy}}, and the fixed-schedule offsets written on
 * the phase itself.
 */
final class AiperfPhaseDialect {
    private static final String[] RAMPS = {"concurrencyRamp", "prefillRamp", "rateRamp"};

    private AiperfPhaseDialect() { }

    static void expand(ObjectNode b) {
        boolean warmup = Tree.has(b, "warmup");
        boolean profiling = Tree.has(b, "profiling");
        boolean phases = Tree.has(b, "phases");
        if ((warmup || profiling) && phases) {
            throw new SpecException((warmup ? "warmup" : "profiling") + " cannot be combined with phases; use warmup/profiling"
                    + " for a simple config or phases for several", Tree.get(b, warmup ? "warmup" : "profiling"));
        }
        if (warmup && !profiling) {
            throw new SpecException("warmup needs profiling: a warmup-only config measures nothing; add a profiling section", Tree.get(b, "warmup"));
        }
        if (warmup || profiling) {
            ArrayNode list = NODES.arrayNode();
            if (warmup) list.add(named(Tree.take(b, "warmup"), "warmup"));
            list.add(named(Tree.take(b, "profiling"), "profiling"));
            b.set("phases", list);
        }
        JsonNode p = Tree.get(b, "phases");
        if (p instanceof ObjectNode single) {
            ArrayNode list = NODES.arrayNode();
            list.add(named(single, "profiling"));
            b.set(Tree.key(b, "phases"), list);
            p = list;
        }
        if (!(p instanceof ArrayNode list)) return;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof ObjectNode phase) phase(phase, "phases[" + i + "]");
        }
    }

    /** A shorthand phase gets its name (and so its kind) unless it gives one. */
    private static JsonNode named(JsonNode phase, String name) {
        if (phase instanceof ObjectNode o && !Tree.has(o, "name")) {
            ObjectNode withName = NODES.objectNode();
            withName.put("name", name);
            withName.setAll(o);
            return withName;
        }
        return phase;
    }

    /** AIPerf's rateSeries shorthands: a JSON file path, {path}, {points} or a points list; the model holds the list. */
    private static void rateSeries(ObjectNode p, String at) {
        String key = Tree.key(p, "rateSeries");
        if (key == null) return;
        JsonNode s = p.get(key);
        String where = at + "." + key;
        if (s instanceof ObjectNode o && Tree.has(o, "path")) {
            if (o.size() > 1) throw new SpecException(where + ": path and points are mutually exclusive; keep one", s);
            s = Tree.get(o, "path");
        }
        if (s.isArray()) return; // the model's shape: bound (and located) as written
        if (s instanceof ObjectNode o && Tree.has(o, "points") && o.size() == 1) {
            p.set(key, Tree.get(o, "points"));
        } else if (s.isTextual()) {
            p.set(key, SpecReader.mapper().valueToTree(RateSeriesFile.read(java.nio.file.Path.of(s.asText()))));
        } else if (s.isObject()) {
            RateSeriesFile.points(s, where); // throws: the object is neither {points} nor {path}
        }
    }

    private static void phase(ObjectNode p, String at) {
        for (String ramp : RAMPS) {
            JsonNode r = Tree.get(p, ramp);
            if (!(r instanceof ObjectNode o)) continue;
            JsonNode duration = Tree.take(o, "duration");
            JsonNode strategy = Tree.take(o, "strategy");
            if (strategy != null && !strategy.asText().toLowerCase(Locale.ROOT).equals("linear")) {
                throw new SpecException(at + "." + ramp + ".strategy: Redline ramps linearly; remove strategy or use linear", strategy);
            }
            AiperfUnsupported.refuseLeftovers(o, at + "." + ramp);
            if (duration == null) throw new SpecException(at + "." + ramp + ": a ramp needs a duration, e.g. 30s", r);
            p.set(Tree.key(p, ramp), duration);
        }
        rateSeries(p, at);
        JsonNode auto = Tree.take(p, "autoOffset");
        JsonNode start = Tree.take(p, "startOffset");
        JsonNode end = Tree.take(p, "endOffset");
        if (auto != null || start != null || end != null) {
            ObjectNode f = Tree.child(p, "fixedSchedule");
            Tree.putIfAbsent(f, "autoOffset", auto);
            Tree.putIfAbsent(f, "startOffsetMs", start);
            Tree.putIfAbsent(f, "endOffsetMs", end);
        }
        JsonNode type = Tree.get(p, "type");
        if (type != null && type.isTextual()) p.set(Tree.key(p, "type"), NODES.textNode(type.asText().toLowerCase(Locale.ROOT).replace('-', '_')));
        AiperfUnsupported.refusePhase(p, at);
    }
}
