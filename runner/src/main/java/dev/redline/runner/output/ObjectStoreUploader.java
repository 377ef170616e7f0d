package dev.redline.runner.output;

import dev.redline.api.v1alpha1.ArtifactRef;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Uploads a run's artifacts to an S3-compatible object store (AWS S3, MinIO, Ceph RGW, ...), path-style
 * addressing, over the JDK's URLConnection. In the cluster its settings come from the environment the
 * operator gives runner pods ({@link #fromEnvironment}).
 */
public final class ObjectStoreUploader implements AutoCloseable {
    /** Where objects go: keys are {@code <prefix>/<relative path>}. */
    public record Target(URI endpoint, String bucket, String prefix, String region) {
        public Target {
            if (bucket == null || bucket.isBlank()) throw new IllegalArgumentException("object store bucket is missing; set output.objectStore.bucket");
            if (endpoint == null) throw new IllegalArgumentException("object store endpoint is missing; set output.objectStore.endpoint");
            prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
            region = region == null || region.isBlank() ? "us-east-1" : region;
        }

        String key(String relative) {
            String rel = relative.replace('\\', '/').replaceAll("^/+", "");
            return prefix.isEmpty() ? rel : prefix + "/" + rel;
        }
    }

    private final Target target;
    private final S3Client s3;

    public ObjectStoreUploader(Target target, AwsCredentialsProvider credentials) {
        this.target = target;
        this.s3 = S3Client.builder()
                .endpointOverride(target.endpoint())
                .region(Region.of(target.region()))
                .forcePathStyle(true)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * From {@code REDLINE_OBJECT_STORE_ENDPOINT}, {@code _BUCKET}, {@code _PREFIX}, {@code _REGION} and
     * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} (else the SDK's default chain, e.g. IRSA).
     * Returns null when no endpoint is configured.
     */
    public static ObjectStoreUploader fromEnvironment(Map<String, String> env) {
        String endpoint = env.get("REDLINE_OBJECT_STORE_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) return null;
        Target target = new Target(URI.create(endpoint), env.get("REDLINE_OBJECT_STORE_BUCKET"),
                env.get("REDLINE_OBJECT_STORE_PREFIX"), env.get("REDLINE_OBJECT_STORE_REGION"));
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        AwsCredentialsProvider creds = id != null && secret != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret))
                : DefaultCredentialsProvider.builder().build();
        return new ObjectStoreUploader(target, creds);
    }

    /** Uploads one file under {@code relativeKey} and says where it is. */
    public ArtifactRef upload(Path file, String relativeKey) {
        String key = target.key(relativeKey);
        try {
            s3.putObject(PutObjectRequest.builder().bucket(target.bucket()).key(key).contentType(contentType(file)).build(),
                    RequestBody.fromFile(file));
        } catch (NoSuchBucketException e) {
            throw new ObjectStoreException("bucket '" + target.bucket() + "' does not exist at " + target.endpoint()
                    + "; create it or fix output.objectStore.bucket", e);
        } catch (SdkException e) {
            throw new ObjectStoreException("upload of " + file.getFileName() + " to " + target.endpoint() + " failed: "
                    + e.getMessage() + "; check output.objectStore and its credentials", e);
        }
        return new ArtifactRef(relativeKey.replace('\\', '/'), "s3://" + target.bucket() + "/" + key);
    }

    /** Uploads every regular file under {@code dir}, keyed by its path relative to {@code dir}, in name order. */
    public List<ArtifactRef> uploadDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list artifacts in " + dir, e);
        }
        List<ArtifactRef> refs = new ArrayList<>(files.size());
        for (Path f : files) refs.add(upload(f, dir.relativize(f).toString()));
        return refs;
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl")) return "application/x-ndjson";
        if (name.endsWith(".json")) return "application/json";
        if (name.endsWith(".csv")) return "text/csv";
        if (name.endsWith(".html")) return "text/html";
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".txt") || name.endsWith(".log") || name.endsWith(".hlog")) return "text/plain";
        return "application/octet-stream";
    }

    @Override
    public void close() {
        s3.close();
    }
}
