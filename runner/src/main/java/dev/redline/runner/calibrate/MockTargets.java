package dev.redline.runner.calibrate;

import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two built-in mock servers calibration drives: one with zero latency (ceilings, send lag) and one
 * with small known TTFT/ITL (client-added latency, stream ceiling). Either inside this JVM or, for CPU
 * and heap figures free of the server's share, in one child JVM each ({@code redline mock-server}).
 */
final class MockTargets implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final List<AutoCloseable> closers = new ArrayList<>();
    private final CalibrationOptions o;
    private String zeroUrl;
    private String latencyUrl;

    /** Mocks start on first use; URLs given in the options are used as they are. */
    MockTargets(CalibrationOptions o) {
        this.o = o;
        this.zeroUrl = o.zeroUrl();
        this.latencyUrl = o.latencyUrl();
    }

    String zeroLatencyUrl() {
        if (zeroUrl == null) zeroUrl = start(o.mockInProcess(), 0, 0);
        return zeroUrl;
    }

    String latencyUrl() {
        if (latencyUrl == null) latencyUrl = start(o.mockInProcess(), o.mockTtftMs(), o.mockItlMs());
        return latencyUrl;
    }

    /** How the mocks were reached: in-process, process, or url. */
    String mode() {
        if (o.zeroUrl() != null || o.latencyUrl() != null) return "url";
        return o.mockInProcess() ? "in-process" : "process";
    }

    private String start(boolean inProcess, double ttftMs, double itlMs) {
        if (inProcess) {
            MockServer server = MockServer.start(new MockServerOptions().host("127.0.0.1").port(0).ttftMs(ttftMs).itlMs(itlMs));
            closers.add(server);
            return server.baseUrl();
        }
        return startProcess(ttftMs, itlMs);
    }

    /** Same java binary and class path as this JVM; the child prints its URL once it listens. */
    private String startProcess(double ttftMs, double itlMs) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), "dev.redline.runner.cli.RedlineCli",
                "mock-server", "--host", "127.0.0.1", "--port", "0", "--ttft-ms", Double.toString(ttftMs),
                "--itl-ms", Double.toString(itlMs));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            closers.add(() -> {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            });
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "calibrate-mock-output");
                    drain.setDaemon(true);
                    drain.start();
                    return m.group(1);
                }
                seen.append(line).append(' ');
            }
            throw new IllegalStateException("mock server process exited before listening: " + seen.toString().trim());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the mock server process: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : closers) {
            try {
                c.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            }
        }
        closers.clear();
    }
}
