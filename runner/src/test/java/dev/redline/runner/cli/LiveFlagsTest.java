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

    @Test
    void processFlagsReachTheRunOptions() {
        RunOptions o = parse("--metrics-port", "0", "--show-trace-timing", "--ui-type", "dashboard").runtime.toRunOptions();
        assertEquals(0, o.metricsPort());
        assertTrue(o.showTraceTiming());
        assertEquals("simple", o.uiType(), "no terminal under test: the dashboard falls back to simple");
        RunOptions plain = parse("--ui-type", "none").runtime.toRunOptions();
        assertNull(plain.metricsPort());
        assertFalse(plain.showTraceTiming());
    }

    @Test
    void badProcessFlagsAreOneLineErrors() {
        BadInputException port = assertThrows(BadInputException.class,
                () -> parse("--metrics-port", "70000").runtime.toRunOptions());
        assertTrue(port.getMessage().startsWith("--metrics-port: 70000"), port.getMessage());
        BadInputException ui = assertThrows(BadInputException.class,
                () -> parse("--ui-type", "fancy").runtime.toRunOptions());
        assertTrue(ui.getMessage().contains("use dashboard, simple or none"), ui.getMessage());
    }
}
