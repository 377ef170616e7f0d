package dev.redline.operator.realcluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a kubelet and a container runtime do before a container starts, done for a local process: the
 * pod's volumes become directories under its own root (ConfigMap and Secret keys as files, emptyDirs,
 * the projected ServiceAccount token from a real TokenRequest bound to the pod), its env is resolved
 * (values, {@code $(VAR)}, fieldRefs, Secret and ConfigMap refs, the {@code kubernetes} Service), and
 * paths under a mount point and in-cluster {@code host:port}s in args and env are mapped to the local ones.
 *
 * <p>The one thing a local process cannot have is the fixed token path
 * {@code /var/run/secrets/kubernetes.io/serviceaccount}; the Fabric8 client is told where the mounted
 * token and CA are through its own {@code KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN} and
 * {@code KUBERNETES_CERTS_CA_FILE} variables, and never looks for a kubeconfig.
 */
final class PodSandbox {
    static final String SA_MOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";
    private static final Pattern VAR_REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

    /** The local command line of the pod's (single) container. */
    record Launch(List<String> command, Map<String, String> env, Path root, Path log) { }

    private final KubernetesClient client;
    private final ControlPlane controlPlane;
    private final PodNetwork network;
    private final Pod pod;
    private final Path root;
    private final Map<String, Path> mounts = new LinkedHashMap<>();

    PodSandbox(KubernetesClient client, ControlPlane controlPlane, PodNetwork network, Pod pod, Path podsDir) {
        this.client = client;
        this.controlPlane = controlPlane;
        this.network = network;
        this.pod = pod;
        this.root = podsDir.resolve(pod.getMetadata().getNamespace()).resolve(pod.getMetadata().getName());
    }

    Launch prepare(UnaryOperator<List<String>> entrypoint) throws PodConfigException, IOException {
        if (pod.getSpec().getContainers().size() != 1) {
            throw new PodConfigException("the fake kubelet runs pods with one container, this one has " + pod.getSpec().getContainers().size());
        }
        Container c = pod.getSpec().getContainers().get(0);
        Files.createDirectories(root);
        // every mount point first: a ConfigMap's text may name files under another mount (the spec names the uploaded files)
        for (VolumeMount m : c.getVolumeMounts()) mounts.put(m.getMountPath(), root.resolve(m.getMountPath().substring(1)));
        for (VolumeMount m : c.getVolumeMounts()) {
            Path at = mounts.get(m.getMountPath());
            Files.createDirectories(at);
            fill(volume(m.getName()), at);
        }
        Map<String, String> env = new LinkedHashMap<>(ManagedProcess.baseEnv());
        env.put("HOSTNAME", pod.getSpec().getHostname() != null ? pod.getSpec().getHostname() : pod.getMetadata().getName());
        env.put("KUBERNETES_SERVICE_HOST", "127.0.0.1");
        env.put("KUBERNETES_SERVICE_PORT", Integer.toString(controlPlane.port()));
        env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
        Path sa = mounts.get(SA_MOUNT);
        if (sa != null) {
            env.put("KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN", sa.resolve("token").toString());
            env.put("KUBERNETES_CERTS_CA_FILE", sa.resolve("ca.crt").toString());
        }
        for (EnvFromSource from : c.getEnvFrom()) envFrom(from, env);
        for (EnvVar v : c.getEnv()) env.put(v.getName(), local(value(v, env)));
        // every pod has its own network namespace in a cluster; here they share one host, so a fixed
        // listen port (the runners' live metrics) becomes any free port
        env.computeIfPresent(dev.redline.api.v1alpha1.RunnerEnvironment.METRICS_PORT, (k, v) -> "0");
        List<String> command = new ArrayList<>();
        if (c.getCommand() != null) c.getCommand().forEach(s -> command.add(local(expand(s, env))));
        if (c.getArgs() != null) c.getArgs().forEach(s -> command.add(local(expand(s, env))));
        if (command.isEmpty()) throw new PodConfigException("container " + c.getName() + " has no command; the fake kubelet knows no image entrypoints");
        return new Launch(entrypoint.apply(command), env, root, root.resolve(c.getName() + ".log"));
    }

    private Volume volume(String name) throws PodConfigException {
        for (Volume v : pod.getSpec().getVolumes()) if (v.getName().equals(name)) return v;
        throw new PodConfigException("volume mount " + name + " names no volume");
    }

