package dev.redline.runner.mock;

import dev.redline.runner.cli.MockServerCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad flag values exit 2 with one line naming the flag. */
class MockServerCommandTest {

    @ParameterizedTest
    @CsvSource({
            "--ttft-ms,-1", "--itl-ms,-0.5", "--jitter-ms,-2", "--error-rate,1.5", "--error-rate,-0.1",
            "--port,70000", "--port,-1", "--reasoning-tokens,-3", "--default-output-tokens,0"
    })
    void badValueExitsTwoNamingTheFlag(String flag, String value) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new MockServerCommand());
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(flag, value);
        assertEquals(2, code);
        String message = err.toString().strip();
        assertTrue(message.contains(flag), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void flagsMapToOptions() {
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs("--port", "0", "--ttft-ms", "7.5", "--itl-ms", "2", "--jitter-ms", "1",
                "--error-rate", "0.1", "--reasoning-tokens", "4", "--random-seed", "99", "--default-output-tokens", "32",
                "--model", "a", "--model", "b");
        MockServerOptions o = command.options();
        assertEquals(0, o.port());
        assertEquals(7.5, o.ttftMs());
        assertEquals(2, o.itlMs());
        assertEquals(1, o.jitterMs());
        assertEquals(0.1, o.errorRate());
        assertEquals(4, o.reasoningTokens());
        assertEquals(99, o.randomSeed());
        assertEquals(32, o.defaultOutputTokens());
        assertEquals(java.util.List.of("a", "b"), o.models());
        assertEquals(8000, new MockServerCommand().options().port());
    }

    @Test
    void busyPortFailsWithOneLineNamingThePort() {
        try (MockServer busy = MockServer.start(new MockServerOptions().eventLoops(1))) {
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new MockServerCommand());
            cli.setErr(new PrintWriter(err));
            int code = cli.execute("--port", String.valueOf(busy.port()));
            assertEquals(1, code);
            String message = err.toString().strip();
            assertTrue(message.contains("--port"), message);
            assertEquals(1, message.lines().count(), message);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> MockServer.start(new MockServerOptions().port(busy.port())));
            assertTrue(e.getMessage().contains(String.valueOf(busy.port())), e.getMessage());
        }
    }
}
