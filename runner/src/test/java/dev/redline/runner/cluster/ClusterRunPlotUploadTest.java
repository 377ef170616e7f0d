package dev.redline.runner.cluster;

import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With an object store, the coordinator plots the run and dashboard.html and plots/*.png go up beside the results. */
@EnableKubernetesMockClient(crud = true)
class ClusterRunPlotUploadTest {
    static KubernetesClient client;
    @TempDir Path dir;

    @Test
    void dashboardAndPngsAreUploadedNextToTheExports() throws Exception {
        S3Proxy proxy = S3Proxy.builder().blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:0")).awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "k", "secret-123").build();
        proxy.start();
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5).itlMs(1))) {
            for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) Thread.sleep(25);
            String endpoint = "http://127.0.0.1:" + proxy.getPort();
            S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                    .endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "secret-123"))).build();
            s3.createBucket(b -> b.bucket("results"));
            Path spec = dir.resolve("spec.yaml");
            Files.writeString(spec, """
                    models: [mock-model]
                    endpoint: {url: '%s', type: chat, streaming: true}
                    dataset: {entries: 4, prompts: {isl: 16, osl: 5}}
                    phases: [{concurrency: 2, requests: 12}]
                    output: {objectStore: {bucket: results, endpoint: '%s', prefix: runs}}
                    """.formatted(mock.baseUrl(), endpoint));
            client.configMaps().inNamespace("perf").resource(new ConfigMapBuilder().withNewMetadata().withName("r").endMetadata().build()).create();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new ClusterRun(new ClusterRun.Settings(spec, "r", null, null, dir.resolve("artifacts"), "warn"),
                    new PodEnvironment(Map.of("JOB_COMPLETION_INDEX", "0", "REDLINE_NAMESPACE", "perf", "REDLINE_BENCHMARK", "bm",
                            "AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY", "secret-123")),
                    () -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build(),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)).run();
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            List<String> keys = s3.listObjectsV2(b -> b.bucket("results")).contents().stream().map(S3Object::key).toList();
            assertTrue(keys.stream().anyMatch(k -> k.endsWith("/dashboard.html")), keys.toString());
            assertTrue(keys.stream().anyMatch(k -> k.endsWith("/plots/ttft_over_time.png")), keys.toString());
            assertTrue(keys.stream().anyMatch(k -> k.endsWith("/profile_export_redline.json")), keys.toString());
            String html = s3.getObjectAsBytes(b -> b.bucket("results").key(keys.stream().filter(k -> k.endsWith("/dashboard.html")).findFirst().get()))
                    .asUtf8String();
            assertTrue(html.contains("\"id\":\"ttft_over_time\""), "the dashboard carries the run's charts");
        } finally {
            proxy.stop();
        }
    }
}
