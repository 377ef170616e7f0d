package dev.redline.runner.plot.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.redline.runner.BadInputException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Serves the plot output directory over HTTP ({@code redline plot --serve}): the dashboard at /, the PNGs
 * under /plots/. Files outside the directory are never served. The JDK's HTTP server, one thread: this is
 * for a person looking at results, not for load.
 */
public final class DashboardServer implements AutoCloseable {
    private final HttpServer server;
    private final Path root;

    private DashboardServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    public static DashboardServer start(Path root, String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            DashboardServer s = new DashboardServer(server, root.toAbsolutePath().normalize());
            server.createContext("/", s::handle);
            server.start();
            return s;
        } catch (BindException e) {
            throw new BadInputException("--port: cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); choose a free port");
        } catch (IOException e) {
            throw new BadInputException("--host: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            Path file = root.resolve(path.equals("/") ? "dashboard.html" : path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                byte[] body = "not found\n".getBytes();
                ex.sendResponseHeaders(404, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", contentType(file));
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            long size = Files.size(file);
            ex.sendResponseHeaders(200, "HEAD".equals(ex.getRequestMethod()) ? -1 : size);
            if (!"HEAD".equals(ex.getRequestMethod())) {
                try (OutputStream out = ex.getResponseBody()) {
                    Files.copy(file, out);
                }
            }
        }
    }

    static String contentType(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".html")) return "text/html; charset=utf-8";
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".json")) return "application/json";
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
