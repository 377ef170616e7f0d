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
 * Public dataset files in the Hugging Face hub cache layout, so a file fetched by {@code huggingface-cli download}
 * or any HF tool is found and an offline machine that has it runs:
 * {@code <hub cache>/datasets--<org>--<name>/snapshots/<revision>/<file>} (revision from {@code refs/main}, else any
 * snapshot holding the file), where the hub cache is {@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else
 * {@code ~/.cache/huggingface/hub}. A missing file is downloaded once into that layout unless {@code HF_HUB_OFFLINE}
 * is set; offline or unreachable with nothing cached gives one line saying which file to place where. Datasets read
 * through the hub's rows API (no single file on the hub) are kept beside, under {@code datasets--<org>--<name>/redline/}.
 */
public final class HubDatasetCache {
    private final Path hubCache;
    private final URI hubEndpoint;
    private final URI rowsEndpoint;
    private final boolean offline;
    private final String token;

    public HubDatasetCache(Path hubCache, URI hubEndpoint, URI rowsEndpoint, boolean offline, String token) {
        this.hubCache = hubCache;
        this.hubEndpoint = hubEndpoint;
        this.rowsEndpoint = rowsEndpoint;
        this.offline = offline;
        this.token = token;
    }

    public static HubDatasetCache fromEnvironment() {
        return fromEnvironment(System::getenv, System.getProperty("user.home"));
    }

    static HubDatasetCache fromEnvironment(java.util.function.Function<String, String> env, String home) {
        String endpoint = env.apply("HF_ENDPOINT");
        String offline = env.apply("HF_HUB_OFFLINE");
        return new HubDatasetCache(hubCacheDir(env, home),
                URI.create(endpoint != null && !endpoint.isBlank() ? endpoint : "https://huggingface.co"),
                URI.create("https://datasets-server.huggingface.co"),
                offline != null && List.of("1", "true", "yes", "on").contains(offline.trim().toLowerCase()),
                env.apply("HF_TOKEN"));
    }

    /** $HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub (huggingface_hub's order). */
    static Path hubCacheDir(java.util.function.Function<String, String> env, String home) {
        String hubCache = env.apply("HF_HUB_CACHE");
        if (hubCache != null && !hubCache.isBlank()) return Path.of(hubCache);
        String hfHome = env.apply("HF_HOME");
        if (hfHome != null && !hfHome.isBlank()) return Path.of(hfHome, "hub");
        return Path.of(home, ".cache", "huggingface", "hub");
    }

    /** {@code <hub cache>/datasets--org--name}. */
    Path repoDir(PublicDataset ds) {
        return hubCache.resolve("datasets--" + ds.repo.replace("/", "--"));
    }

    /** Where the file is expected when nothing is cached yet (the main revision's snapshot, or Redline's rows copy). */
    public Path cachedFile(PublicDataset ds, String subset) {
        if (ds.isHubFile()) return repoDir(ds).resolve("snapshots").resolve(revision(ds)).resolve(ds.cacheFileName());
        return repoDir(ds).resolve("redline").resolve(subset == null ? "default" : subset).resolve(ds.cacheFileName());
    }

    /** The snapshot refs/main points at, else "main". */
    private String revision(PublicDataset ds) {
        Path ref = repoDir(ds).resolve("refs").resolve("main");
        try {
            if (Files.isRegularFile(ref)) {
                String rev = Files.readString(ref).trim();
                if (!rev.isEmpty()) return rev;
            }
        } catch (IOException e) {
            // unreadable ref: fall back to the main snapshot name
        }
        return "main";
    }

    /** An existing copy: the ref's snapshot, else any snapshot that holds the file. */
    private Path existing(PublicDataset ds, String subset) {
        Path expected = cachedFile(ds, subset);
        if (Files.isRegularFile(expected) || !ds.isHubFile()) return expected;
        Path snapshots = repoDir(ds).resolve("snapshots");
        if (Files.isDirectory(snapshots)) {
            try (var dirs = Files.list(snapshots)) {
                for (Path d : dirs.sorted().toList()) {
                    if (Files.isRegularFile(d.resolve(ds.cacheFileName()))) return d.resolve(ds.cacheFileName());
                }
            } catch (IOException e) {
                // fall through to the expected path
            }
        }
        return expected;
    }

    /** The cached file of {@code ds}, downloading it first when needed and allowed. */
    public Path resolve(PublicDataset ds, String subset) {
        Path cached = existing(ds, subset);
        if (Files.isRegularFile(cached)) return cached;
        URI source = ds.source(hubEndpoint, rowsEndpoint, subset);
        String fix = "place " + ds.cacheFileName() + " at " + cached + " or pass --public-dataset-path <your copy>";
        if (offline) {
            throw new DatasetFormatException("public dataset '" + ds.wireName() + "' is not in the Hugging Face cache and HF_HUB_OFFLINE is set; " + fix);
        }
        try {
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), ds.wireName(), ".part");
            try {
                ds.download(this, source, tmp);
                Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                if (ds.isHubFile() && !Files.exists(repoDir(ds).resolve("refs").resolve("main"))) {
                    Files.createDirectories(repoDir(ds).resolve("refs"));
                    Files.writeString(repoDir(ds).resolve("refs").resolve("main"), cached.getParent().getFileName().toString());
                }
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
