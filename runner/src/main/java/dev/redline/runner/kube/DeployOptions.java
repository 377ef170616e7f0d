package dev.redline.runner.kube;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.runner.BadInputException;
import dev.redline.api.v1alpha1.SecretMount;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AIPerf's deployment flags of {@code kube profile|sweep|generate}, mapped onto {@code spec.runners} of the resource.
 * {@code --total-workers N} gives AIPerf's pod count, N / 10 (its workers per pod), unless {@code --runners} names
 * the pods directly: a Redline runner pod has no worker processes to count.
 */
public class DeployOptions implements DottedMaps.Holder {
    static final int AIPERF_WORKERS_PER_POD = 10;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** AIPerf's {@code --labels.KEY VALUE} entries of the map flags, taken out before parsing. */
    private final DottedMaps dotted = new DottedMaps();

    @Override
    public DottedMaps dotted() { return dotted; }

    @Option(names = "--name", paramLabel = "NAME", description = "Resource name (DNS label, at most 40 characters). Default: <model>-<endpoint>-<load>.")
    String name;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Runner image. Default: the operator's configured runner image.")
    String image;

    @Option(names = "--image-pull-policy", paramLabel = "POLICY", description = "Always, IfNotPresent or Never.")
    String imagePullPolicy;

    @Option(names = "--total-workers", paramLabel = "N", description = "AIPerf's worker total: N / 10 runner pods, rounded up (--runners sets the pods directly).")
    Integer totalWorkers;

    @Option(names = "--node-selector", paramLabel = "KEY=VALUE", split = ",", description = "Node labels the runner pods must match (repeat, or a JSON object).")
    List<String> nodeSelector = new ArrayList<>();

    @Option(names = "--tolerations", paramLabel = "JSON", description = "Runner pod tolerations: a JSON object or array (repeat).")
    List<String> tolerations = new ArrayList<>();

    @Option(names = "--ttl-seconds", paramLabel = "SECONDS", description = "Remove the finished runner pods after this many seconds (the Job's TTL); results stay in the resource's status and ConfigMap.")
    Integer ttlSeconds;

    @Option(names = "--annotations", paramLabel = "KEY=VALUE", split = ",", description = "Runner pod annotations (repeat, or one JSON object).")
    List<String> annotations = new ArrayList<>();

    @Option(names = "--labels", paramLabel = "KEY=VALUE", split = ",", description = "Runner pod labels (repeat, or one JSON object).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--image-pull-secrets", paramLabel = "NAME", split = ",", description = "Secrets to pull the runner image with.")
    List<String> imagePullSecrets = new ArrayList<>();

    @Option(names = "--env-vars", paramLabel = "NAME=VALUE", split = ",", description = "Extra runner environment variables (repeat, or one JSON object).")
    List<String> envVars = new ArrayList<>();

    @Option(names = "--env-from-secrets", paramLabel = "NAME=SECRET/KEY", split = ",", description = "Runner environment variables read from Secret keys (repeat, or one JSON object).")
    List<String> envFromSecrets = new ArrayList<>();

    @Option(names = "--secret-mounts", paramLabel = "JSON", description = "Secrets mounted into the runner: {\"name\": S, \"mount_path\": P, \"sub_path\": K} objects or arrays (repeat).")
    List<String> secretMounts = new ArrayList<>();

    @Option(names = "--service-account", paramLabel = "NAME", description = "Service account of the runner pods.")
    String serviceAccount;

    @Option(names = "--queue-name", paramLabel = "NAME", description = "Kueue LocalQueue for the runner Job (label kueue.x-k8s.io/queue-name).")
    String queueName;

    @Option(names = "--priority-class", paramLabel = "NAME", description = "PriorityClass of the runner pods.")
    String priorityClass;

    /** The name given, checked; null when not given. */
    String name() {
        if (name == null) return null;
        if (name.length() > 40 || !DNS_LABEL.matcher(name).matches()) {
            throw new BadInputException("--name " + name + ": must be a DNS label of at most 40 characters (lower-case letters, digits, '-')");
        }
        return name;
    }

