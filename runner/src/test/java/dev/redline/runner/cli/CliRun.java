package dev.redline.runner.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One command line run in a test: its exit code and everything it printed to stdout and stderr. */
record CliRun(int code, String out, String err) {
    static CliRun of(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code redline ARGS} and asserts bad input: exit 2, one line on stderr holding {@code expected}, no stack trace. */
    static void assertBadInput(String expected, String... args) {
        CliRun r = of(RedlineCli.commandLine(), args);
        String err = r.err().trim();
        assertEquals(2, r.code(), "exit code for " + String.join(" ", args) + ": " + err);
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
    }

    /** Runs {@code redline ARGS} against {@code mock}: bad input (as {@link #assertBadInput}) refused before any request was sent. */
    static void assertRefusedBeforeSending(dev.redline.runner.mock.MockServer mock, String expected, java.util.List<String> args) {
        CliRun r = of(RedlineCli.commandLine(), args.toArray(String[]::new));
        String err = r.err().trim();
        assertEquals(2, r.code(), "exit code for " + args + ": " + err);
        assertFalse(err.contains("\n") || err.contains("\tat "), "one line, no stack trace: " + err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertEquals(0, mock.metrics().requestsReceived(), "no request was sent");
    }
}
