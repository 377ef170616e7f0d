package dev.redline.runner.output;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Uploads every artifact file of a run to an S3-compatible object store (AWS SDK v2, path-style
 * addressing so MinIO, Ceph and s3proxy work, the JDK URLConnection HTTP client so no Netty or Apache
 * pool comes along). Checksums are only sent where the API requires them, which keeps older
 * S3-compatible servers working.
 */
public final class ObjectStoreUploader implements AutoCloseable {
    private final ObjectStoreConfig config;
    private final S3Client s3;

    public ObjectStoreUploader(ObjectStoreConfig config) {
        this.config = config;
        S3ClientBuilder b = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.region()))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(config));
        if (config.endpoint() != null) b.endpointOverride(config.endpoint());
        this.s3 = b.build();
    }

    private static AwsCredentialsProvider credentials(ObjectStoreConfig c) {
        if (c.accessKeyId() != null && c.secretAccessKey() != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * Uploads every regular file under {@code dir} to {@code <prefix>/<keyPrefix>/<relative path>} and returns
     * their {@code s3://bucket/key} URIs in upload order; IllegalStateException (one line) on the first failure.
     */
    public List<String> uploadDirectory(Path dir, String keyPrefix) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("object store upload: cannot list " + dir + " (" + e.getMessage() + ")", e);
        }
        List<String> uris = new ArrayList<>();
        for (Path f : files) {
            String relative = dir.relativize(f).toString().replace('\\', '/');
            String key = config.key(keyPrefix, relative);
            try {
                s3.putObject(PutObjectRequest.builder().bucket(config.bucket()).key(key).contentType(contentType(relative)).build(),
                        RequestBody.fromFile(f));
            } catch (SdkException e) {
                throw new IllegalStateException("object store upload of " + relative + " to " + config + " failed: "
                        + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "), e);
            }
            uris.add("s3://" + config.bucket() + "/" + key);
        }
        return uris;
    }

    /** The Content-Type of an artifact file, by its name (also used by the MLflow upload). */
    public static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) return "application/json";
        if (n.endsWith(".jsonl")) return "application/x-ndjson";
        if (n.endsWith(".csv")) return "text/csv";
        if (n.endsWith(".log") || n.endsWith(".txt")) return "text/plain";
        if (n.endsWith(".html")) return "text/html";
        if (n.endsWith(".png")) return "image/png";
        return "application/octet-stream";
    }

    @Override
    public void close() {
        s3.close();
    }
}
