package dev.redline.runner.cli;

import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.mock.fault.FaultSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code redline chat} against the mock server over loopback: replies, AIPerf's stats lines, history, failures. */
class ChatCommandTest {
    private static final String TOKENIZER = System.getProperty("redline.test.tokenizer");
    private static final Pattern TTFT = Pattern.compile("TTFT: ([0-9.]+) ms");

    private static CliRun chat(String stdin, String... args) {
        ChatCommand command = new ChatCommand();
        if (stdin != null) command.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return CliRun.of(new CommandLine(command), args);
    }

    @Test
    void aQuickMessageGetsItsReplyAndTheStatsOfProfile() {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(40).itlMs(2))) {
            CliRun r = chat(null, "-m", "mock-model", "-u", mock.baseUrl(), "--tokenizer", TOKENIZER, "-q", "Hello there");
            assertEquals(0, r.code(), r.out() + r.err());
            Matcher ttft = TTFT.matcher(r.out());
            assertTrue(ttft.find(), r.out());
            assertTrue(Double.parseDouble(ttft.group(1)) >= 40, "the mock holds the first token 40 ms: " + r.out());
            assertTrue(r.out().contains("TPS:  ") && r.out().contains(" tokens in "), r.out());
            assertTrue(r.out().contains("ITL:  ") && r.out().contains("ms/token (decode "), r.out());
            assertTrue(r.out().indexOf("TTFT:") > 0, "the reply text comes before its stats: " + r.out());
        }
    }

    @Test
    void theReplLoopAnswersEachLineUntilEndOfInput() {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(1))) {
            CliRun r = chat("first question\nsecond question\n", "-m", "mock-model", "-u", mock.baseUrl(), "--tokenizer", TOKENIZER);
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().startsWith("Please enter a message for the chat model (Ctrl-D to exit):"), r.out());
            assertEquals(2, TTFT.matcher(r.out()).results().count(), "two turns answered: " + r.out());
            assertEquals(2, mock.metrics().requestsCompleted());
        }
    }

    /** The server's prompt count (the ISL) grows by the first turn and its reply when the history is resent. */
    @Test
    void theConversationIsResentEachTurnUnlessStateless() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(1))) {
            dev.redline.api.v1alpha1.BenchmarkSpec spec = dev.redline.api.config.SpecReader.read("""
                    models: [mock-model]
                    endpoint: {url: "%s", type: chat, streaming: true}
                    phases: [{concurrency: 1, requests: 1}]
                    """.formatted(mock.baseUrl()), "chat.yaml");
            var tokenizer = dev.redline.runner.tokenizer.TokenizerLoader.load(TOKENIZER, null);
            double first;
            double second;
            try (var chat = new dev.redline.runner.chat.ChatSession(spec, tokenizer, "Be brief.", true)) {
                first = chat.send("What is a prime number?").metrics().get("input_sequence_length").value();
                second = chat.send("What is a prime number?").metrics().get("input_sequence_length").value();
            }
            assertTrue(second > first, "the second turn carries the first and its reply: " + first + " then " + second);
            try (var chat = new dev.redline.runner.chat.ChatSession(spec, tokenizer, "Be brief.", false)) {
                assertEquals(first, chat.send("What is a prime number?").metrics().get("input_sequence_length").value());
                assertEquals(first, chat.send("What is a prime number?").metrics().get("input_sequence_length").value(),
                        "stateless: each message alone");
            }
        }
    }

    @Test
    void aFailedTurnIsOneLineAndTheChatGoesOn() {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(1)
                .faults(List.of(FaultSpec.parse("5xx"))))) {
            CliRun quick = chat(null, "-m", "mock-model", "-u", mock.baseUrl(), "--tokenizer", "builtin", "-q", "hi");
            assertEquals(1, quick.code(), quick.out());
            assertTrue(quick.err().startsWith("request failed: HTTP 500"), quick.err());
            CliRun repl = chat("one\ntwo\n", "-m", "mock-model", "-u", mock.baseUrl(), "--tokenizer", "builtin");
            assertEquals(0, repl.code());
            assertEquals(2, repl.err().lines().filter(l -> l.startsWith("request failed: ")).count(), repl.err());
        }
    }

    @Test
    void noServerIsOneLineWithExitTwo() {
        CommandLine cl = RedlineCli.commandLine();
        CliRun r = CliRun.of(cl, "chat", "-m", "m", "-u", "http://127.0.0.1:1", "--tokenizer", "builtin", "-q", "hi");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("redline: cannot connect to http://127.0.0.1:1"), r.err());
        assertEquals(1, r.err().trim().lines().count(), r.err());
    }
}
