package dev.redline.runner.kube;

import dev.redline.runner.BadInputException;
import dev.redline.runner.cli.ClusterEnvelope;
import dev.redline.runner.cli.ProfileCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code redline kube profile [profile flags] [deployment flags]}: submits the Benchmark (or Sweep, or Search) that
 * these flags describe to the Redline operator, then follows it and downloads its results into the artifact
 * directory; {@code --no-wait} returns once it is created, {@code --dry-run} prints it (JSON, as AIPerf) and
 * contacts no cluster.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false, preprocessor = DottedMaps.Preprocessor.class,
        description = "Run a benchmark in Kubernetes through the Redline operator; takes every profile option.")
public class KubeProfileCommand extends ProfileCommand {
    @Mixin KubeTarget target = new KubeTarget();
    @Mixin DeployOptions deploy = new DeployOptions();
    @Mixin LocalFiles.Options files = new LocalFiles.Options();

    @Option(names = "--dry-run", description = "Print the resource that would be submitted (JSON) and exit; no cluster is contacted.")
    boolean dryRun;

    @Option(names = {"--no-wait", "--detach"}, description = "Return once the resource is created (follow it later with kube attach).")
    boolean noWait;

    @Option(names = "--skip-endpoint-check", description = "Accepted for AIPerf; Redline never probes the endpoint from this machine (the runner pods wait for it).")
    boolean skipEndpointCheck;

    @Option(names = "--attach-port", paramLabel = "PORT", description = "Accepted for AIPerf (its direct mode's port-forward); the operator mode watches the resource instead.")
    Integer attachPort;

    @Option(names = "--operator", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "AIPerf's mode switch: Redline always runs through its operator; --no-operator is refused.")
    boolean operator;

    /** What the command submits; {@link KubeSweepCommand} adds its flags. */
    protected ClusterEnvelope envelope() {
        return ClusterEnvelope.of(this);
    }

    @Override
    public Integer call() {
        requireOperator(operator);
        if (attachPort != null && (attachPort < 0 || attachPort > 65535)) throw new BadInputException("--attach-port: a port 0-65535, got " + attachPort);
        PrintWriter out = commandSpec.commandLine().getOut();
        if (configFile() != null && KubeResourceFile.isResource(configFile())) return submitManifest(out);
        ClusterEnvelope ce = envelope();
        if (dryRun) {
            HasMetadata resource = KubeManifest.build(ce, deploy, target.namespaceOption());
            out.println(KubeManifest.json(resource, LocalFiles.pack(resource, files)));
            out.flush();
            return 0;
        }
        try (KubeConnection conn = target.connect()) {
            HasMetadata resource = KubeManifest.build(ce, deploy, conn.namespace());
            ConfigMap localFiles = LocalFiles.pack(resource, files);
            return KubeApi.call(conn, () -> submit(conn, resource, localFiles, ce.localDir(), out));
        }
    }

    /**
     * Creates {@code resource} (and the ConfigMap of its local files, when it has one) in the connection's namespace,
     * then follows it and downloads into {@code dir} unless --no-wait.
     */
    private int submit(KubeConnection conn, HasMetadata resource, ConfigMap localFiles, Path dir, PrintWriter out) {
        resource.getMetadata().setNamespace(conn.namespace());
        LastDeployed.Ref ref = KubeSubmit.create(conn, resource, localFiles);
        LastDeployed.remember(ref);
        out.println("created " + ref.kind() + " " + ref.namespace() + "/" + ref.name()
                + (localFiles == null ? "" : " with ConfigMap " + localFiles.getMetadata().getName() + " (the local files, at " + LocalFiles.MOUNT + " in the runner pods)"));
        if (noWait) {
            out.println("follow it with: redline kube attach " + ref.name() + " -n " + ref.namespace()
                    + "; results with: redline kube results " + ref.name() + " -n " + ref.namespace());
            return 0;
        }
        return KubeSubmit.followAndDownload(conn, ref, dir, out);
    }

    /**
     * {@code -f} names a Benchmark, Sweep or Search manifest (AIPerf's {@code kube profile -f aiperfjob.yaml}): it is
     * submitted as it is, with only the deployment flags applied; benchmark flags are refused (edit the file).
     */
    private int submitManifest(PrintWriter out) {
        Set<String> allowed = new HashSet<>(Set.of("-f", "--config", "--dry-run", "--no-wait", "--detach", "--skip-endpoint-check",
                "--attach-port", "--operator", "--no-operator", "--runners"));
        for (String mixin : List.of("target", "deploy")) {
            commandSpec.mixins().get(mixin).options().forEach(o -> allowed.addAll(List.of(o.names())));
        }
        for (var o : commandSpec.commandLine().getParseResult().matchedOptions()) {
            if (!allowed.contains(o.longestName()) && !allowed.contains(o.shortestName())) {
                throw new BadInputException(o.longestName() + ": -f " + configFile() + " is a " + "resource manifest, submitted as it is;"
                        + " edit the file, or give a config file (redline config generate writes one) instead of a manifest");
            }
        }
        KubeResourceFile.Result r = KubeResourceFile.read(configFile());
        if (!r.valid()) throw new BadInputException(r.errors().get(0));
        HasMetadata resource = r.resource();
        String givenName = resource.getMetadata().getName();
        KubeManifest.applyDeploy(resource, deploy, runnersOption());
        ConfigMap localFiles = companionFiles(resource, givenName, KubeResourceFile.configMaps(configFile()));
        if (dryRun) {
            if (target.namespaceOption() != null) resource.getMetadata().setNamespace(target.namespaceOption());
            if (localFiles != null) localFiles.getMetadata().setNamespace(resource.getMetadata().getNamespace());
            out.println(KubeManifest.json(resource, localFiles));
            out.flush();
            return 0;
        }
        try (KubeConnection conn = target.connect()) {
            return KubeApi.call(conn, () -> submit(conn, resource, localFiles, Path.of("artifacts", resource.getMetadata().getName()), out));
        }
    }

    /**
     * The files ConfigMap written beside the resource ({@code kube generate}'s second document) that its runners mount:
     * submitted with it, as a fresh object (and renamed with the resource when --name renames it).
     */
    private static ConfigMap companionFiles(HasMetadata resource, String givenName, List<ConfigMap> inFile) {
        var template = KubeResourceFile.template(resource);
        if (template == null || template.getRunners() == null || template.getRunners().getConfigMapMounts() == null) return null;
        for (var mount : template.getRunners().getConfigMapMounts()) {
            for (ConfigMap cm : inFile) {
                if (!mount.getConfigMapName().equals(cm.getMetadata().getName())) continue;
                String name = resource.getMetadata().getName();
                if (!name.equals(givenName) && cm.getMetadata().getName().equals(givenName + "-files")) {
                    cm.getMetadata().setName(name + "-files");
                    mount.setConfigMapName(name + "-files");
                    if (cm.getMetadata().getLabels() != null) cm.getMetadata().getLabels().computeIfPresent(LocalFiles.OWNER_LABEL, (k, v) -> name);
                }
                var meta = new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(cm.getMetadata().getName())
                        .withNamespace(resource.getMetadata().getNamespace()).withLabels(cm.getMetadata().getLabels()).build();
                cm.setMetadata(meta);
                return cm;
            }
        }
        return null;
    }

    static void requireOperator(boolean operator) {
        if (!operator) {
            throw new BadInputException("--no-operator: Redline has no operator-less mode; install the operator (helm install redline charts/redline)"
                    + " and drop --no-operator");
        }
    }
}
