package dev.redline.runner.cli;

import dev.redline.runner.BadInputException;
import dev.redline.runner.profile.RunOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --slice-duration, --metrics-port, --ui-type dashboard and --show-trace-timing. */
class LiveFlagsTest {
    private static ProfileCommand parse(String... args) {
        ProfileCommand cmd = new ProfileCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    @Test
    void sliceDurationIsTheArtifactsField() {
        ProfileCommand cmd = parse("-m", "m", "--url", "http://127.0.0.1:1", "--slice-duration", "2.5");
        assertEquals(2.5, cmd.buildSpec().getArtifacts().getSliceDuration());
        assertNull(parse("-m", "m", "--url", "http://127.0.0.1:1").buildSpec().getArtifacts());
    }

    @Test
    void badSliceDurationNamesTheFlag() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> parse("-m", "m", "--url", "http://127.0.0.1:1", "--slice-duration", "0").buildSpec());
        assertTrue(e.getMessage().startsWith("--slice-duration (artifacts.sliceDuration)"), e.getMessage());
    }

    private static RunOptions options(String... args) {
        ProfileCommand cmd = parse(args);
        return cmd.runtime.toRunOptions(cmd.buildSpec(), cmd.embeddedMock());
    }

    @Test
    void processFlagsReachTheRunOptions() {
        RunOptions o = options("-m", "m", "--metrics-port", "0", "--show-trace-timing", "--ui-type", "dashboard", "--api-host", "127.0.0.1");
        assertEquals(0, o.metricsPort());
        assertTrue(o.showTraceTiming());
        assertEquals("127.0.0.1", o.metricsHost());
        assertEquals("simple", o.uiType(), "no terminal under test: the dashboard falls back to simple");
        assertEquals(0, o.statsSeconds(), "a progress display: no logged progress lines unless asked");
        RunOptions plain = options("-m", "m", "--ui-type", "none");
        assertNull(plain.metricsPort());
        assertFalse(plain.showTraceTiming());
        assertEquals(30, plain.statsSeconds(), "nothing drawn: AIPerf's 30 s progress log");
        assertEquals("debug", options("-m", "m", "--verbose").logLevel());
        assertEquals("trace", options("-m", "m", "-vv").logLevel());
        assertEquals("trace", options("-m", "m", "--extra-verbose").logLevel());
        assertEquals(5, options("-m", "m", "--api-port", "5", "--stats-interval", "5").statsSeconds());
    }

    @Test
    void badProcessFlagsAreOneLineErrors() {
        BadInputException port = assertThrows(BadInputException.class, () -> options("-m", "m", "--metrics-port", "70000"));
        assertTrue(port.getMessage().startsWith("--metrics-port/--api-port (runtime.apiPort): 70000"), port.getMessage());
        BadInputException ui = assertThrows(BadInputException.class, () -> options("-m", "m", "--ui-type", "fancy"));
        assertTrue(ui.getMessage().contains("use dashboard, simple or none"), ui.getMessage());
    }
}
