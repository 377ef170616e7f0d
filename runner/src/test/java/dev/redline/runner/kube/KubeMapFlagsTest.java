package dev.redline.runner.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.redline.runner.cli.RedlineCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AIPerf's keyed map flags ({@code --labels.KEY VALUE}, {@code --labels.KEY=VALUE}) on the real CLI, read back from the resource. */
class KubeMapFlagsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] BASE = {"--url", "http://s:1", "-m", "m"};

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        CommandLine cl = RedlineCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] cmd(String first, String second, String... rest) {
        String[] out = new String[2 + BASE.length + rest.length];
        out[0] = first;
        out[1] = second;
        System.arraycopy(BASE, 0, out, 2, BASE.length);
        System.arraycopy(rest, 0, out, 2 + BASE.length, rest.length);
        return out;
    }

    @Test
    void everyKeyedFormLandsInTheManifestMergedWithTheOtherForms() throws Exception {
        Run r = run(cmd("kube", "generate",
                "--labels.team", "perf", "--labels", "tier=gold", "--labels.example.com/owner=bench-team",
                "--annotations.note", "a, b", "--annotations", "x=1,y=2",
                "--env-vars.FOO", "bar", "--env-vars", "BAZ=qux",
                "--env-from-secrets.OPENAI_API_KEY", "llm-keys/openai",
                "--node-selector.pool", "gpu", "--node-selector", "zone=a"));
        assertEquals(0, r.code(), r.err());
        JsonNode runners = YAML.readTree(r.out()).at("/spec/runners");
        assertEquals("perf", runners.at("/podLabels/team").asText());
        assertEquals("gold", runners.at("/podLabels/tier").asText());
        assertEquals("bench-team", runners.at("/podLabels/example.com~1owner").asText(), "the key keeps its dots: " + runners);
        assertEquals("a, b", runners.at("/podAnnotations/note").asText(), "a keyed value keeps its comma");
        assertEquals("2", runners.at("/podAnnotations/y").asText());
        assertEquals("gpu", runners.at("/nodeSelector/pool").asText());
        assertEquals("a", runners.at("/nodeSelector/zone").asText());
        assertEquals("BAZ=qux FOO=bar OPENAI_API_KEY=llm-keys/openai", env(runners.path("env")), runners.toString());
    }

    @Test
    void profileDryRunAndSweepTakeTheKeyedFormsAndAKeyedEntryWinsOverTheJsonObject() throws Exception {
        Run p = run(cmd("kube", "profile", "--dry-run", "--labels", "{\"team\": \"old\", \"tier\": \"gold\"}", "--labels.team=perf",
                "--annotations.empty="));
        assertEquals(0, p.code(), p.err());
        JsonNode runners = JSON.readTree(p.out()).at("/spec/runners");
        assertEquals("perf", runners.at("/podLabels/team").asText());
        assertEquals("gold", runners.at("/podLabels/tier").asText());
        assertTrue(runners.at("/podAnnotations/empty").isTextual() && runners.at("/podAnnotations/empty").asText().isEmpty(), runners.toString());

        // the magic list still makes a Sweep after the keyed flags are taken out
        Run s = run(cmd("kube", "sweep", "--dry-run", "--concurrency", "1,4", "--labels.team", "perf"));
        assertEquals(0, s.code(), s.err());
        JsonNode sweep = JSON.readTree(s.out());
        assertEquals("Sweep", sweep.path("kind").asText());
        assertEquals("perf", sweep.at("/spec/template/runners/podLabels/team").asText(), sweep.toString());
    }

    @Test
    void aKeylessOrValuelessKeyedFlagAndAValueTheRulesRefuseAreOneLine() {
        assertBadInput("--labels.: no key after the dot; give --labels.KEY value or --labels KEY=value", cmd("kube", "generate", "--labels.", "x"));
        assertBadInput("--annotations.=v: no key after the dot", cmd("kube", "generate", "--annotations.=v"));
        assertBadInput("--labels.team: no value; give --labels.team VALUE", cmd("kube", "generate", "--labels.team"));
        assertBadInput("--env-vars.FOO: no value", cmd("kube", "profile", "--dry-run", "--env-vars.FOO", "--image", "x"));
        assertBadInput("--labels: podLabels must not set app.kubernetes.io/name", cmd("kube", "generate", "--labels.app.kubernetes.io/name", "x"));
        assertBadInput("--env-from-secrets K=nokey: give NAME=SECRET/KEY", cmd("kube", "generate", "--env-from-secrets.K", "nokey"));
        assertBadInput("--env-vars/--env-from-secrets: env must not set REDLINE_*", cmd("kube", "generate", "--env-vars.REDLINE_RUN=3"));
        // a keyed form of a flag the command lacks stays unknown, with picocli's near names
        assertBadInput("Unknown options: '--labls.team', 'x' (did you mean --labels?)", cmd("kube", "generate", "--labls.team", "x"));
    }

    private static void assertBadInput(String expected, String... args) {
        Run r = run(args);
        String err = r.err().trim();
        assertEquals(2, r.code(), String.join(" ", args) + ": " + err);
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
    }

    private static String env(JsonNode env) {
        java.util.List<String> out = new java.util.ArrayList<>();
        env.forEach(e -> out.add(e.path("name").asText() + "=" + (e.has("value") ? e.path("value").asText()
                : e.at("/valueFrom/secretKeyRef/name").asText() + "/" + e.at("/valueFrom/secretKeyRef/key").asText())));
        java.util.Collections.sort(out);
        return String.join(" ", out);
    }
}
