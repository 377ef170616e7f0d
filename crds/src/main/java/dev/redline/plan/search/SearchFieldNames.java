package dev.redline.plan.search;

import java.util.Map;

/**
 * How a search setting is named in an error message: a YAML/CR field path ({@code sweep.searchSpace[0].lo})
 * or the CLI flag that set it ({@code --search-space}), so the one validator speaks each caller's language.
 */
@FunctionalInterface
public interface SearchFieldNames {
    /** @param field the field of AdaptiveSearchSpec, e.g. {@code searchSpace[0].lo}, {@code maxIterations} */
    String name(String field);

    /** Field paths under a prefix, e.g. {@code spec.search}. */
    static SearchFieldNames under(String prefix) {
        return field -> prefix == null || prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** The CLI flags: the {@code --search-*} flags by name, any other field as its kebab-case flag. */
    static SearchFieldNames cliFlags() {
        Map<String, String> flags = Map.ofEntries(
                Map.entry("planner", "--search-planner"), Map.entry("searchSpace", "--search-space"),
                Map.entry("objectives", "--search-metric"), Map.entry("slaFilters", "--search-sla"),
                Map.entry("slaTiers", "--search-sla-tier"),
                Map.entry("maxIterations", "--search-max-iterations"), Map.entry("nInitialPoints", "--search-initial-points"),
                Map.entry("randomSeed", "--search-random-seed"), Map.entry("objectivePooling", "--search-percentile-pooling"),
                Map.entry("optunaSampler", "--optuna-sampler"), Map.entry("optunaAcquisition", "--optuna-acquisition"),
                Map.entry("optunaTerminator", "--optuna-terminator"), Map.entry("name", "--search-recipe"));
        return field -> {
            String head = field.split("[.\\[]", 2)[0];
            if (field.startsWith("objectives") && field.endsWith(".stat")) return "--search-stat";
            if (field.startsWith("objectives") && field.endsWith(".direction")) return "--search-direction";
            String flag = flags.getOrDefault(head, "--" + head.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
            int bracket = field.indexOf('[');
            // keep the index of repeatable flags: "--search-space #2"
            if (bracket >= 0 && (head.equals("searchSpace") || head.equals("slaFilters") || head.equals("slaTiers"))) {
                int idx = Integer.parseInt(field.substring(bracket + 1, field.indexOf(']')));
                return flag + " #" + (idx + 1);
            }
            return flag;
        };
    }
}
