package dev.redline.plan.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The multi-tier part of {@code search_history.json} in AIPerf's shape: {@code tier_results} (per tier: boundary,
 * convergence status and reason, binding constraint, bracket, probe count, the SLA statistics at the boundary, the
 * tier's filters) and {@code tier_metadata} (probe and tier-evaluation counts, the tier ordering used).
 */
final class MultiTierJson {
    private MultiTierJson() { }

    /** @param finished whether the search has stopped (its convergence reason is known) */
    static void put(ObjectNode root, MultiTierPlanner planner, List<Evaluation> history, boolean finished) {
        SearchProblem p = planner.problem();
        List<TierBracket> brackets = planner.brackets(history, finished);
        ArrayNode results = root.putArray("tier_results");
        int evaluations = 0;
        for (TierBracket b : brackets) {
            SlaTier tier = p.tiers().get(b.tier);
            evaluations += b.probeCount;
            ObjectNode n = results.addObject();
            n.put("label", tier.label());
            putLong(n, "boundary_concurrency", b.feasibleMax);
            n.put("convergence_status", b.status());
            n.put("convergence_reason", b.reason);
            n.set("binding_constraint", binding(p, history, b));
            putLong(n, "bracket_lower", b.feasibleMax);
            // an inverted bracket says nothing about the upper end
            putLong(n, "bracket_upper", b.feasibleMax != null && b.infeasibleMin != null && b.infeasibleMin <= b.feasibleMax ? null : b.infeasibleMin);
            n.putNull("confidence_interval");
            n.put("probe_count", b.probeCount);
            n.set("boundary_metrics", boundaryMetrics(p, history, b));
            ArrayNode filters = n.putArray("filters");
            for (SlaFilter f : tier.filters()) filters.add(SearchHistoryJson.filter(f));
            for (SlaFilter f : p.slaFilters()) filters.add(SearchHistoryJson.filter(f));
        }
        ObjectNode meta = root.putObject("tier_metadata");
        meta.put("actual_probe_count", history.size());
        meta.put("tier_evaluation_count", evaluations);
        List<int[]> pairs = planner.orderedPairs(history);
        meta.put("ordering_detected", !pairs.isEmpty());
        if (pairs.isEmpty()) {
            meta.putNull("ordering_pairs");
        } else {
            ArrayNode a = meta.putArray("ordering_pairs");
            for (int[] pair : pairs) {
                ObjectNode o = a.addObject();
                o.put("strict", p.tiers().get(pair[0]).label());
                o.put("lenient", p.tiers().get(pair[1]).label());
            }
        }
    }

    private static ObjectNode binding(SearchProblem p, List<Evaluation> history, TierBracket b) {
        if (b.bindingFilter < 0 || b.bindingPosition < 0) return null;
        ObjectNode n = SearchHistoryJson.filter(p.observedFilters().get(b.bindingFilter));
        double observed = history.get(b.bindingPosition).sla(b.bindingFilter);
        if (Double.isFinite(observed)) n.put("observed", observed);
        else n.putNull("observed");
        return n;
    }

    /** The tier's SLA statistics (mean over the trials) at its boundary value; null without a boundary. */
    private static ObjectNode boundaryMetrics(SearchProblem p, List<Evaluation> history, TierBracket b) {
        int at = -1;
        for (int i = history.size() - 1; i >= 0 && b.feasibleMax != null; i--) {
            if (history.get(i).value(0) == b.feasibleMax && !history.get(i).failed()) {
                at = i;
                break;
            }
        }
        if (at < 0) return null;
        ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        List<SlaFilter> all = p.observedFilters();
        for (int k = 0; k < all.size(); k++) {
            double v = history.get(at).sla(k);
            if (!Double.isFinite(v)) continue;
            ObjectNode tag = n.has(all.get(k).metricTag()) ? (ObjectNode) n.get(all.get(k).metricTag()) : n.putObject(all.get(k).metricTag());
            tag.put(all.get(k).stat(), v);
        }
        return n.isEmpty() ? null : n;
    }

    private static void putLong(ObjectNode n, String key, Long v) {
        if (v == null) n.putNull(key);
        else n.put(key, v);
    }
}