    /** {@code spec.runners} from these flags and {@code --runners} (null when not given); null when nothing is set. */
    RunnerSpec runnerSpec(Integer runners) {
        RunnerSpec r = new RunnerSpec();
        boolean any = false;
        if (runners != null) {
            r.setReplicas(runners);
            any = true;
        } else if (totalWorkers != null) {
            if (totalWorkers < 1) throw new BadInputException("--total-workers: must be at least 1, got " + totalWorkers);
            r.setReplicas((totalWorkers + AIPERF_WORKERS_PER_POD - 1) / AIPERF_WORKERS_PER_POD);
            any = true;
        }
        if (image != null) {
            if (image.isBlank()) throw new BadInputException("--image: empty; give an image reference");
            r.setImage(image);
            any = true;
        }
        if (imagePullPolicy != null) {
            if (!List.of("Always", "IfNotPresent", "Never").contains(imagePullPolicy)) {
                throw new BadInputException("--image-pull-policy " + imagePullPolicy + ": use Always, IfNotPresent or Never");
            }
            r.setImagePullPolicy(imagePullPolicy);
            any = true;
        }
        Map<String, String> selector = pairs("--node-selector", nodeSelector, dotted);
        if (!selector.isEmpty()) {
            r.setNodeSelector(selector);
            any = true;
        }
        List<Toleration> tols = tolerations();
        if (!tols.isEmpty()) {
            r.setTolerations(tols);
            any = true;
        }
        any |= podFields(r);
        return any ? r : null;
    }

    /** Flag of each runners field, for the one-line error of a value the rules refuse. */
    static final Map<String, String> FLAGS = Map.ofEntries(Map.entry("replicas", "--total-workers"), Map.entry("image", "--image"),
            Map.entry("imagePullPolicy", "--image-pull-policy"), Map.entry("nodeSelector", "--node-selector"), Map.entry("tolerations", "--tolerations"),
            Map.entry("ttlSecondsAfterFinished", "--ttl-seconds"), Map.entry("podAnnotations", "--annotations"), Map.entry("podLabels", "--labels"),
            Map.entry("imagePullSecrets", "--image-pull-secrets"), Map.entry("env", "--env-vars/--env-from-secrets"),
            Map.entry("secretMounts", "--secret-mounts"), Map.entry("serviceAccountName", "--service-account"),
            Map.entry("queueName", "--queue-name"), Map.entry("priorityClassName", "--priority-class"));

    private boolean podFields(RunnerSpec r) {
        boolean any = false;
        if (ttlSeconds != null) {
            if (ttlSeconds < 0) throw new BadInputException("--ttl-seconds: seconds >= 0, got " + ttlSeconds);
            r.setTtlSecondsAfterFinished(ttlSeconds);
            any = true;
        }
        Map<String, String> a = pairs("--annotations", annotations, dotted);
        if (!a.isEmpty()) { r.setPodAnnotations(a); any = true; }
        Map<String, String> l = pairs("--labels", labels, dotted);
        if (!l.isEmpty()) { r.setPodLabels(l); any = true; }
        if (!imagePullSecrets.isEmpty()) { r.setImagePullSecrets(List.copyOf(imagePullSecrets)); any = true; }
        List<EnvVar> env = new ArrayList<>();
        pairs("--env-vars", envVars, dotted).forEach((k, v) -> env.add(new EnvVarBuilder().withName(k).withValue(v).build()));
        pairs("--env-from-secrets", envFromSecrets, dotted).forEach((k, v) -> {
            int slash = v.indexOf('/');
            if (slash <= 0 || slash == v.length() - 1) {
                throw new BadInputException("--env-from-secrets " + k + "=" + v + ": give NAME=SECRET/KEY (e.g. OPENAI_API_KEY=llm-keys/openai)");
            }
            env.add(new EnvVarBuilder().withName(k).withNewValueFrom().withNewSecretKeyRef(v.substring(slash + 1), v.substring(0, slash), false)
                    .endValueFrom().build());
        });
        if (!env.isEmpty()) { r.setEnv(env); any = true; }
        List<SecretMount> mounts = secretMounts();
        if (!mounts.isEmpty()) { r.setSecretMounts(mounts); any = true; }
        if (serviceAccount != null) { r.setServiceAccountName(serviceAccount); any = true; }
        if (queueName != null) { r.setQueueName(queueName); any = true; }
        if (priorityClass != null) { r.setPriorityClassName(priorityClass); any = true; }
        return any;
    }

