package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.BadInputException;
import dev.redline.runner.config.ConfigLoader;
import dev.redline.runner.config.ResolvedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code redline config diff A B}: what differs between two config files once both are resolved (so a snake_case
 * file and its camelCase twin, or a shorthand and its long form, are equal). Exit 0 when equal, 1 when they differ.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two config files after resolving both: one line per differing setting; exit 1 when they differ.")
public class ConfigDiffCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "First config file.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Second config file.")
    Path b;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format. Default text.")
    String format = "text";

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) throw new BadInputException("--format: use text or json, not '" + format + "'");
        Map<String, String> left = flat(a);
        Map<String, String> right = flat(b);
        Set<String> paths = new LinkedHashSet<>(left.keySet());
        paths.addAll(right.keySet());
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        ArrayNode diffs = json.createArrayNode();
        for (String p : paths) {
            String l = left.get(p);
            String r = right.get(p);
            if (l != null && l.equals(r)) continue;
            ObjectNode d = diffs.addObject();
            d.put("path", p);
            d.set("a", l == null ? null : json.readTree(l));
            d.set("b", r == null ? null : json.readTree(r));
            if (format.equals("text")) {
                out.println((l == null ? "+ " : r == null ? "- " : "~ ") + p + ": " + (l == null ? "(unset)" : l) + " -> " + (r == null ? "(unset)" : r));
            }
        }
        if (format.equals("json")) out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(diffs));
        else if (diffs.isEmpty()) out.println("no differences");
        out.flush();
        return diffs.isEmpty() ? 0 : 1;
    }

    private static Map<String, String> flat(Path file) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] leaf : ResolvedConfig.leaves(ResolvedConfig.envelope(new ConfigLoader().load(file)))) m.put(leaf[0], leaf[1]);
        return m;
    }
}
