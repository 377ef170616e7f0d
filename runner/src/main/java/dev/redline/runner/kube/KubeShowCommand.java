package dev.redline.runner.kube;

import dev.redline.runner.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code redline kube show -f FILE}: the manifest with {@code ${VAR}} and {@code {{ }}} resolved, validated, as YAML. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a Benchmark, Sweep or Search manifest with ${VAR} and {{ }} templates resolved (validated).")
public class KubeShowCommand implements Callable<Integer> {
    @Option(names = {"-f", "--path"}, paramLabel = "FILE", required = true, description = "The manifest to render.")
    Path path;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        KubeResourceFile.Result r = KubeResourceFile.read(path);
        if (!r.valid()) throw new BadInputException(r.errors().get(0) + (r.errors().size() > 1 ? " (and " + (r.errors().size() - 1)
                + " more: redline kube validate " + path + ")" : ""));
        PrintWriter out = spec.commandLine().getOut();
        out.print(KubeManifest.yaml(r.resource()));
        out.flush();
        return 0;
    }
}
