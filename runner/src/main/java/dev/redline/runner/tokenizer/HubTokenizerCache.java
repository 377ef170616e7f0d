package dev.redline.runner.tokenizer;

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

/**
 * Fetches {@code tokenizer.json} of a Hugging Face model once into {@code <cacheRoot>/<id>/<revision>/} and serves it
 * from there afterwards, with no network. Downloads go to a temporary file and are moved into place atomically,
 * so an interrupted download never leaves a broken cache entry.
 */
final class HubTokenizerCache {
    private final Path cacheRoot;
    private final URI endpoint;
    private final boolean offline;
    private final String token;

    HubTokenizerCache(Path cacheRoot, URI endpoint, boolean offline, String token) {
        this.cacheRoot = cacheRoot;
        this.endpoint = endpoint;
        this.offline = offline;
        this.token = token;
    }

    Path cachedFile(String modelId, String revision) {
        return cacheRoot.resolve(modelId).resolve(revision).resolve("tokenizer.json");
    }

    URI url(String modelId, String revision) {
        String base = endpoint.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + modelId + "/resolve/" + revision + "/tokenizer.json");
    }

    /** Returns the cached file, downloading it first if needed; throws TokenizerNotFoundException otherwise. */
    Path resolve(String modelId, String revision, String lookedAt) {
        Path cached = cachedFile(modelId, revision);
        if (Files.isRegularFile(cached)) return cached;
        URI url = url(modelId, revision);
        String where = lookedAt + ", cache " + cached + ", hub " + url;
        if (offline) {
            throw new TokenizerNotFoundException("tokenizer '" + modelId + "' not found (looked at " + where
                    + "; offline, so no download); place tokenizer.json at " + cached
                    + " or pass --tokenizer <path to tokenizer.json or its directory>");
        }
        download(url, cached, modelId, where);
        return cached;
    }

    private void download(URI url, Path target, String modelId, String where) {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5)).GET();
        if (token != null && !token.isBlank()) req.header("Authorization", "Bearer " + token);
        Path tmp = null;
        try {
            HttpResponse<InputStream> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = resp.body()) {
                int status = resp.statusCode();
                if (status == 401 || status == 403) {
                    throw new TokenizerNotFoundException("tokenizer '" + modelId + "' is gated or private (HTTP "
                            + status + " from " + url + "); set HF_TOKEN to a token with access, or place tokenizer.json at "
                            + target);
                }
                if (status != 200) {
                    throw new TokenizerNotFoundException("tokenizer '" + modelId + "' not found (looked at " + where
                            + ": HTTP " + status + "); check the model id and --tokenizer-revision, or pass --tokenizer <path>");
                }
                Files.createDirectories(target.getParent());
                tmp = Files.createTempFile(target.getParent(), "tokenizer", ".part");
                Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TokenizerNotFoundException("tokenizer '" + modelId + "' not found (looked at " + where
                    + "; download failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + "); connect to the hub once, or place tokenizer.json at " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenizerNotFoundException("interrupted while downloading " + url, e);
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }
}
