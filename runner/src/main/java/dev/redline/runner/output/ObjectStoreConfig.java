package dev.redline.runner.output;

import dev.redline.api.v1alpha1.RunnerEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.BadInputException;

import java.net.URI;
import java.util.Map;

/**
 * Where artifacts go: an S3-compatible object store. Read from the spec part {@code output.objectStore}
 * ({@code endpoint}, {@code bucket}, {@code prefix}, {@code region}) with environment variables taking
 * precedence ({@code REDLINE_OBJECT_STORE_ENDPOINT}, {@code REDLINE_OBJECT_STORE_BUCKET}, {@code REDLINE_OBJECT_STORE_PREFIX},
 * {@code REDLINE_OBJECT_STORE_REGION}); credentials come only from the environment ({@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, e.g. mapped from the Benchmark's credentials Secret), else the AWS SDK's
 * default chain (web identity, instance profile).
 *
 * @param endpoint null for AWS S3 itself
 */
public record ObjectStoreConfig(URI endpoint, String bucket, String prefix, String region, String accessKeyId,
                                String secretAccessKey) {
    public static final String DEFAULT_REGION = "us-east-1";

    /** The configured store, or null when no bucket is set anywhere (uploads are off). */
    public static ObjectStoreConfig from(JsonNode objectStore, Map<String, String> env) {
        JsonNode part = objectStore == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : objectStore;
        String bucket = pick(env, RunnerEnvironment.OBJECT_STORE_BUCKET, part, "bucket");
        if (bucket == null) return null;
        String endpoint = pick(env, RunnerEnvironment.OBJECT_STORE_ENDPOINT, part, "endpoint");
        URI uri = null;
        if (endpoint != null) {
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
                throw new BadInputException("output.objectStore.endpoint: '" + endpoint
                        + "' is not a URL; use e.g. http://minio.storage:9000 or https://s3.example.com");
            }
        }
        String prefix = pick(env, RunnerEnvironment.OBJECT_STORE_PREFIX, part, "prefix");
        String region = pick(env, RunnerEnvironment.OBJECT_STORE_REGION, part, "region");
        return new ObjectStoreConfig(uri, bucket, prefix == null ? "" : prefix, region == null ? DEFAULT_REGION : region,
                blankToNull(env.get(RunnerEnvironment.AWS_ACCESS_KEY_ID)), blankToNull(env.get(RunnerEnvironment.AWS_SECRET_ACCESS_KEY)));
    }

    private static String pick(Map<String, String> env, String var, JsonNode part, String field) {
        String v = blankToNull(env.get(var));
        if (v != null) return v;
        JsonNode n = part.get(field);
        return n == null || n.isNull() ? null : blankToNull(n.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Prefix joined with more path parts, without doubled or leading slashes. */
    public String key(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : prepend(prefix, parts)) {
            String t = p == null ? "" : p.replaceAll("^/+|/+$", "");
            if (t.isEmpty()) continue;
            if (sb.length() > 0) sb.append('/');
            sb.append(t);
        }
        return sb.toString();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Override
    public String toString() { // never print the secret
        return "s3://" + bucket + "/" + prefix + (endpoint == null ? "" : " at " + endpoint);
    }
}
