package dev.redline.runner.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecReader;
import dev.redline.runner.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code redline kube validate FILE...}: each Benchmark, Sweep or Search manifest checked as the operator would
 * (schema, unknown keys with suggestions, the benchmark's rules); exit 1 when any is invalid.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate Benchmark, Sweep and Search YAML files (schema, unknown keys, the benchmark's rules); exit 1 on errors.")
public class KubeValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Manifests to validate.")
    List<Path> files;

    @Option(names = {"-s", "--strict"}, description = "Accepted for AIPerf: unknown keys are always errors in Redline.")
    boolean strict;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text", description = "text (default) or json.")
    String output;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (!output.equals("text") && !output.equals("json")) throw new BadInputException("--output " + output + ": use text or json");
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        ArrayNode json = SpecReader.mapper().createArrayNode();
        for (Path f : files) {
            KubeResourceFile.Result r = KubeResourceFile.read(f);
            allValid &= r.valid();
            if (output.equals("json")) {
                ObjectNode o = json.addObject();
                o.put("file", f.toString());
                o.put("valid", r.valid());
                if (r.resource() != null) {
                    o.put("kind", r.resource().getKind());
                    o.put("name", r.resource().getMetadata().getName());
                }
                ArrayNode errs = o.putArray("errors");
                r.errors().forEach(errs::add);
            } else if (r.valid()) {
                out.println(f + ": valid " + r.resource().getKind() + " " + r.resource().getMetadata().getName());
            } else {
                r.errors().forEach(out::println);
            }
        }
        if (output.equals("json")) out.println(json.toPrettyString());
        else if (files.size() > 1) out.println(allValid ? "all " + files.size() + " files are valid" : "some files are invalid");
        out.flush();
        return allValid ? 0 : 1;
    }
}
