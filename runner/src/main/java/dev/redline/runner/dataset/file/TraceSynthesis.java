package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.SynthesisSpec;
import dev.redline.runner.dataset.SeedStreams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * AIPerf's trace synthesis over mooncake records, before prompts are made from them. In order: records whose
 * input_length exceeds maxIsl are dropped; then, when any multiplier or the speedup is not 1: the leading hash ids a
 * record shares with other records (ids used twice or more, up to its first unique one) are its prefix, the rest
 * its prompt; the prefix is stretched (each id becomes ⌊m⌋ consecutive new ids, plus fresh ones for the fraction) or
 * cut to ⌊n·m⌋ blocks (at least 1); the prompt's tokens are scaled and get fresh ids; with a root multiplier R each
 * record is moved to one of R disjoint id ranges at random (fewer shared prefixes per copy); timestamps are divided by
 * the speedup (truncated to whole ms) and output lengths scaled (rounded, at least 1); last, outputs are capped at
 * maxOsl. Records without hash_ids keep their input.
 */
final class TraceSynthesis {
    private TraceSynthesis() { }

    static List<SourceRecord> apply(List<SourceRecord> records, SynthesisSpec s, int blockSize, SeedStreams seeds) {
        List<SourceRecord> kept = new ArrayList<>(records.size());
        for (SourceRecord r : records) {
            Integer isl = r.positiveInt("input_length");
            if (s.getMaxIsl() != null && isl != null && isl > s.getMaxIsl()) continue;
            kept.add(r);
        }
        if (meaningful(s)) reshape(kept, s, blockSize, seeds.stream("synthesis.roots", 0));
        if (s.getMaxOsl() != null) {
            for (SourceRecord r : kept) {
                Integer osl = r.positiveInt("output_length");
                if (osl != null && osl > s.getMaxOsl()) r.node().put("output_length", s.getMaxOsl());
            }
        }
        return kept;
    }

    private static boolean meaningful(SynthesisSpec s) {
        return s.resolvedSpeedupRatio() != 1.0 || s.resolvedPrefixLenMultiplier() != 1.0 || s.resolvedPrefixRootMultiplier() != 1
                || s.resolvedPromptLenMultiplier() != 1.0 || s.resolvedOutputLenMultiplier() != 1.0;
    }

    private static void reshape(List<SourceRecord> records, SynthesisSpec s, int blockSize, Random roots) {
        double prefixMult = s.resolvedPrefixLenMultiplier();
        double promptMult = s.resolvedPromptLenMultiplier();
        int rootMult = s.resolvedPrefixRootMultiplier();
        Map<Long, Integer> uses = new HashMap<>();
        for (SourceRecord r : records) if (r.has("hash_ids")) for (long h : r.longs("hash_ids")) uses.merge(h, 1, Integer::sum);
        long maxShared = 0;
        for (Map.Entry<Long, Integer> e : uses.entrySet()) if (e.getValue() > 1) maxShared = Math.max(maxShared, e.getKey());
        int whole = prefixMult > 1.0 ? (int) prefixMult : 1;
        long next = (maxShared + 1) * whole; // ids above this are fresh
        List<List<Long>> newIds = new ArrayList<>(records.size());
        for (SourceRecord r : records) {
            if (!r.has("hash_ids") || r.longs("hash_ids").isEmpty()) {
                newIds.add(null);
                continue;
            }
            List<Long> ids = r.longs("hash_ids");
            int isl = r.requiredPositiveInt("input_length");
            List<Long> prefix = new ArrayList<>();
            for (long h : ids) {
                if (uses.get(h) > 1) prefix.add(h);
                else break;
            }
            int prefixLen = prefix.size() * blockSize;
            int promptLen = isl - prefixLen;
            if (promptLen < 0) {
                throw r.error("input_length", isl + " is shorter than its " + prefix.size() + " shared blocks of " + blockSize
                        + " tokens; fix input_length or --isl-block-size");
            }
            List<Long> out = new ArrayList<>();
            int newPrefixLen;
            if (prefixMult > 1.0) {
                for (long h : prefix) for (int j = 0; j < whole; j++) out.add(h * whole + j);
                int target = (int) Math.ceil(prefix.size() * prefixMult);
                while (out.size() < target) out.add(++next);
                newPrefixLen = out.size() * blockSize;
            } else if (prefixMult < 1.0) {
                int blocks = prefix.isEmpty() ? 0 : Math.max(1, (int) (prefix.size() * prefixMult));
                out.addAll(prefix.subList(0, blocks));
                newPrefixLen = blocks * blockSize;
            } else {
                out.addAll(prefix);
                newPrefixLen = prefixLen;
            }
            int newPromptLen = (int) (promptLen * promptMult);
            int promptBlocks = (newPromptLen + blockSize - 1) / blockSize;
            for (int b = 0; b < promptBlocks; b++) out.add(++next);
            newIds.add(out);
            r.node().put("input_length", Math.max(1, newPrefixLen + newPromptLen));
        }
        long offsetBase = next + 1;
        for (int i = 0; i < records.size(); i++) {
            List<Long> ids = newIds.get(i);
            ObjectNode node = records.get(i).node();
            if (ids != null) {
                long offset = rootMult > 1 ? roots.nextInt(rootMult) * offsetBase : 0;
                ArrayNode arr = node.putArray("hash_ids");
                for (long h : ids) arr.add(h + offset);
            }
            JsonNode ts = node.get("timestamp");
            if (ts != null && ts.isNumber()) node.put("timestamp", (long) (ts.asDouble() / s.resolvedSpeedupRatio()));
            JsonNode osl = node.get("output_length");
            if (osl != null && osl.isNumber()) {
                node.put("output_length", Math.max(1, (int) Math.round(osl.asDouble() * s.resolvedOutputLenMultiplier())));
            }
        }
    }
}
