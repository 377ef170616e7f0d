package dev.redline.runner.cluster;

import dev.redline.runner.cli.RedlineCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code redline run --in-cluster} with bad input: exit code 2 and one line naming the flag or variable. */
class RunCommandBadInputTest {
    @TempDir Path dir;

    private void assertBadInput(Map<String, String> env, String expected, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = RedlineCli.commandLine();
        cl.setErr(new PrintWriter(err, true));
        ((RunCommand) cl.getSubcommands().get("run").getCommand()).env = new PodEnvironment(env);
        int code = cl.execute(args);
        String line = err.toString().trim();
        assertEquals(2, code, line);
        assertFalse(line.contains("\n") || line.contains("\tat "), "one line, no stack trace: " + line);
        assertTrue(line.contains(expected), "expected '" + expected + "' in: " + line);
    }

    @Test
    void missingSpecFile() {
        assertBadInput(Map.of("JOB_COMPLETION_INDEX", "0", "REDLINE_NAMESPACE", "perf"), "--spec: " + dir.resolve("none.yaml") + " not found",
                "run", "--in-cluster", "--spec", dir.resolve("none.yaml").toString(), "--results-configmap", "r");
    }

    @Test
    void missingIndexVariable() throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "models: [m]\nendpoint: {url: 'http://127.0.0.1:1'}\n");
        assertBadInput(Map.of("REDLINE_NAMESPACE", "perf"), "JOB_COMPLETION_INDEX: environment variable not set",
                "run", "--in-cluster", "--spec", spec.toString(), "--results-configmap", "r");
    }

    @Test
    void invalidSpecAndMissingInClusterFlag() throws Exception {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "models: [m]\nphases: [{concurrency: 0}]\nrunners: {replicas: 2}\n");
        assertBadInput(Map.of("JOB_COMPLETION_INDEX", "0"), "phases[0].concurrency", "run", "--in-cluster", "--spec", spec.toString());
        Files.writeString(spec, "models: [m]\nunknownThing: 1\n");
        assertBadInput(Map.of("JOB_COMPLETION_INDEX", "0"), "unknownThing", "run", "--in-cluster", "--spec", spec.toString());
        assertBadInput(Map.of(), "only --in-cluster is supported", "run", "--spec", spec.toString());
    }
}
