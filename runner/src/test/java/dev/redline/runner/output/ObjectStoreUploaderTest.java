package dev.redline.runner.output;

import dev.redline.api.v1alpha1.ArtifactRef;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads against a real S3 server (s3proxy, in-memory store) on 127.0.0.1, with signed requests. */
class ObjectStoreUploaderTest {
    static final String KEY_ID = "redline-test";
    static final String SECRET = "redline-test-secret";
    static S3Proxy proxy;
    static URI endpoint;
    static S3Client s3;

    @BeforeAll
    static void startS3() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY_ID, SECRET)
                .build();
        proxy.start();
        for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) Thread.sleep(25);
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .httpClient(UrlConnectionHttpClient.create()).build();
        s3.createBucket(b -> b.bucket("results"));
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) s3.close();
        if (proxy != null) proxy.stop();
    }

    @Test
    void uploadsADirectoryUnderThePrefix(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("profile_export_redline.json"), "{\"request_count\": 3}");
        Files.writeString(dir.resolve("profile_export_redline.csv"), "Metric,avg\n");
        Files.createDirectories(dir.resolve("raw"));
        byte[] records = "{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("raw/profile_export.jsonl"), records);

        Map<String, String> env = Map.of(
                "REDLINE_OBJECT_STORE_ENDPOINT", endpoint.toString(),
                "REDLINE_OBJECT_STORE_BUCKET", "results",
                "REDLINE_OBJECT_STORE_PREFIX", "redline/bench/run1/",
                "AWS_ACCESS_KEY_ID", KEY_ID,
                "AWS_SECRET_ACCESS_KEY", SECRET);
        List<ArtifactRef> refs;
        try (ObjectStoreUploader uploader = ObjectStoreUploader.fromEnvironment(env)) {
            refs = uploader.uploadDirectory(dir);
        }

        assertEquals(List.of("profile_export_redline.csv", "profile_export_redline.json", "raw/profile_export.jsonl"),
                refs.stream().map(ArtifactRef::getName).toList());
        assertEquals("s3://results/redline/bench/run1/raw/profile_export.jsonl", refs.get(2).getUri());
        List<String> keys = s3.listObjectsV2(b -> b.bucket("results").prefix("redline/bench/run1/")).contents()
                .stream().map(S3Object::key).sorted().toList();
        assertEquals(List.of("redline/bench/run1/profile_export_redline.csv", "redline/bench/run1/profile_export_redline.json",
                "redline/bench/run1/raw/profile_export.jsonl"), keys);
        assertArrayEquals(records, s3.getObjectAsBytes(b -> b.bucket("results").key("redline/bench/run1/raw/profile_export.jsonl")).asByteArray());
        HeadObjectResponse head = s3.headObject(b -> b.bucket("results").key("redline/bench/run1/profile_export_redline.json"));
        assertEquals("application/json", head.contentType());
    }

    @Test
    void missingBucketAndWrongCredentialsGiveOneLineErrors(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("summary.json"), "{}");
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET));
        try (ObjectStoreUploader uploader = new ObjectStoreUploader(new ObjectStoreUploader.Target(endpoint, "nope", "p", null), creds)) {
            ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> uploader.upload(file, "summary.json"));
            assertTrue(e.getMessage().startsWith("bucket 'nope' does not exist"), e.getMessage());
        }
        var wrong = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, "not-the-secret"));
        try (ObjectStoreUploader uploader = new ObjectStoreUploader(new ObjectStoreUploader.Target(endpoint, "results", "p", null), wrong)) {
            ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> uploader.upload(file, "summary.json"));
            assertTrue(e.getMessage().contains("check output.objectStore and its credentials"), e.getMessage());
        }
    }

    @Test
    void noEndpointMeansNoUploader() {
        assertNull(ObjectStoreUploader.fromEnvironment(Map.of()));
    }
}
