package dev.redline.operator.realcluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real kubectl (/usr/bin/kubectl, or $KUBECTL) against the test control plane, as a user would type it. */
public final class Kubectl {
    /** What one invocation printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result orFail() {
            if (exitCode != 0) throw new AssertionError("kubectl exited " + exitCode + ": " + stderr + stdout);
            return this;
        }
    }

    private final Path kubeconfig;

    Kubectl(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    public Result pipe(String stdin, String... args) {
        return pipe(stdin, Duration.ofSeconds(60), args);
    }

    /** {@code kubectl wait ... --timeout=T} needs longer than the default 60 s. */
    public Result run(Duration limit, String... args) {
        return pipe(null, limit, args);
    }

    private Result pipe(String stdin, Duration limit, String... args) {
        List<String> cmd = new ArrayList<>(List.of(System.getenv().getOrDefault("KUBECTL", "/usr/bin/kubectl"), "--kubeconfig", kubeconfig.toString()));
        cmd.addAll(List.of(args));
        try {
            Path err = java.nio.file.Files.createTempFile("kubectl", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
                if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
                var out = p.getInputStream().readAllBytes();
                if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("kubectl " + List.of(args) + " did not finish in " + limit.toSeconds() + " s");
                }
                return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), java.nio.file.Files.readString(err));
            } finally {
                java.nio.file.Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Result run(String... args) {
        return pipe(null, args);
    }
}
