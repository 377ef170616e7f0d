package dev.redline.runner.kube;

import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;

/**
 * {@code redline kube preflight}: can this machine run benchmarks on this cluster, and can the runner pods run where the
 * options say (AIPerf's node selector, tolerations, secrets, workers, image and endpoint)? One line per check.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true, preprocessor = DottedMaps.Preprocessor.class,
        description = "Check the cluster: API server, Redline CRDs, namespace, your RBAC, the operator, nodes and room for the runner pods,"
                + " and the Secrets, image and endpoint they name. One line per check with the fix; exit 1 if any fails.")
public class KubePreflightCommand implements Callable<Integer>, DottedMaps.Holder, PreflightPlacement.Report {
    /** The chart's selector label on the operator's Deployment and pods (charts/redline/templates/_helpers.tpl). */
    static final String OPERATOR_LABEL = "app.kubernetes.io/name";
    static final String OPERATOR_VALUE = "redline-operator";
    static final List<String> PLURALS = List.of("benchmarks", "sweeps", "searches");
    private static final Pattern SECRET_NAME = Pattern.compile(RunnerSpec.DNS_SUBDOMAIN);

    @Mixin KubeTarget target;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "text (default): one line per check; json: {checks: [{status, check, fix}], passed} for pipelines.")
    String output;

    @Option(names = "--node-selector", paramLabel = "KEY=VALUE", split = ",",
            description = "Node labels the runner pods will select (repeat, or a JSON object): some schedulable node must carry them.")
    List<String> nodeSelector = new ArrayList<>();

    @Option(names = "--tolerations", paramLabel = "JSON", description = "Tolerations the runner pods will carry (JSON object or array, repeat): taints they tolerate do not rule a node out.")
    List<String> tolerations = new ArrayList<>();

    @Option(names = {"--image-pull-secret", "--image-pull-secrets"}, paramLabel = "NAME", split = ",",
            description = "Image pull Secret to check in the namespace (repeat): it exists and is of type kubernetes.io/dockerconfigjson.")
    List<String> imagePullSecrets = new ArrayList<>();

    @Option(names = {"--secret", "--secrets"}, paramLabel = "NAME", split = ",", description = "Secret the benchmark references, to check in the namespace (repeat).")
    List<String> secrets = new ArrayList<>();

    @Option(names = {"-i", "--image"}, paramLabel = "IMAGE", description = "Runner image to check: its registry is public or an --image-pull-secret is given.")
    String image;

    @Option(names = {"-e", "--endpoint-url"}, paramLabel = "URL", description = "The LLM endpoint: an in-cluster URL (NAME.NS.svc) must be a Service with that port.")
    String endpointUrl;

    @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "1",
            description = "Runner pods planned (AIPerf's worker pods): the nodes that can take them must have room for N (2 CPU, 2Gi each). Default 1.")
    int workers;

    private final DottedMaps dotted = new DottedMaps();
    private int failures;
    private final List<String[]> checks = new ArrayList<>();

    @Override
    public Integer call() {
        if (!output.equals("text") && !output.equals("json")) throw new BadInputException("--output " + output + ": use text or json");
        Map<String, String> selector = DeployOptions.pairs("--node-selector", nodeSelector, dotted);
        List<Toleration> tols = DeployOptions.tolerations(tolerations);
        secretNames("--image-pull-secret", imagePullSecrets);
        secretNames("--secret", secrets);
        if (workers < 1) throw new BadInputException("--workers: at least 1 runner pod, got " + workers);
        PreflightEndpoints.checkImageArgument(image);
        java.net.URI endpoint = PreflightEndpoints.endpointArgument(endpointUrl);
        try {
            return run(selector, tols, endpoint);
        } finally {
            if (output.equals("json")) printJson();
        }
    }

    @Override
    public DottedMaps dotted() { return dotted; }

    private static void secretNames(String flag, List<String> names) {
        for (String n : names) {
            if (n.length() > 253 || !SECRET_NAME.matcher(n).matches()) {
                throw new BadInputException(flag + " " + n + ": not a Secret name; give a lowercase RFC 1123 subdomain (letters, digits, '-', '.')");
            }
        }
    }

    private int run(Map<String, String> selector, List<Toleration> tols, java.net.URI endpoint) {
        try (KubeConnection conn = target.connect()) {
            var client = conn.client();
            String server = KubeApi.server(conn);
            try {
                var v = client.getKubernetesVersion();
                pass("API server " + server + " reachable (Kubernetes " + v.getGitVersion() + ")");
            } catch (KubernetesClientException e) {
                fail("API server " + server + ": " + KubeApi.translate(conn, e).getMessage(), "check --kubeconfig / --kube-context and that the cluster is up");
                return 1; // every other check needs the server
            }
            crds(conn);
            namespace(conn);
            access(conn, "create", "redline.dev", "benchmarks", null);
            access(conn, "get", "", "configmaps", null);
            access(conn, "list", "", "pods", null);
            access(conn, "get", "", "pods", "log");
            // only a submit with local files needs it (they travel in a ConfigMap): a warning, not a failure
            access(conn, "create", "", "configmaps", null, "kube profile/sweep with local files (--input-file, a tokenizer directory, ...) "
                    + "cannot upload them; ask for create, patch and delete on configmaps, or pass --no-upload-files and put the files in the image");
            operator(conn);
            PreflightCapacity.check(conn, PreflightPlacement.nodes(conn, selector, tols, this), workers, this);
            PreflightPlacement.secrets(conn, imagePullSecrets, secrets, this);
            PreflightEndpoints.image(image, imagePullSecrets, this);
            PreflightEndpoints.endpoint(conn, endpoint, this);
            if (output.equals("text")) System.out.println(failures == 0 ? "preflight: all checks passed" : "preflight: " + failures + " check(s) failed");
            return failures == 0 ? 0 : 1;
        }
    }

    private void crds(KubeConnection conn) {
        APIResourceList list;
        try {
            list = conn.client().getApiResources("redline.dev/v1alpha1");
        } catch (KubernetesClientException e) {
            list = null;
        }
        for (String plural : PLURALS) {
            boolean served = list != null && list.getResources().stream().map(APIResource::getName).anyMatch(plural::equals);
            if (served) pass("CRD " + plural + ".redline.dev installed");
            else fail("CRD " + plural + ".redline.dev not installed", "install the chart: helm install redline charts/redline");
        }
    }

    private void namespace(KubeConnection conn) {
        String ns = conn.namespace();
        try {
            if (conn.client().namespaces().withName(ns).get() != null) pass("namespace " + ns + " exists");
            else fail("namespace " + ns + " does not exist", "kubectl create namespace " + ns + ", or give -n");
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) throw KubeApi.translate(conn, e);
            // many users may not read Namespace objects; the RBAC checks below still tell whether it is usable
            warn("namespace " + ns + ": cannot read namespaces (forbidden), not checked");
        }
    }

    private void access(KubeConnection conn, String verb, String group, String resource, String sub) {
        access(conn, verb, group, resource, sub, null);
    }

    /** @param onlyWarn null: a denial fails the check; else a denial is a warning with this consequence and fix */
    private void access(KubeConnection conn, String verb, String group, String resource, String sub, String onlyWarn) {
        String what = verb + " " + resource + (sub == null ? "" : "/" + sub) + (group.isEmpty() ? "" : "." + group);
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withResourceAttributes(new ResourceAttributesBuilder()
                .withNamespace(conn.namespace()).withVerb(verb).withGroup(group).withResource(resource).withSubresource(sub).build()).endSpec().build();
        try {
            var answer = conn.client().authorization().v1().selfSubjectAccessReview().create(review);
            if (answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed())) {
                pass("RBAC: you may " + what + " in " + conn.namespace());
            } else if (onlyWarn != null) {
                warn("RBAC: you may not " + what + " in " + conn.namespace() + ": " + onlyWarn);
            } else {
                fail("RBAC: you may not " + what + " in " + conn.namespace(), "ask for a Role granting " + verb + " on " + resource
                        + (sub == null ? "" : "/" + sub) + " (the chart aggregates it into the edit ClusterRole)");
            }
        } catch (KubernetesClientException e) {
            fail("RBAC: could not check " + what + " (" + KubeApi.oneLine(e) + ")", "kubectl auth can-i " + verb + " " + resource + " -n " + conn.namespace());
        }
    }

    private void operator(KubeConnection conn) {
        List<Deployment> deployments;
        try {
            deployments = conn.client().apps().deployments().inAnyNamespace().withLabel(OPERATOR_LABEL, OPERATOR_VALUE).list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) throw KubeApi.translate(conn, e);
            try {
                deployments = conn.client().apps().deployments().inNamespace(conn.namespace()).withLabel(OPERATOR_LABEL, OPERATOR_VALUE).list().getItems();
            } catch (KubernetesClientException e2) {
                warn("operator: cannot list Deployments (forbidden), not checked");
                return;
            }
        }
        if (deployments.isEmpty()) {
            fail("operator: no Deployment labelled " + OPERATOR_LABEL + "=" + OPERATOR_VALUE + " found", "install the chart: helm install redline charts/redline");
            return;
        }
        for (Deployment d : deployments) {
            int ready = d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
            String where = d.getMetadata().getNamespace() + "/" + d.getMetadata().getName();
            if (ready > 0) pass("operator " + where + " ready (" + ready + " replica(s))");
            else fail("operator " + where + " has no ready replica", "kubectl -n " + d.getMetadata().getNamespace() + " describe deployment " + d.getMetadata().getName());
        }
    }

    @Override
    public void pass(String what) {
        record("PASS", what, null);
    }

    @Override
    public void warn(String what) {
        record("WARN", what, null);
    }

    @Override
    public void info(String what) {
        record("INFO", what, null);
    }

    @Override
    public void fail(String what, String fix) {
        failures++;
        record("FAIL", what, fix);
    }

    private void record(String status, String what, String fix) {
        checks.add(new String[]{status, what, fix});
        if (output.equals("text")) System.out.println(status + " " + what + (fix == null ? "" : "; fix: " + fix));
    }

    private void printJson() {
        var root = dev.redline.api.config.SpecReader.mapper().createObjectNode();
        var list = root.putArray("checks");
        for (String[] c : checks) {
            var o = list.addObject().put("status", c[0]).put("check", c[1]);
            if (c[2] != null) o.put("fix", c[2]);
        }
        root.put("passed", failures == 0 && !checks.isEmpty() && checks.stream().noneMatch(c -> c[0].equals("FAIL")));
        System.out.println(root.toPrettyString());
    }
}
