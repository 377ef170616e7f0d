package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.ConfigMapMount;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.api.v1alpha1.SecretMount;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Java side of the runner pod rules; the CEL side is checked on a real apiserver by AdmissionIT (BadBenchmarks). */
class RunnerPodRulesTest {
    private static List<String> paths(RunnerSpec runners) {
        BenchmarkResourceSpec spec = new BenchmarkResourceSpec();
        spec.setRunners(runners);
        Violations out = new Violations();
        new RunnerPodRules().check(spec, out);
        return out.list().stream().map(Violation::path).toList();
    }

    @Test
    void validPodFieldsPass() {
        RunnerSpec r = new RunnerSpec();
        r.setImagePullSecrets(List.of("regcred", "a.b-c"));
        r.setPodLabels(Map.of("team", "perf", "app.kubernetes.io/part-of", "x"));
        r.setPodAnnotations(Map.of("note", "x"));
        r.setEnv(List.of(new EnvVar("HF_TOKEN", "t", null), new EnvVar("REDLINE", "not the prefix", null)));
        r.setSecretMounts(List.of(new SecretMount("a", "/etc/a", null), new SecretMount("b", "/etc/b", "k")));
        assertEquals(List.of(), paths(r));
    }

    @Test
    void imagePullSecretsMustBeSecretNames() {
        RunnerSpec r = new RunnerSpec();
        r.setImagePullSecrets(List.of("ok", "Not_A_Name"));
        assertEquals(List.of("runners.imagePullSecrets"), paths(r));
        r.setImagePullSecrets(List.of("a".repeat(254)));
        assertEquals(List.of("runners.imagePullSecrets"), paths(r));
    }

    @Test
    void whatTheOperatorSetsIsRefused() {
        RunnerSpec r = new RunnerSpec();
        r.setPodLabels(Map.of("redline.dev/run", "2"));
        r.setPodAnnotations(Map.of("prometheus.io/port", "1"));
        r.setEnv(List.of(new EnvVar("DJL_OFFLINE", "false", null)));
        r.setSecretMounts(List.of(new SecretMount("a", "/etc/redline", null)));
        assertEquals(List.of("runners.podLabels", "runners.podAnnotations", "runners.env", "runners.secretMounts"), paths(r));
    }

    @Test
    void secretMountsNeedNamesPathsAndDistinctPaths() {
        RunnerSpec r = new RunnerSpec();
        r.setSecretMounts(List.of(new SecretMount(null, "/x", null), new SecretMount("b", null, null), new SecretMount("c", "/x", null)));
        assertEquals(List.of("runners.secretMounts[0].secretName", "runners.secretMounts[1].mountPath", "runners.secretMounts"), paths(r));
    }

    @Test
    void configMapMountsFollowTheSecretMountRulesAndStayInsideTheirDirectory() {
        RunnerSpec r = new RunnerSpec();
        r.setConfigMapMounts(List.of(new ConfigMapMount("files", "/var/lib/redline/files",
                List.of(new ConfigMapMount.Item("f0", "input/trace.jsonl"), new ConfigMapMount.Item("f1", "a..b")))));
        assertEquals(List.of(), paths(r));
        r.setConfigMapMounts(List.of(new ConfigMapMount(null, "/tmp", null), new ConfigMapMount("b", "/x",
                List.of(new ConfigMapMount.Item("k", "sub/../../etc")))));
        r.setSecretMounts(List.of(new SecretMount("s", "/x", null)));
        assertEquals(List.of("runners.configMapMounts[0].configMapName", "runners.configMapMounts[1].items[0].path",
                "runners.configMapMounts", "runners.configMapMounts"), paths(r));
    }

    @Test
    void anUnnamedEnvEntryIsRefused() {
        RunnerSpec r = new RunnerSpec();
        r.setEnv(List.of(new EnvVar(null, "1", null)));
        assertEquals(List.of("runners.env"), paths(r));
    }
}
