package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.redline.runner.config.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster-free {@code redline kube} commands: generate, profile/sweep --dry-run, init, validate, show, and their bad input. */
class KubeCommandsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(RedlineCli.commandLine(), args);
    }

    @Test
    void generateWritesABenchmarkWithTheDeploymentFlagsAndValidateAcceptsIt() throws Exception {
        Path file = dir.resolve("bench.yaml");
        CliRun r = run("kube", "generate", "--url", "http://vllm.llm:8000", "-m", "Qwen/Qwen3-0.6B", "--endpoint-type", "chat", "--streaming",
                "--concurrency", "8", "--request-count", "100", "--image", "reg.example/redline:1", "--total-workers", "25",
                "--node-selector", "nvidia.com/gpu.present=true", "--tolerations", "{\"key\":\"nvidia.com/gpu\",\"operator\":\"Exists\"}",
                "-n", "bench", "-o", file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode cr = YAML.readTree(file.toFile());
        assertEquals("redline.dev/v1alpha1", cr.path("apiVersion").asText());
        assertEquals("Benchmark", cr.path("kind").asText());
        assertEquals("qwen3-0-6b-chat-concurrency", cr.at("/metadata/name").asText());
        assertEquals("bench", cr.at("/metadata/namespace").asText());
        assertEquals("Qwen/Qwen3-0.6B", cr.at("/spec/models/0").asText());
        assertEquals(8, cr.at("/spec/phases/0/concurrency").asInt());
        assertEquals(3, cr.at("/spec/runners/replicas").asInt(), "25 AIPerf workers at 10 per pod = 3 runner pods");
        assertEquals("reg.example/redline:1", cr.at("/spec/runners/image").asText());
        assertEquals("true", cr.at("/spec/runners/nodeSelector/nvidia.com~1gpu.present").asText());
        assertEquals("Exists", cr.at("/spec/runners/tolerations/0/operator").asText());
        assertTrue(cr.path("status").isMissingNode(), "a manifest carries no status");
        assertTrue(cr.at("/spec/artifacts/dir").isMissingNode(), "the local artifact dir stays local");

        CliRun v = run("kube", "validate", file.toString());
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("valid Benchmark qwen3-0-6b-chat-concurrency"), v.out());
    }

    @Test
    void aiperfsPodFlagsFillTheRunnerPodFieldsAndTheOperatorsRulesApply() throws Exception {
        CliRun r = run("kube", "generate", "--url", "http://s:1", "-m", "m", "--ttl-seconds", "120", "--annotations", "a=1,b=2",
                "--labels", "{\"team\": \"perf\"}", "--image-pull-secrets", "regcred", "--env-vars", "FOO=bar",
                "--env-from-secrets", "OPENAI_API_KEY=llm-keys/openai", "--secret-mounts", "[{\"name\": \"certs\", \"mount_path\": \"/etc/certs\"}]",
                "--service-account", "bench-sa", "--queue-name", "q1", "--priority-class", "high");
        assertEquals(0, r.code(), r.err());
        JsonNode runners = YAML.readTree(r.out()).at("/spec/runners");
        assertEquals(120, runners.path("ttlSecondsAfterFinished").asInt());
        assertEquals("2", runners.at("/podAnnotations/b").asText());
        assertEquals("perf", runners.at("/podLabels/team").asText());
        assertEquals("regcred", runners.at("/imagePullSecrets/0").asText());
        assertEquals("bar", runners.at("/env/0/value").asText());
        assertEquals("llm-keys", runners.at("/env/1/valueFrom/secretKeyRef/name").asText());
        assertEquals("openai", runners.at("/env/1/valueFrom/secretKeyRef/key").asText());
        assertEquals("/etc/certs", runners.at("/secretMounts/0/mountPath").asText());
        assertEquals("bench-sa", runners.path("serviceAccountName").asText());
        assertEquals("q1", runners.path("queueName").asText());
        assertEquals("high", runners.path("priorityClassName").asText());
        String[] base = {"kube", "generate", "--url", "http://s:1", "-m", "m"};
        CliRun.assertBadInput("--labels: podLabels must not set app.kubernetes.io/name", concat(base, "--labels", "app.kubernetes.io/name=x"));
        CliRun.assertBadInput("--env-vars/--env-from-secrets: env must not set REDLINE_*", concat(base, "--env-vars", "REDLINE_RUN=3"));
        CliRun.assertBadInput("--env-from-secrets K=nokey: give NAME=SECRET/KEY", concat(base, "--env-from-secrets", "K=nokey"));
        CliRun.assertBadInput("--secret-mounts", concat(base, "--secret-mounts", "{\"name\": \"x\"}"));
        CliRun.assertBadInput("--ttl-seconds: seconds >= 0", concat(base, "--ttl-seconds", "-1"));
    }

    @Test
    void listValuesAndRunsMakeASweepAndKubeSweepAddsAiperfsTrialFlags() throws Exception {
        CliRun r = run("kube", "generate", "--url", "http://s:8000", "-m", "m", "--concurrency", "1,8,32", "--request-count", "50",
                "--num-profile-runs", "3", "--name", "conc");
        assertEquals(0, r.code(), r.err());
        JsonNode cr = YAML.readTree(r.out());
        assertEquals("Sweep", cr.path("kind").asText());
        assertEquals("conc", cr.at("/metadata/name").asText());
        assertEquals(List.of(1, 8, 32), ints(cr.at("/spec/sweep/parameters/phases.profiling.concurrency")));
        assertEquals(3, cr.at("/spec/multiRun/numRuns").asInt());
        assertEquals(50, cr.at("/spec/template/phases/0/requests").asInt());

        CliRun s = run("kube", "sweep", "--dry-run", "--url", "http://s:8000", "-m", "m", "--request-count", "50", "--trials", "4", "--cooldown", "5");
        assertEquals(0, s.code(), s.err());
        JsonNode sweep = JSON.readTree(s.out());
        assertEquals("Sweep", sweep.path("kind").asText());
        assertEquals(4, sweep.at("/spec/multiRun/numRuns").asInt());
        assertEquals(5.0, sweep.at("/spec/multiRun/cooldownSeconds").asDouble());
    }

    @Test
    void aSearchRecipeBecomesASearchPlannedHereFirst() throws Exception {
        CliRun r = run("kube", "profile", "--dry-run", "--url", "http://s:8000", "-m", "m", "--streaming",
                "--search-recipe", "max-concurrency-under-sla", "--ttft-sla-ms", "200");
        assertEquals(0, r.code(), r.err());
        JsonNode cr = JSON.readTree(r.out());
        assertEquals("Search", cr.path("kind").asText());
        assertEquals("max-concurrency-under-sla", cr.at("/spec/recipe/name").asText());
        assertEquals(200.0, cr.at("/spec/recipe/ttftSlaMs").asDouble());
        assertTrue(cr.at("/spec/template/endpoint/streaming").asBoolean());
        CliRun.assertBadInput("add --streaming", "kube", "profile", "--dry-run", "--url", "http://s:8000", "-m", "m",
                "--search-recipe", "max-concurrency-under-sla", "--ttft-sla-ms", "200");
    }

    @Test
    void everyTemplateBecomesAValidResource() throws Exception {
        List<String> failures = new ArrayList<>();
        for (TemplateCatalog.Template t : TemplateCatalog.builtin().all()) {
            Path file = dir.resolve(t.name() + ".yaml");
            CliRun init = run("kube", "init", "-t", t.name(), "--job-name", "t-" + t.name().replace('_', '-'), "-o", file.toString());
            if (init.code() != 0) {
                failures.add(t.name() + ": init exit " + init.code() + " " + init.err().trim());
                continue;
            }
            JsonNode cr = YAML.readTree(file.toFile());
            assertEquals("t-" + t.name().replace('_', '-'), cr.at("/metadata/name").asText());
            CliRun v = run("kube", "validate", file.toString());
            if (v.code() != 0) failures.add(t.name() + ": validate exit " + v.code() + " " + v.out().trim());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void validateNamesEachProblemAndExitsOne() throws Exception {
        Path unknown = write("unknown.yaml", "apiVersion: redline.dev/v1alpha1\nkind: Benchmark\nmetadata: {name: b1}\nspec:\n  models: [m]\n"
                + "  endpoint: {url: 'http://s:1'}\n  phasez: []\n");
        Path rule = write("rule.yaml", "apiVersion: redline.dev/v1alpha1\nkind: Sweep\nmetadata: {name: s1}\nspec:\n  template:\n    models: [m]\n"
                + "    endpoint: {url: 'http://s:1'}\n    phases: [{kind: profiling, concurrency: 4, requests: -5}]\n  multiRun: {numRuns: 3}\n");
        Path aiperf = write("aiperf.yaml", "apiVersion: aiperf.nvidia.com/v1alpha1\nkind: AIPerfJob\nmetadata: {name: j}\nspec: {}\n");
        Path noName = write("noname.yaml", "apiVersion: redline.dev/v1alpha1\nkind: Benchmark\nmetadata: {}\nspec:\n  models: [m]\n  endpoint: {url: 'http://s:1'}\n");
        CliRun r = run("kube", "validate", unknown.toString(), rule.toString(), aiperf.toString(), noName.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("unknown.yaml:7:3: phasez: unknown key (did you mean 'phases'?)"), r.out());
        assertTrue(r.out().contains("rule.yaml: spec.template.phases[0].requests: must be at least 1"), r.out());
        assertTrue(r.out().contains("aiperf.yaml: apiVersion must be redline.dev/v1alpha1"), r.out());
        assertTrue(r.out().contains("noname.yaml: metadata.name is missing"), r.out());
        CliRun json = run("kube", "validate", "-o", "json", rule.toString());
        assertEquals(1, json.code());
        JsonNode report = JSON.readTree(json.out());
        assertFalse(report.get(0).path("valid").asBoolean());
        assertEquals("Sweep", report.get(0).path("kind").asText());
    }

    @Test
    void showResolvesSubstitutionsAndTemplates() throws Exception {
        Path f = write("show.yaml", "apiVersion: redline.dev/v1alpha1\nkind: Benchmark\nmetadata: {name: b1}\nspec:\n  models: [m]\n"
                + "  endpoint: {url: '${REDLINE_TEST_SURELY_UNSET_URL:http://svc.llm:9000}'}\n"
                + "  phases: [{kind: profiling, concurrency: '{{ 4 * 2 }}', requests: 10}]\n");
        CliRun r = run("kube", "show", "-f", f.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode cr = YAML.readTree(r.out());
        assertEquals("http://svc.llm:9000", cr.at("/spec/endpoint/url").asText());
        assertEquals(8, cr.at("/spec/phases/0/concurrency").asInt());
    }

    @Test
    void aManifestIsSubmittedAsItIsWithOnlyDeploymentFlags() throws Exception {
        Path f = write("m.yaml", "apiVersion: redline.dev/v1alpha1\nkind: Benchmark\nmetadata: {name: b1}\nspec:\n  models: [m]\n"
                + "  endpoint: {url: 'http://s:1'}\n  runners: {replicas: 2}\n");
        CliRun r = run("kube", "profile", "-f", f.toString(), "--dry-run", "--image", "reg/r:2", "--name", "b2", "-n", "ns1");
        assertEquals(0, r.code(), r.err());
        JsonNode cr = JSON.readTree(r.out());
        assertEquals("b2", cr.at("/metadata/name").asText());
        assertEquals("ns1", cr.at("/metadata/namespace").asText());
        assertEquals(2, cr.at("/spec/runners/replicas").asInt(), "the file's runners are kept");
        assertEquals("reg/r:2", cr.at("/spec/runners/image").asText());
        CliRun.assertBadInput("--concurrency: -f " + f + " is a resource manifest", "kube", "profile", "-f", f.toString(), "--dry-run", "--concurrency", "4");
    }

    @Test
    void aLocalInputFileTravelsInAConfigMapMountedWhereTheSpecNowPoints() throws Exception {
        String trace = "{\"text\": \"hello\"}\n{\"text\": \"w\u00f6rld\"}\n";
        Path data = write("prompts.jsonl", trace);
        Path out = dir.resolve("gen.yaml");
        CliRun r = run("kube", "generate", "--url", "http://s:1", "-m", "m", "--input-file", data.toString(), "--custom-dataset-type", "single_turn",
                "--name", "files1", "-n", "bench", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote Benchmark files1 and ConfigMap files1-files (its local files)"), r.out());
        List<JsonNode> docs = YAML.readValues(YAML.createParser(out.toFile()), JsonNode.class).readAll();
        assertEquals(2, docs.size(), Files.readString(out));
        JsonNode cr = docs.get(0);
        assertEquals("/var/lib/redline/files/input-file/prompts.jsonl", cr.at("/spec/dataset/inputFile").asText());
        JsonNode mount = cr.at("/spec/runners/configMapMounts/0");
        assertEquals("files1-files", mount.path("configMapName").asText());
        assertEquals("/var/lib/redline/files", mount.path("mountPath").asText());
        assertEquals("input-file/prompts.jsonl", mount.at("/items/0/path").asText());
        JsonNode cm = docs.get(1);
        assertEquals("ConfigMap", cm.path("kind").asText());
        assertEquals("files1-files", cm.at("/metadata/name").asText());
        assertEquals("bench", cm.at("/metadata/namespace").asText());
        assertEquals(trace, cm.path("data").path(mount.at("/items/0/key").asText()).asText(), "the file's content, byte for byte");

        CliRun v = run("kube", "validate", out.toString());
        assertEquals(0, v.code(), v.out() + v.err());

        // kube profile -f submits the generated file's ConfigMap with its resource, renamed with it
        CliRun again = run("kube", "profile", "-f", out.toString(), "--dry-run", "--name", "files9");
        assertEquals(0, again.code(), again.err());
        JsonNode list = JSON.readTree(again.out());
        assertEquals("files9-files", list.at("/items/0/spec/runners/configMapMounts/0/configMapName").asText());
        assertEquals("files9-files", list.at("/items/1/metadata/name").asText());
        assertEquals("files9", list.at("/items/1/metadata/labels/redline.dev~1files-of").asText());
        assertEquals(trace, list.at("/items/1/data").path(mount.at("/items/0/key").asText()).asText());
        Path listFile = write("list.json", again.out());
        CliRun fromList = run("kube", "profile", "-f", listFile.toString(), "--dry-run");
        assertEquals(0, fromList.code(), fromList.err());
        assertEquals(list, JSON.readTree(fromList.out()), "the --dry-run List goes back in as it came out");
    }

    @Test
    void aDirectoryKeepsItsLayoutBinaryFilesGoToBinaryDataAndDryRunPrintsAList() throws Exception {
        Path traces = Files.createDirectories(dir.resolve("traces/sub"));
        Files.writeString(dir.resolve("traces/a.jsonl"), "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 2}\n");
        byte[] binary = {(byte) 0xff, 0, (byte) 0xfe, 1};
        Files.write(traces.resolve("b.bin"), binary);
        CliRun r = run("kube", "profile", "--dry-run", "--url", "http://s:1", "-m", "m", "--input-file", dir.resolve("traces").toString(),
                "--custom-dataset-type", "mooncake_trace", "--name", "files2");
        assertEquals(0, r.code(), r.err());
        JsonNode list = JSON.readTree(r.out());
        assertEquals("List", list.path("kind").asText());
        JsonNode cr = list.at("/items/0");
        JsonNode cm = list.at("/items/1");
        assertEquals("/var/lib/redline/files/input-file", cr.at("/spec/dataset/inputFile").asText());
        List<String> paths = new ArrayList<>();
        cr.at("/spec/runners/configMapMounts/0/items").forEach(i -> paths.add(i.path("path").asText()));
        assertEquals(List.of("input-file/a.jsonl", "input-file/sub/b.bin"), paths);
        String binKey = cr.at("/spec/runners/configMapMounts/0/items/1/key").asText();
        assertEquals(java.util.Base64.getEncoder().encodeToString(binary), cm.at("/binaryData/" + binKey).asText());
        assertTrue(cm.at("/data/" + binKey).isMissingNode(), "not UTF-8: binaryData only");
        assertTrue(cm.at("/data/" + cr.at("/spec/runners/configMapMounts/0/items/0/key").asText()).asText().startsWith("{\"timestamp\""));

        // a Sweep's template carries the rewritten path and the mount, so every child Benchmark's pods get the files
        CliRun sweep = run("kube", "sweep", "--dry-run", "--url", "http://s:1", "-m", "m", "--concurrency", "1,2", "--system-prompt-file",
                write("system.txt", "be brief").toString(), "--name", "files3");
        assertEquals(0, sweep.code(), sweep.err());
        JsonNode s = JSON.readTree(sweep.out());
        assertEquals("Sweep", s.at("/items/0/kind").asText());
        assertEquals("/var/lib/redline/files/system-prompt/system.txt", s.at("/items/0/spec/template/dataset/systemPromptFile").asText());
        assertEquals("files3-files", s.at("/items/0/spec/template/runners/configMapMounts/0/configMapName").asText());
        assertEquals("be brief", s.at("/items/1/data/system-prompt.system.txt").asText());
    }

    @Test
    void tooMuchIsOneLineNamingTheFileAndNoUploadOrAMountedPathLeavesThePathAlone() throws Exception {
        Path big = dir.resolve("big.jsonl");
        Files.writeString(big, "{\"text\": \"" + "x".repeat(1_100_000) + "\"}\n");
        String[] base = {"--url", "http://s:1", "-m", "m", "--input-file", big.toString(), "--custom-dataset-type", "single_turn"};
        CliRun.assertBadInput("--input-file " + big + " (1100013 bytes): ", concat(new String[]{"kube", "generate"}, base));
        CliRun.assertBadInput("over the 1000000 a ConfigMap carries to the runner pods; put them into the runner image (--image) or a volume"
                + " (--secret-mounts) at the same path and pass --no-upload-files", concat(new String[]{"kube", "profile", "--dry-run"}, base));

        CliRun off = run(concat(new String[]{"kube", "profile", "--dry-run", "--no-upload-files"}, base));
        assertEquals(0, off.code(), off.err());
        JsonNode cr = JSON.readTree(off.out());
        assertEquals(big.toString(), cr.at("/spec/dataset/inputFile").asText());
        assertTrue(cr.at("/spec/runners").isMissingNode(), off.out());

        CliRun mounted = run(concat(new String[]{"kube", "profile", "--dry-run", "--secret-mounts",
                "{\"name\": \"data\", \"mount_path\": \"" + dir + "\"}"}, base));
        assertEquals(0, mounted.code(), mounted.err());
        JsonNode m = JSON.readTree(mounted.out());
        assertEquals("Benchmark", m.path("kind").asText(), "a path the user's mount serves in the pod is not uploaded");
        assertEquals(big.toString(), m.at("/spec/dataset/inputFile").asText());
    }

    @Test
    void badInputIsOneLine() {
        String[] base = {"--url", "http://s:1", "-m", "m"};
        CliRun.assertBadInput("--mock-server: a cluster run needs a server", concat(new String[]{"kube", "generate", "--mock-server"}));
        CliRun.assertBadInput("--no-operator: Redline has no operator-less mode", concat(new String[]{"kube", "profile", "--dry-run", "--no-operator"}, base));
        CliRun.assertBadInput("--name Bad_Name: must be a DNS label", concat(new String[]{"kube", "generate", "--name", "Bad_Name"}, base));
        CliRun.assertBadInput("--image-pull-policy Sometimes: use Always", concat(new String[]{"kube", "generate", "--image-pull-policy", "Sometimes"}, base));
        CliRun.assertBadInput("--tolerations nope: not JSON", concat(new String[]{"kube", "generate", "--tolerations", "nope"}, base));
        CliRun.assertBadInput("--node-selector gpu: give KEY=VALUE", concat(new String[]{"kube", "generate", "--node-selector", "gpu"}, base));
        CliRun.assertBadInput("--total-workers: must be at least 1", concat(new String[]{"kube", "generate", "--total-workers", "0"}, base));
        CliRun.assertBadInput("kube sweep: nothing to sweep", concat(new String[]{"kube", "sweep", "--dry-run"}, base));
        CliRun.assertBadInput("--trials: 1-10 runs", concat(new String[]{"kube", "sweep", "--dry-run", "--trials", "11"}, base));
        CliRun.assertBadInput("--min-runs: needs --convergence-metric", concat(new String[]{"kube", "sweep", "--dry-run", "--trials", "5", "--min-runs", "3"}, base));
        CliRun.assertBadInput("--kubeconfig /surely/missing/kubeconfig: cannot read it",
                concat(new String[]{"kube", "profile", "--kubeconfig", "/surely/missing/kubeconfig"}, base));
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
