package dev.redline.runner.dataset.hub;

import dev.redline.runner.dataset.DatasetFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Public dataset files from the Hugging Face hub, downloaded once into {@code <cacheRoot>/<dataset>/...} and read from
 * there afterwards. Offline ({@code HF_HUB_OFFLINE=1}) or unreachable with nothing cached: a one-line error saying
 * which file to place where.
 */
public final class HubDatasetCache {
    private final Path cacheRoot;
    private final URI hubEndpoint;
    private final URI rowsEndpoint;
    private final boolean offline;
    private final String token;

    public HubDatasetCache(Path cacheRoot, URI hubEndpoint, URI rowsEndpoint, boolean offline, String token) {
        this.cacheRoot = cacheRoot;
        this.hubEndpoint = hubEndpoint;
        this.rowsEndpoint = rowsEndpoint;
        this.offline = offline;
        this.token = token;
    }

    public static HubDatasetCache fromEnvironment() {
        String cacheDir = System.getenv("REDLINE_CACHE_DIR");
        Path root = cacheDir != null && !cacheDir.isBlank() ? Path.of(cacheDir) : Path.of(System.getProperty("user.home"), ".cache", "redline");
        String endpoint = System.getenv("HF_ENDPOINT");
        String offline = System.getenv("HF_HUB_OFFLINE");
        return new HubDatasetCache(root.resolve("datasets"),
                URI.create(endpoint != null && !endpoint.isBlank() ? endpoint : "https://huggingface.co"),
                URI.create("https://datasets-server.huggingface.co"),
                offline != null && List.of("1", "true", "yes", "on").contains(offline.toLowerCase()),
                System.getenv("HF_TOKEN"));
    }

    public Path cachedFile(PublicDataset ds, String subset) {
        return cacheRoot.resolve(ds.wireName()).resolve(subset == null ? "default" : subset).resolve(ds.cacheFileName());
    }

    /** The cached file of {@code ds}, downloading it first when needed and allowed. */
    public Path resolve(PublicDataset ds, String subset) {
        Path cached = cachedFile(ds, subset);
        if (Files.isRegularFile(cached)) return cached;
        URI source = ds.source(hubEndpoint, rowsEndpoint, subset);
        String fix = "place " + ds.cacheFileName() + " at " + cached + " or pass --input-file <your copy>";
        if (offline) {
            throw new DatasetFormatException("public dataset '" + ds.wireName() + "' is not cached and HF_HUB_OFFLINE is set; " + fix);
        }
        try {
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), ds.wireName(), ".part");
            try {
                ds.download(this, source, tmp);
                Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new DatasetFormatException("public dataset '" + ds.wireName() + "' could not be downloaded from " + source
                    + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); " + fix, e);
        }
        return cached;
    }

    /** GETs {@code url}; the body stream, or an IOException naming the HTTP status. */
    InputStream get(URI url) throws IOException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30)).GET();
        if (token != null && !token.isBlank()) req.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<InputStream> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (resp.statusCode() != 200) {
                resp.body().close();
                throw new IOException("HTTP " + resp.statusCode());
            }
            return resp.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
