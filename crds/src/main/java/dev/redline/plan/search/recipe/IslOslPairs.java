package dev.redline.plan.search.recipe;

import dev.redline.api.config.SpecException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code --isl-osl-pairs "128/128,512/256"}: distinct positive ISL/OSL shapes. */
final class IslOslPairs {
    private IslOslPairs() { }

    static List<int[]> parse(String text, String field) {
        List<int[]> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String chunk : text.split(",")) {
            String t = chunk.trim();
            if (t.isEmpty()) continue;
            String[] sides = t.split("/");
            if (sides.length != 2) throw new SpecException(field + ": '" + t + "' must be <isl>/<osl>, e.g. 128/128");
            int isl, osl;
            try {
                isl = Integer.parseInt(sides[0].trim());
                osl = Integer.parseInt(sides[1].trim());
            } catch (NumberFormatException e) {
                throw new SpecException(field + ": '" + t + "' must be two whole numbers, e.g. 512/256");
            }
            if (isl < 1 || osl < 1) throw new SpecException(field + ": '" + t + "' must be positive");
            if (!seen.add(isl + "/" + osl)) throw new SpecException(field + ": '" + t + "' is given twice");
            out.add(new int[] {isl, osl});
        }
        if (out.isEmpty()) throw new SpecException(field + ": give at least one shape, e.g. 128/128");
        return out;
    }
}
