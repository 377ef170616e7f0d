package dev.redline.runner.kube;

import dev.redline.api.config.SpecException;
import dev.redline.runner.BadInputException;
import dev.redline.runner.cli.ClusterEnvelope;
import dev.redline.runner.cli.ConfigInitCommand;
import dev.redline.runner.config.ConfigLoader;
import dev.redline.runner.config.TemplateCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code redline kube init}: a starter resource from the templates of {@code config init} (same names, --list,
 * --search, --category, --model, --url), wrapped as the Benchmark, Sweep or Search it describes.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a starter Benchmark (or Sweep, Search) resource from a config template; --list shows the templates.")
public class KubeInitCommand extends ConfigInitCommand {
    @Option(names = "--job-name", paramLabel = "NAME", defaultValue = "my-benchmark", description = "metadata.name of the resource. Default my-benchmark.")
    String jobName;

    @Override
    protected String render(TemplateCatalog.Template t, String text) {
        DeployOptions deploy = new DeployOptions();
        deploy.name = jobName;
        ClusterEnvelope ce;
        try {
            ce = ClusterEnvelope.of(new ConfigLoader().load(text, "template " + t.name(), true).envelope());
        } catch (SpecException e) {
            throw new BadInputException("--template " + t.name() + ": " + e.getMessage());
        }
        return "# Written by redline kube init --template " + t.name() + "; submit it with kubectl apply -f <this file>\n"
                + "# or redline kube profile -f <this file>; check it with redline kube validate <this file>\n"
                + KubeManifest.yaml(KubeManifest.build(ce, deploy, null));
    }

    @Override
    protected String wrote(TemplateCatalog.Template t, Path file) {
        return "wrote a resource from template " + t.name() + " to " + file + " (submit it with kubectl apply -f " + file + ")";
    }
}
