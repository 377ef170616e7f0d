package dev.redline.runner.profile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The run's log: every line goes to {@code logs/redline.log}; lines at or above the chosen level also go
 * to stderr. Never log secrets (the API key is not passed here).
 */
public final class RunLog implements AutoCloseable {
    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

    private final BufferedWriter file;
    private final PrintStream console;
    private final int consoleLevel;

    public RunLog(Path file, String consoleLevel, PrintStream console) throws IOException {
        this.file = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.console = console;
        this.consoleLevel = Math.max(0, LEVELS.indexOf(consoleLevel));
    }

    public void trace(String msg) { log(0, msg); }
    public void debug(String msg) { log(1, msg); }
    public void info(String msg) { log(2, msg); }
    public void warn(String msg) { log(3, msg); }
    public void error(String msg) { log(4, msg); }

    private synchronized void log(int level, String msg) {
        String line = Instant.now() + " " + LEVELS.get(level).toUpperCase() + " " + msg;
        try {
            file.write(line);
            file.newLine();
            file.flush();
        } catch (IOException ignored) {
            // the console still gets the line; a full disk must not stop the benchmark
        }
        if (level >= consoleLevel && level >= 2) console.println(msg);
        else if (level >= consoleLevel) console.println(line);
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
