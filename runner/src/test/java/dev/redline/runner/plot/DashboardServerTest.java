package dev.redline.runner.plot;

import dev.redline.runner.plot.serve.DashboardServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DashboardServerTest {
    @TempDir Path dir;

    @Test
    void servesTheDashboardAndPlotsAndNothingOutsideTheDirectory() throws Exception {
        Path root = Files.createDirectories(dir.resolve("run"));
        Files.writeString(root.resolve("dashboard.html"), "<html>dash</html>");
        Files.createDirectories(root.resolve("plots"));
        Files.write(root.resolve("plots/a.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve("secret.txt"), "no");
        HttpClient http = HttpClient.newHttpClient();
        try (DashboardServer server = DashboardServer.start(root, "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals("<html>dash</html>", page.body());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
            HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(base + "/plots/a.png")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            assertEquals(4, png.body().length);
            HttpResponse<String> escape = http.send(HttpRequest.newBuilder(URI.create(base + "/../secret.txt")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, escape.statusCode());
            HttpResponse<String> encoded = http.send(HttpRequest.newBuilder(URI.create(base + "/%2e%2e/secret.txt")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, encoded.statusCode());
        }
    }
}
