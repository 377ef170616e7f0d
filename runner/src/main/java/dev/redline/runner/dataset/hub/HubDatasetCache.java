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
 * is set; offline or unreachable with nothing cached gives one line saying which file to place where. A split is
 * found as its Parquet/JSON files in any snapshot ({@link HubSnapshot}); a split fetched through the hub's rows API,
 * or a file from outside the hub, is kept beside, under {@code datasets--<org>--<name>/redline/}.
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

    /**
     * Where a download lands when nothing is cached yet: the main revision's snapshot for a hub file, else Redline's
     * copy beside the snapshots ({@code redline/<subset or default>/<split>.jsonl}, or the fetched file's name).
     */
    public Path cachedFile(PublicDataset ds, String subset) {
        if (ds.source == PublicDataset.Source.HUB_FILE) return repoDir(ds).resolve("snapshots").resolve(revision(ds)).resolve(ds.file);
        String sub = ds.subset(subset);
        return repoDir(ds).resolve("redline").resolve(sub == null ? "default" : sub)
                .resolve(ds.source == PublicDataset.Source.URL ? ds.file : ds.split + ".jsonl");
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

    /** Existing copies: the ref's snapshot first, then the other snapshots (refs/convert/parquet's among them), then Redline's copy. */
    private List<Path> existing(PublicDataset ds, String subset) {
        Path snapshots = repoDir(ds).resolve("snapshots");
        List<Path> dirs = new java.util.ArrayList<>();
        dirs.add(snapshots.resolve(revision(ds)));
        if (Files.isDirectory(snapshots)) {
            try (var all = Files.list(snapshots)) {
                all.sorted().filter(d -> !dirs.contains(d)).forEach(dirs::add);
            } catch (IOException e) {
                // unreadable: only the ref's snapshot is looked at
            }
        }
        for (Path d : dirs) {
            if (ds.source == PublicDataset.Source.HUB_FILE) {
                if (Files.isRegularFile(d.resolve(ds.file))) return List.of(d.resolve(ds.file));
            } else if (ds.source == PublicDataset.Source.SPLIT) {
                List<Path> files = HubSnapshot.splitFiles(d, ds.split, ds.subset(subset));
                if (!files.isEmpty()) return files;
            }
        }
        Path own = cachedFile(ds, subset);
        return Files.isRegularFile(own) ? List.of(own) : List.of();
    }

    /** The cached files of {@code ds}, downloading first when needed and allowed. */
    public List<Path> resolve(PublicDataset ds, String subset) {
        List<Path> found = existing(ds, subset);
        if (!found.isEmpty()) return found;
        Path cached = cachedFile(ds, subset);
        URI source = DatasetDownload.source(ds, hubEndpoint, rowsEndpoint, subset);
        String fix = ds.source == PublicDataset.Source.SPLIT
                ? "put the " + ds.expectedFiles().replaceFirst(" split", " split's files") + " under " + repoDir(ds).resolve("snapshots")
                        + "/<revision>/ (huggingface-cli download --repo-type dataset " + ds.repo + ") or at " + cached
                        + ", or pass --public-dataset-path <your copy>"
                : "place " + ds.file + " at " + cached + " or pass --public-dataset-path <your copy>";
        if (offline) {
            throw new DatasetFormatException("public dataset '" + ds.wireName() + "' is not in the Hugging Face cache and HF_HUB_OFFLINE is set; " + fix);
        }
        try {
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), ds.wireName(), ".part");
            try {
                DatasetDownload.download(this, ds, source, tmp);
                Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                if (ds.source == PublicDataset.Source.HUB_FILE && !Files.exists(repoDir(ds).resolve("refs").resolve("main"))) {
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
        return List.of(cached);
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
