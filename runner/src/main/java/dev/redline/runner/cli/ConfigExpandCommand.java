package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.config.SpecReader;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.Variation;
import dev.redline.runner.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code redline config expand FILE}: every variation the file would run, without running anything. */
@Command(name = "expand", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print every variation a config file would run (its sweep expanded, seeds applied), without running it.")
public class ConfigExpandCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Config file: an AIPerf-style envelope (benchmark, sweep, multi_run) or a benchmark spec.")
    Path file;

    @Option(names = "--full", description = "Print each variation's whole benchmark spec, not only what it changes.")
    boolean full;

    @Option(names = "--index", paramLabel = "I", description = "Only variation I (0-based).")
    Integer index;

    @Option(names = "--format", paramLabel = "text|yaml|json", defaultValue = "text", description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "yaml", "json").contains(format)) throw new BadInputException("--format: '" + format + "' is not allowed; use text, yaml or json");
        ConfigEnvelope env = new dev.redline.runner.config.ConfigLoader().load(file).envelope();
        if (env.getSearch() != null) {
            // an adaptive search chooses its iterations from the results: validate it and say so
            var b = env.benchmark();
            boolean streaming = b.getEndpoint() != null && Boolean.TRUE.equals(b.getEndpoint().getStreaming());
            var r = dev.redline.plan.search.SearchSpecs.resolve(env.getSearch(), streaming,
                    dev.redline.plan.search.SearchFieldNames.under(file + ": sweep"));
            spec.commandLine().getOut().println("adaptive_search (planner " + r.planner().name() + "): up to "
                    + r.problem().stopping().maxIterations() + " iterations over " + r.problem().space().paths()
                    + ", each chosen from the results before it; nothing to expand in advance");
            spec.commandLine().getOut().flush();
            return 0;
        }
        ExperimentPlan plan = ExperimentPlan.of(env);
        List<Variation> all = plan.variations();
        if (index != null && (index < 0 || index >= all.size())) {
            throw new BadInputException("--index: " + index + " is out of range; " + file + " has " + all.size() + " variation(s), 0.." + (all.size() - 1));
        }
        List<Variation> shown = index == null ? all : List.of(all.get(index));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("text")) {
            out.println(describe(plan));
            for (Variation v : shown) {
                out.println("[" + v.index() + "] " + v.label() + "  dir=" + v.dirName() + "  seed=" + v.spec().getRandomSeed());
                if (full) out.print(indent(yaml().writeValueAsString(v.spec())));
            }
        } else {
            ObjectNode root = SpecReader.mapper().createObjectNode();
            root.put("sweep_type", plan.isSweep() ? plan.sweep().type().wireName() : null);
            root.put("variations", all.size());
            root.put("trials", plan.trials());
            root.put("runs", all.size() * plan.trials());
            ArrayNode list = root.putArray("items");
            for (Variation v : shown) {
                ObjectNode o = list.addObject();
                o.put("index", v.index());
                o.put("label", v.label());
                o.put("dir", v.dirName());
                o.set("values", SpecReader.mapper().valueToTree(v.values()));
                if (v.spec().getRandomSeed() == null) o.putNull("random_seed");
                else o.put("random_seed", v.spec().getRandomSeed());
                if (full) o.set("benchmark", SpecReader.mapper().valueToTree(v.spec()));
            }
            ObjectMapper writer = format.equals("json") ? new ObjectMapper() : yaml();
            out.print(writer.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            if (format.equals("json")) out.println();
        }
        out.flush();
        return 0;
    }

    private static String describe(ExperimentPlan plan) {
        int n = plan.variations().size();
        String what = plan.isSweep() ? plan.sweep().type().wireName() + " sweep" : "no sweep";
        return n + " variation(s) x " + plan.trials() + " trial(s) = " + n * plan.trials() + " run(s) (" + what + ")";
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
    }
}
