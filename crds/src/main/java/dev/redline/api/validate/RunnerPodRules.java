package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.ConfigMapMount;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.api.v1alpha1.SecretMount;
import io.fabric8.kubernetes.api.model.EnvVar;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The runner pod fields of a Benchmark (spec.runners): the Java side of RunnerSpec's CEL rules, with the same
 * messages, so the CLI and the operator refuse what admission refuses. Only a CR's spec has runners.
 */
public final class RunnerPodRules implements ValidationRule {
    private static final java.util.regex.Pattern DNS_SUBDOMAIN = java.util.regex.Pattern.compile(RunnerSpec.DNS_SUBDOMAIN);

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        if (!(spec instanceof BenchmarkResourceSpec resource) || resource.getRunners() == null) return;
        RunnerSpec r = resource.getRunners();
        List<String> pullSecrets = r.getImagePullSecrets() == null ? List.of() : r.getImagePullSecrets();
        for (String s : pullSecrets) {
            if (s == null || s.length() > 253 || !DNS_SUBDOMAIN.matcher(s).matches()) {
                out.add("runners.imagePullSecrets", "imagePullSecrets must be Secret names (lowercase RFC 1123 subdomains, at most 253 characters)");
                break;
            }
        }
        if (reservedLabel(r.getPodLabels())) {
            out.add("runners.podLabels", "podLabels must not set app.kubernetes.io/name, app.kubernetes.io/managed-by, "
                    + "app.kubernetes.io/component, controller-uid, job-name, redline.dev/* or batch.kubernetes.io/*: the operator and the "
                    + "Job controller select the runner pods by them; use another key");
        }
        if (r.getPodAnnotations() != null && RunnerSpec.RESERVED_ANNOTATIONS.stream().anyMatch(r.getPodAnnotations()::containsKey)) {
            out.add("runners.podAnnotations", "podAnnotations must not set prometheus.io/scrape, prometheus.io/port or prometheus.io/path: "
                    + "the operator sets them so Prometheus scrapes the runners' live metrics; use another key");
        }
        env(r.getEnv(), out);
        mounts(r.getSecretMounts(), out);
        configMapMounts(r, out);
    }

    /** Whether {@code name} is a variable the operator sets on the runner container. */
    public static boolean reservedEnv(String name) {
        return name.startsWith(RunnerSpec.RESERVED_ENV_PREFIX) || RunnerSpec.RESERVED_ENV.contains(name);
    }

    private static boolean reservedLabel(Map<String, String> labels) {
        if (labels == null) return false;
        return labels.keySet().stream().anyMatch(k -> RunnerSpec.RESERVED_LABELS.contains(k)
                || RunnerSpec.RESERVED_LABEL_PREFIXES.stream().anyMatch(k::startsWith));
    }

    private static void env(List<EnvVar> env, Violations out) {
        if (env == null) return;
        if (env.stream().anyMatch(e -> e == null || e.getName() == null || e.getName().isEmpty())) {
            out.add("runners.env", "every env entry needs a name");
        } else if (env.stream().anyMatch(e -> reservedEnv(e.getName()))) {
            out.add("runners.env", "env must not set REDLINE_*, JOB_COMPLETION_INDEX, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, RUST_FLAVOR, "
                    + "DJL_OFFLINE, DJL_CACHE_DIR or HOME: the operator sets them for the runner (for the API key use apiKeySecretRef, "
                    + "for S3 keys output.objectStore.credentialsSecretRef)");
        }
    }

    private static void mounts(List<SecretMount> mounts, Violations out) {
        if (mounts == null) return;
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < mounts.size(); i++) {
            SecretMount m = mounts.get(i);
            String at = "runners.secretMounts[" + i + "]";
            if (m == null || m.getSecretName() == null) out.add(at + ".secretName", "is missing; name the Secret to mount");
            if (m == null || m.getMountPath() == null) {
                out.add(at + ".mountPath", "is missing; give the absolute path the Secret appears at");
                continue;
            }
            paths.add(m.getMountPath());
        }
        mountPaths("secretMounts", paths, out);
    }

    private static void configMapMounts(RunnerSpec r, Violations out) {
        List<ConfigMapMount> mounts = r.getConfigMapMounts();
        if (mounts == null) return;
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < mounts.size(); i++) {
            ConfigMapMount m = mounts.get(i);
            String at = "runners.configMapMounts[" + i + "]";
            if (m == null || m.getConfigMapName() == null) out.add(at + ".configMapName", "is missing; name the ConfigMap to mount");
            if (m == null || m.getMountPath() == null) {
                out.add(at + ".mountPath", "is missing; give the absolute directory the ConfigMap appears at");
                continue;
            }
            paths.add(m.getMountPath());
            List<ConfigMapMount.Item> items = m.getItems() == null ? List.of() : m.getItems();
            for (int j = 0; j < items.size(); j++) {
                ConfigMapMount.Item item = items.get(j);
                if (item == null || item.getKey() == null) out.add(at + ".items[" + j + "].key", "is missing; name the ConfigMap key to mount");
                if (item == null || item.getPath() == null) out.add(at + ".items[" + j + "].path", "is missing; give the file's path under mountPath");
                String p = item == null ? null : item.getPath();
                if (p != null && (p.equals("..") || p.startsWith("../") || p.endsWith("/..") || p.contains("/../"))) {
                    out.add(at + ".items[" + j + "].path", "items[].path must stay inside mountPath; remove the '..' segments");
                }
            }
        }
        mountPaths("configMapMounts", paths, out);
        if (r.getSecretMounts() != null && r.getSecretMounts().stream().anyMatch(s -> s != null && paths.contains(s.getMountPath()))) {
            out.add("runners.configMapMounts", "configMapMounts and secretMounts must not share a mountPath; pick another path");
        }
    }

    private static void mountPaths(String field, List<String> paths, Violations out) {
        if (new HashSet<>(paths).size() < paths.size()) out.add("runners." + field, field + " must have distinct mountPaths");
        if (paths.stream().anyMatch(RunnerSpec.RESERVED_MOUNTS::contains)) {
            out.add("runners." + field, field + " must not use /etc/redline, /tmp or /var/lib/redline/artifacts: the runner's "
                    + "spec, scratch and exports are mounted there; pick another path");
        }
    }
}
