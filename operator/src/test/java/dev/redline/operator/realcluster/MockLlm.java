package dev.redline.operator.realcluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code redline mock-server} (the runner jar's OpenAI-compatible fake LLM) as a process on a free loopback port. */
public final class MockLlm implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final ManagedProcess process;
    private final String url;

    private MockLlm(ManagedProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    public static MockLlm start(Path runnerJar, Path dir, String... options) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Images.javaBinary(), "-XX:+UseSerialGC", "-Xmx256m", "-jar", runnerJar.toString(),
                "mock-server", "--host", "127.0.0.1", "--port", "0"));
        cmd.addAll(List.of(options));
        ManagedProcess p = ManagedProcess.start("mock-server", cmd, ManagedProcess.baseEnv(), dir, dir.resolve("mock-server.log"));
        String[] url = new String[1];
        ControlPlane.awaitUntil("the mock server to listen", Duration.ofSeconds(60), p, () -> {
            try {
                Matcher m = LISTENING.matcher(Files.readString(p.log()));
                if (m.find()) url[0] = m.group(1);
                return url[0] != null;
            } catch (IOException e) {
                return false;
            }
        });
        return new MockLlm(p, url[0]);
    }

    /** Requests the mock has answered so far (its vLLM-style {@code vllm:request_success_total}): the ground truth to compare with. */
    public long requestsServed() {
        try {
            String text = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("vllm:request_success_total")) sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
            return (long) sum;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Base URL, e.g. http://127.0.0.1:41234 */
    public String url() { return url; }

    @Override
    public void close() {
        process.close();
    }
}
