package dev.redline.runner.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.BadInputException;
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
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads against a real S3-compatible server (s3proxy, in-memory store, SigV2/V4 auth) on 127.0.0.1. */
class ObjectStoreUploaderTest {
    private static final String KEY = "redline-test";
    private static final String SECRET = "redline-secret-123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static S3Proxy proxy;
    private static S3Client client;
    private static String endpoint;

    @TempDir Path dir;

    @BeforeAll
    static void startProxy() throws Exception {
        proxy = S3Proxy.builder().blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, SECRET).build();
        proxy.start();
        for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) Thread.sleep(25);
        endpoint = "http://127.0.0.1:" + proxy.getPort();
        client = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET))).build();
        client.createBucket(b -> b.bucket("results"));
    }

    @AfterAll
    static void stopProxy() throws Exception {
        if (client != null) client.close();
        if (proxy != null) proxy.stop();
    }

    private JsonNode part(String prefix) {
        return JSON.createObjectNode().put("endpoint", endpoint).put("bucket", "results").put("prefix", prefix);
    }

    private static Map<String, String> credentials(String secret) {
        return Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", secret);
    }

    @Test
    void uploadsEveryArtifactFileAndTheBytesComeBackUnchanged() throws Exception {
        Files.writeString(dir.resolve("profile_export_redline.json"), "{\"request_count\": {\"avg\": 61}}");
        Files.writeString(dir.resolve("profile_export.jsonl"), "{\"a\":1}\n{\"a\":2}\n");
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/redline.log"), "started\nfinished\n");
        byte[] binary = new byte[300_000];
        new Random(5).nextBytes(binary);
        Files.write(dir.resolve("histograms.bin"), binary);

        ObjectStoreConfig config = ObjectStoreConfig.from(part("/benchmarks/"), credentials(SECRET));
        List<String> uris;
        try (ObjectStoreUploader uploader = new ObjectStoreUploader(config)) {
            uris = uploader.uploadDirectory(dir, "team-a/llama-sweep");
        }
        assertEquals(4, uris.size(), uris.toString());
        assertTrue(uris.contains("s3://results/benchmarks/team-a/llama-sweep/logs/redline.log"), uris.toString());

        List<String> listed = client.listObjectsV2(b -> b.bucket("results").prefix("benchmarks/team-a/llama-sweep/"))
                .contents().stream().map(S3Object::key).sorted().collect(Collectors.toList());
        assertEquals(List.of("benchmarks/team-a/llama-sweep/histograms.bin", "benchmarks/team-a/llama-sweep/logs/redline.log",
                "benchmarks/team-a/llama-sweep/profile_export.jsonl", "benchmarks/team-a/llama-sweep/profile_export_redline.json"), listed);
        for (String key : listed) {
            String relative = key.substring("benchmarks/team-a/llama-sweep/".length());
            byte[] stored = client.getObjectAsBytes(b -> b.bucket("results").key(key)).asByteArray();
            assertArrayEquals(Files.readAllBytes(dir.resolve(relative)), stored, key);
        }
        HeadObjectResponse head = client.headObject(b -> b.bucket("results").key("benchmarks/team-a/llama-sweep/profile_export_redline.json"));
        assertEquals("application/json", head.contentType());
    }

    @Test
    void aRejectedSignatureIsOneLineNamingTheFileAndTheStore() throws Exception {
        Files.writeString(dir.resolve("summary.csv"), "Metric,avg\n");
        ObjectStoreConfig config = ObjectStoreConfig.from(part(""), credentials("wrong-secret"));
        try (ObjectStoreUploader uploader = new ObjectStoreUploader(config)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> uploader.uploadDirectory(dir, "x"));
            assertTrue(e.getMessage().contains("summary.csv") && e.getMessage().contains("s3://results/"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        assertTrue(client.listObjectsV2(b -> b.bucket("results").prefix("x/")).contents().isEmpty(), "nothing stored");
    }

    @Test
    void environmentOverridesTheSpecAndNoBucketMeansNoUploads() {
        ObjectStoreConfig c = ObjectStoreConfig.from(part("spec-prefix"), Map.of("REDLINE_OBJECT_STORE_BUCKET", "other", "REDLINE_OBJECT_STORE_PREFIX", "env/p"));
        assertEquals("other", c.bucket());
        assertEquals("env/p/ns/run/a.json", c.key("ns", "/run/", "a.json"));
        assertEquals(ObjectStoreConfig.DEFAULT_REGION, c.region());
        assertNull(c.accessKeyId());
        assertNull(ObjectStoreConfig.from(null, Map.of()));
        assertTrue(!c.toString().contains(SECRET));
        BadInputException bad = assertThrows(BadInputException.class, () -> ObjectStoreConfig.from(
                JSON.createObjectNode().put("bucket", "b").put("endpoint", "minio:9000"), Map.of()));
        assertTrue(bad.getMessage().startsWith("output.objectStore.endpoint:"), bad.getMessage());
    }
}
