package dev.redline.runner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input of issue 2: exit code 2, one line on stderr naming the flag or field, no stack trace. */
class ProfileBadInputTest {
    @TempDir Path dir;

    /** The run, with stderr trimmed (so a one-line error has no line break). */
    private static CliRun run(String... args) {
        CliRun r = CliRun.of(RedlineCli.commandLine(), args);
        return new CliRun(r.code(), r.out(), r.err().trim());
    }

    private void assertBadInput(String expectedFragment, String... args) {
        CliRun o = run(args);
        assertEquals(2, o.code(), "exit code for " + String.join(" ", args) + ": " + o.err());
        assertFalse(o.err().contains("\n"), "one line: " + o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), "no stack trace: " + o.err());
        assertTrue(o.err().contains(expectedFragment), "expected '" + expectedFragment + "' in: " + o.err());
    }

    @Test
    void zeroOrNegativeConcurrencyAndRequestCount() {
        assertBadInput("--concurrency", "profile", "-m", "m", "--concurrency", "0");
        assertBadInput("--concurrency", "profile", "-m", "m", "--concurrency", "-4");
        assertBadInput("--request-count", "profile", "-m", "m", "--request-count", "0");
    }

    @Test
    void unknownEndpointType() {
        assertBadInput("--endpoint-type: unknown endpoint type 'chatty'; use one of chat, completions, responses, messages, "
                + "embeddings,", "profile", "-m", "m", "--endpoint-type", "chatty");
        assertBadInput("dynamic_grpc", "profile", "-m", "m", "--endpoint-type", "chatty"); // the list names every type
    }

    @Test
    void tensorrtllmEngineIsRefusedWithItsReason() {
        assertBadInput("--endpoint-type: tensorrtllm_engine runs TensorRT-LLM inside the benchmark process",
                "profile", "-m", "m", "--endpoint-type", "tensorrtllm_engine");
    }

    @Test
    void urlThatDoesNotParse() {
        assertBadInput("-u/--url", "profile", "-m", "m", "-u", "http://bad host:80");
        assertBadInput("use http://, https://", "profile", "-m", "m", "--url", "ftp://x");
    }

    @Test
    void islStddevWithoutMean() {
        assertBadInput("--isl-stddev", "profile", "-m", "m", "--isl-stddev", "5");
    }

    @Test
    void unreadableConfigFile() {
        assertBadInput("file not found", "profile", "-f", dir.resolve("missing.yaml").toString());
    }

    @Test
    void unknownYamlKeySuggestsTheNearest() throws Exception {
        Path f = Files.writeString(dir.resolve("b.yaml"), "models: [m]\nendpoint: {streamin: true}\n");
        assertBadInput("endpoint.streamin: unknown key (did you mean 'streaming'?)", "profile", "-f", f.toString());
    }

    @Test
    void tokenizerThatCannotBeFoundSaysWhereItLooked() {
        Path missing = dir.resolve("nowhere/tokenizer.json");
        CliRun o = run("profile", "-m", "m", "--tokenizer", missing.toString(), "--artifact-dir", dir.resolve("a").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(missing.toString()), o.err());
        assertFalse(o.err().contains("\n"), o.err());
    }

    @Test
    void serverThatRefusesConnectionsIsReportedBeforeTheRun() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        CliRun o = run("profile", "-m", "mock-model", "-u", "http://127.0.0.1:" + port, "--request-count", "3",
                "--artifact-dir", dir.resolve("a").toString(), "--ui-type", "none");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().lines().anyMatch(l -> l.contains("127.0.0.1:" + port) && l.startsWith("redline: ")), o.err());
    }

    @Test
    void unknownFlagSuggestsTheNearest() {
        assertBadInput("--concurrency", "profile", "-m", "m", "--concurency", "3");
    }

    @Test
    void badGoodputAndExtraInputs() {
        assertBadInput("--goodput", "profile", "-m", "m", "--goodput", "time_to_first_token=5");
        assertBadInput("--goodput", "profile", "-m", "m", "--goodput", "time_to_frist_token:5");
        assertBadInput("--extra-inputs", "profile", "-m", "m", "--extra-inputs", "{not json");
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun o = run("--help");
        assertEquals(0, o.code());
        for (String sub : new String[] {"profile", "mock-server", "synthesize", "analyze-trace"}) {
            assertTrue(o.out().contains(sub), "help lists " + sub + ": " + o.out());
        }
    }
}
