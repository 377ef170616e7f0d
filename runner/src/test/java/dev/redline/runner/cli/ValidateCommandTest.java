package dev.redline.runner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code redline validate mooncake-trace}: AIPerf's row model, messages and exit codes, on real files. */
class ValidateCommandTest {
    @TempDir Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(new CommandLine(new ValidateCommand()), args);
    }

    private Path file(String text) throws Exception {
        return Files.writeString(tmp.resolve("trace-" + System.nanoTime() + ".jsonl"), text);
    }

    @Test
    void aTraceOfEveryInputModePasses() throws Exception {
        Path f = file("""
                {"timestamp": 0, "input_length": 100, "output_length": 10, "hash_ids": [1, 2]}
                {"timestamp": 5.5, "text_input": "hello", "session_id": "a"}

                {"delay": 3, "messages": [{"role": "user", "content": "hi"}], "tools": [{"type": "function"}]}
                {"payload": {"prompt": "Hello", "max_tokens": 50}, "timestamp": 1000}
                """);
        CliRun r = run("mooncake-trace", f.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("Validation passed: 4 rows are Mooncake-compatible.", r.out().trim());
        CliRun options = run("--target", "mooncake-trace", "--input", f.toString());
        assertEquals(0, options.code(), options.out() + options.err());
        assertEquals(0, run("--target", "mooncake-trace", f.toString()).code(), "AIPerf's option target with a positional file");
    }

    @Test
    void eachRefusedRowIsOneLineNamingItsLineAndField() throws Exception {
        Path f = file("""
                {"input_length": 10}
                {"input_length": 10, "text_input": "both"}
                {"text_input": "x", "hash_ids": [1]}
                {"payload": {}}
                {"messages": [{"content": "no role"}]}
                not json
                {"output_length": 4}
                {"messages": [{"role": "user", "content": "a"}], "tools": []}
                """);
        CliRun r = run("mooncake-trace", f.toString());
        assertEquals(1, r.code(), r.out());
        String[] lines = r.out().trim().split("\\R");
        assertEquals("Validation failed with 7 error(s):", lines[0]);
        assertEquals(8, lines.length, r.out());
        assertTrue(lines[1].startsWith("  Line 2: field 'text_input' cannot be combined with 'input_length'"), lines[1]);
        assertTrue(lines[2].startsWith("  Line 3: field 'hash_ids' is only allowed with 'input_length'"), lines[2]);
        assertTrue(lines[3].startsWith("  Line 4: field 'payload' must be a non-empty JSON object"), lines[3]);
        assertTrue(lines[4].startsWith("  Line 5: field 'messages' must be messages with a 'role' each"), lines[4]);
        assertTrue(lines[5].startsWith("  Line 6: malformed JSON"), lines[5]);
        assertTrue(lines[6].startsWith("  Line 7: field 'input_length' is required (or text_input, messages or payload)"), lines[6]);
        assertTrue(lines[7].startsWith("  Line 8: field 'tools' must be a non-empty list"), lines[7]);
    }

    @Test
    void atMostTenErrorsAreListed() throws Exception {
        Path f = file(IntStream.range(0, 25).mapToObj(i -> "{\"input_length\": -" + (i + 1) + "}").collect(Collectors.joining("\n")));
        CliRun r = run("mooncake-trace", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("Validation failed with 10 error(s):"), r.out());
        assertTrue(r.out().contains("Line 10: field 'input_length' must be a positive integer, got -10"), r.out());
        assertTrue(!r.out().contains("Line 11:"), r.out());
    }

    @Test
    void badInvocationsAreOneLineWithExitTwoAndAMissingFileFails() throws Exception {
        CliRun unknown = run("bailian-trace", tmp.toString());
        assertEquals(2, unknown.code());
        assertEquals("redline: validate: unknown target 'bailian-trace'; the target is mooncake-trace", unknown.err().trim());
        CliRun none = run();
        assertEquals(2, none.code());
        assertEquals(1, none.err().trim().lines().count(), none.err());
        CliRun missing = run("mooncake-trace", tmp.resolve("absent.jsonl").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.out().startsWith("Validation failed: ") && missing.out().contains("absent.jsonl is not a file."), missing.out());
        CliRun empty = run("mooncake-trace", file("\n\n").toString());
        assertEquals(1, empty.code());
        assertTrue(empty.out().contains("has no rows"), empty.out());
    }
}