    private void fill(Volume v, Path at) throws PodConfigException, IOException {
        if (v.getEmptyDir() != null) return;
        if (v.getConfigMap() != null) {
            writeKeys(at, configMapFiles(v.getConfigMap().getName(), Boolean.TRUE.equals(v.getConfigMap().getOptional())), v.getConfigMap().getItems());
        } else if (v.getSecret() != null) {
            writeKeys(at, bytes(secret(v.getSecret().getSecretName(), Boolean.TRUE.equals(v.getSecret().getOptional()))), v.getSecret().getItems());
        } else if (v.getProjected() != null) {
            for (VolumeProjection p : v.getProjected().getSources()) project(p, at);
        } else {
            throw new PodConfigException("volume " + v.getName() + ": only emptyDir, configMap, secret and projected volumes are supported here");
        }
    }

    private void project(VolumeProjection p, Path at) throws PodConfigException, IOException {
        if (p.getServiceAccountToken() != null) {
            write(at.resolve(p.getServiceAccountToken().getPath()), token(p.getServiceAccountToken()));
        } else if (p.getConfigMap() != null) {
            writeKeys(at, configMapFiles(p.getConfigMap().getName(), Boolean.TRUE.equals(p.getConfigMap().getOptional())), p.getConfigMap().getItems());
        } else if (p.getSecret() != null) {
            writeKeys(at, bytes(secret(p.getSecret().getName(), Boolean.TRUE.equals(p.getSecret().getOptional()))), p.getSecret().getItems());
        } else if (p.getDownwardAPI() != null) {
            for (var item : p.getDownwardAPI().getItems()) {
                if (item.getFieldRef() != null) write(at.resolve(item.getPath()), field(item.getFieldRef()));
            }
        }
    }

    /** A real token for the pod's ServiceAccount, bound to the pod (invalid once the pod is gone). */
    private String token(ServiceAccountTokenProjection p) {
        TokenRequestBuilder req = new TokenRequestBuilder().withNewSpec()
                .withExpirationSeconds(p.getExpirationSeconds() == null ? 3600L : p.getExpirationSeconds())
                .withNewBoundObjectRef().withApiVersion("v1").withKind("Pod").withName(pod.getMetadata().getName())
                .withUid(pod.getMetadata().getUid()).endBoundObjectRef().endSpec();
        if (p.getAudience() != null && !p.getAudience().isBlank()) req.editSpec().withAudiences(p.getAudience()).endSpec();
        String sa = pod.getSpec().getServiceAccountName() == null ? "default" : pod.getSpec().getServiceAccountName();
        TokenRequest issued = client.serviceAccounts().inNamespace(pod.getMetadata().getNamespace()).withName(sa).tokenRequest(req.build());
        return issued.getStatus().getToken();
    }

    private Map<String, String> configMap(String name, boolean optional) throws PodConfigException {
        ConfigMap cm = client.configMaps().inNamespace(pod.getMetadata().getNamespace()).withName(name).get();
        if (cm == null) {
            if (optional) return Map.of();
            throw new PodConfigException("configmap \"" + name + "\" not found");
        }
        return cm.getData() == null ? Map.of() : cm.getData();
    }