    /** KEY=VALUE entries, or one JSON object (AIPerf accepts both), then the flag's {@code --flag.KEY VALUE} entries. */
    static Map<String, String> pairs(String flag, List<String> entries, DottedMaps dotted) {
        Map<String, String> out = pairs(flag, entries);
        out.putAll(dotted.of(flag));
        return out;
    }

    private static Map<String, String> pairs(String flag, List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        if (entries.isEmpty()) return out;
        String joined = String.join(",", entries).trim();
        if (joined.startsWith("{")) {
            try {
                out.putAll(JSON.readValue(joined, new TypeReference<Map<String, String>>() { }));
                return out;
            } catch (Exception ex) {
                throw new BadInputException(flag + ": not a JSON object of strings (" + firstLine(ex) + "); or give KEY=VALUE");
            }
        }
        for (String entry : entries) {
            String e = entry.trim();
            int eq = e.indexOf('=');
            if (eq <= 0) throw new BadInputException(flag + " " + e + ": give KEY=VALUE");
            out.put(e.substring(0, eq), e.substring(eq + 1));
        }
        return out;
    }

    private List<SecretMount> secretMounts() {
        List<SecretMount> out = new ArrayList<>();
        for (String t : secretMounts) {
            try {
                var node = JSON.readTree(t);
                List<com.fasterxml.jackson.databind.JsonNode> items = new ArrayList<>();
                if (node.isArray()) node.forEach(items::add);
                else if (node.isObject()) items.add(node);
                else throw new IllegalArgumentException("not an object or array");
                for (var n : items) {
                    SecretMount m = new SecretMount();
                    m.setSecretName(text(n, "name", "secretName"));
                    m.setMountPath(text(n, "mount_path", "mountPath"));
                    m.setSubPath(text(n, "sub_path", "subPath"));
                    if (m.getSecretName() == null || m.getMountPath() == null) throw new IllegalArgumentException("needs name and mount_path");
                    out.add(m);
                }
            } catch (Exception e) {
                throw new BadInputException("--secret-mounts " + t + ": " + firstLine(e) + "; give {\"name\": \"SECRET\", \"mount_path\": \"/path\"}");
            }
        }
        return out;
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n, String snake, String camel) {
        var v = n.has(snake) ? n.get(snake) : n.get(camel);
        return v == null || v.isNull() ? null : v.asText();
    }

    private List<Toleration> tolerations() {
        return tolerations(tolerations);
    }

    /** Tolerations from JSON objects or arrays, as {@code --tolerations} takes them. */
    static List<Toleration> tolerations(List<String> tolerations) {
        List<Toleration> out = new ArrayList<>();
        for (String t : tolerations) {
            try {
                var node = JSON.readTree(t);
                if (node.isArray()) {
                    for (var n : node) out.add(JSON.treeToValue(n, Toleration.class));
                } else if (node.isObject()) {
                    out.add(JSON.treeToValue(node, Toleration.class));
                } else {
                    throw new BadInputException("--tolerations " + t + ": give a JSON object or array, e.g. {\"key\":\"nvidia.com/gpu\",\"operator\":\"Exists\"}");
                }
            } catch (BadInputException e) {
                throw e;
            } catch (Exception e) {
                throw new BadInputException("--tolerations " + t + ": not JSON (" + firstLine(e) + "); e.g. {\"key\":\"nvidia.com/gpu\",\"operator\":\"Exists\"}");
            }
        }
        return out;
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