    private Map<String, String> secret(String name, boolean optional) throws PodConfigException {
        Secret s = client.secrets().inNamespace(pod.getMetadata().getNamespace()).withName(name).get();
        if (s == null) {
            if (optional) return Map.of();
            throw new PodConfigException("secret \"" + name + "\" not found");
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (s.getData() != null) s.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        if (s.getStringData() != null) out.putAll(s.getStringData());
        return out;
    }

    /**
     * A ConfigMap's keys as the files of a volume: data (text) and binaryData (bytes). A container sees every mount at
     * its path; here each is a directory under the pod's root, so a path under a mount point in the text becomes that
     * directory, as in args and env.
     */
    private Map<String, byte[]> configMapFiles(String name, boolean optional) throws PodConfigException {
        ConfigMap cm = client.configMaps().inNamespace(pod.getMetadata().getNamespace()).withName(name).get();
        if (cm == null) {
            if (optional) return Map.of();
            throw new PodConfigException("configmap \"" + name + "\" not found");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (cm.getData() != null) cm.getData().forEach((k, v) -> out.put(k, inPod(v).getBytes(StandardCharsets.UTF_8)));
        if (cm.getBinaryData() != null) cm.getBinaryData().forEach((k, v) -> out.put(k, Base64.getDecoder().decode(v)));
        return out;
    }

    private String inPod(String text) {
        if (mounts.isEmpty()) return text;
        List<String> points = new ArrayList<>(mounts.keySet());
        points.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternatives = new StringBuilder();
        for (String p : points) alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(p));
        // one pass: a replaced directory (itself under /tmp) is not translated again
        Matcher m = Pattern.compile("(?m)(^|[\\s\"'=,\\[])(" + alternatives + ")(?=/|$|[\\s\"',\\]])").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + mounts.get(m.group(2))));
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, byte[]> bytes(Map<String, String> data) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        data.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static void writeKeys(Path dir, Map<String, byte[]> data, List<KeyToPath> items) throws IOException, PodConfigException {
        if (items == null || items.isEmpty()) {
            for (var e : data.entrySet()) write(dir.resolve(e.getKey()), e.getValue());
            return;
        }
        for (KeyToPath item : items) {
            byte[] value = data.get(item.getKey());
            if (value == null) throw new PodConfigException("key " + item.getKey() + " not found");
            write(dir.resolve(item.getPath()), value);
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private void envFrom(EnvFromSource from, Map<String, String> env) throws PodConfigException {
        String prefix = from.getPrefix() == null ? "" : from.getPrefix();
        Map<String, String> data = from.getConfigMapRef() != null
                ? configMap(from.getConfigMapRef().getName(), Boolean.TRUE.equals(from.getConfigMapRef().getOptional()))
                : secret(from.getSecretRef().getName(), Boolean.TRUE.equals(from.getSecretRef().getOptional()));
        data.forEach((k, v) -> env.put(prefix + k, v));
    }

    private String value(EnvVar v, Map<String, String> env) throws PodConfigException {
        if (v.getValueFrom() == null) return v.getValue() == null ? "" : expand(v.getValue(), env);
        var from = v.getValueFrom();
        if (from.getFieldRef() != null) return field(from.getFieldRef());
        if (from.getSecretKeyRef() != null) {
            var ref = from.getSecretKeyRef();
            boolean optional = Boolean.TRUE.equals(ref.getOptional());
            return key(secret(ref.getName(), optional), ref.getKey(), optional, "Secret", ref.getName());
        }
        if (from.getConfigMapKeyRef() != null) {
            var ref = from.getConfigMapKeyRef();
            boolean optional = Boolean.TRUE.equals(ref.getOptional());
            return key(configMap(ref.getName(), optional), ref.getKey(), optional, "ConfigMap", ref.getName());
        }
        throw new PodConfigException("env " + v.getName() + ": only fieldRef, secretKeyRef and configMapKeyRef are supported here");
    }

    /** One key of a Secret's or ConfigMap's data, as the kubelet resolves an env var's keyRef. */
    private String key(Map<String, String> data, String key, boolean optional, String kind, String name) throws PodConfigException {
        String value = data.get(key);
        if (value == null && !optional) {
            throw new PodConfigException("couldn't find key " + key + " in " + kind + " " + pod.getMetadata().getNamespace() + "/" + name);
        }
        return value == null ? "" : value;
    }

    private String field(ObjectFieldSelector ref) throws PodConfigException {
        String path = ref.getFieldPath();
        var meta = pod.getMetadata();
        Matcher keyed = Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]").matcher(path);
        if (keyed.matches()) {
            Map<String, String> m = keyed.group(1).equals("labels") ? meta.getLabels() : meta.getAnnotations();
            return m == null || m.get(keyed.group(2)) == null ? "" : m.get(keyed.group(2));
        }
        return switch (path) {
            case "metadata.name" -> meta.getName();
            case "metadata.namespace" -> meta.getNamespace();
            case "metadata.uid" -> meta.getUid();
            case "spec.nodeName" -> pod.getSpec().getNodeName();
            case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
            case "status.podIP", "status.hostIP" -> FakeKubelet.NODE_IP;
            default -> throw new PodConfigException("fieldRef " + path + " is not supported here");
        };
    }

    /** Kubernetes' {@code $(VAR)} expansion in env values, command and args. */
    private static String expand(String s, Map<String, String> env) {
        Matcher m = VAR_REF.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1), m.group())));
        m.appendTail(out);
        return out.toString();
    }

    /** A container path under a mount point becomes the mount's local directory; cluster names become loopback. */
    private String local(String s) {
        String out = network.translate(pod.getMetadata().getNamespace(), s);
        List<String> points = new ArrayList<>(mounts.keySet());
        points.sort(Comparator.comparingInt(String::length).reversed());
        for (String point : points) {
            if (out.equals(point) || out.startsWith(point + "/")) return mounts.get(point) + out.substring(point.length());
            int eq = out.indexOf('=');
            if (eq > 0 && (out.startsWith(point + "/", eq + 1) || out.substring(eq + 1).equals(point))) {
                return out.substring(0, eq + 1) + mounts.get(point) + out.substring(eq + 1 + point.length());
            }
        }
        return out;
    }
}
