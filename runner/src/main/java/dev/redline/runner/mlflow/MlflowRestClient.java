package dev.redline.runner.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The part of MLflow's REST API (api/2.0/mlflow) a finished run needs: experiments by name, runs, batches of
 * metrics/params/tags, and artifact uploads through the tracking server's proxy (mlflow-artifacts). JDK HttpClient,
 * blocking: it runs after the benchmark, never on an event loop. Every call ends by the one deadline of the upload.
 * Credentials come from MLflow's own variables: MLFLOW_TRACKING_TOKEN (bearer), else MLFLOW_TRACKING_USERNAME and
 * MLFLOW_TRACKING_PASSWORD (basic).
 */
final class MlflowRestClient {
    /** MLflow's per-request limits of runs/log-batch. */
    static final int MAX_METRICS = 1000;
    static final int MAX_PARAMS = 100;
    static final int MAX_TAGS = 100;
    static final int MAX_ENTITIES = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final long deadlineNanos;
    private final HttpClient http;

    /** A created run: its id and where its artifacts go. */
    record Run(String id, String artifactUri) { }

    MlflowRestClient(URI trackingUri, Map<String, String> env, Duration timeout) {
        String b = trackingUri.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.authorization = authorization(env);
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static String authorization(Map<String, String> env) {
        String token = env.get("MLFLOW_TRACKING_TOKEN");
        if (token != null && !token.isBlank()) return "Bearer " + token;
        String user = env.get("MLFLOW_TRACKING_USERNAME");
        String password = env.get("MLFLOW_TRACKING_PASSWORD");
        if (user != null && password != null) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** The id of the experiment called {@code name}, created when there is none (as mlflow.set_experiment does). */
    String experimentId(String name) throws IOException, InterruptedException {
        try {
            return get("api/2.0/mlflow/experiments/get-by-name?experiment_name=" + encode(name))
                    .path("experiment").path("experiment_id").asText();
        } catch (MlflowException e) {
            if (!e.is("RESOURCE_DOES_NOT_EXIST")) throw e;
        }
        ObjectNode body = JSON.createObjectNode().put("name", name);
        try {
            return post("api/2.0/mlflow/experiments/create", body).path("experiment_id").asText();
        } catch (MlflowException e) {
            if (!e.is("RESOURCE_ALREADY_EXISTS")) throw e; // another run created it meanwhile
            return get("api/2.0/mlflow/experiments/get-by-name?experiment_name=" + encode(name))
                    .path("experiment").path("experiment_id").asText();
        }
    }

    /** Whether a run with this id exists (a parent run that is gone is replaced by a root run, as AIPerf does). */
    boolean runExists(String runId) throws IOException, InterruptedException {
        try {
            get("api/2.0/mlflow/runs/get?run_id=" + encode(runId));
            return true;
        } catch (MlflowException e) {
            if (e.is("RESOURCE_DOES_NOT_EXIST")) return false;
            throw e;
        }
    }

    Run createRun(String experimentId, String runName, String user, long startMillis, Map<String, String> tags)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("experiment_id", experimentId).put("run_name", runName)
                .put("start_time", startMillis);
        if (user != null) body.put("user_id", user);
        body.set("tags", pairs(tags));
        JsonNode info = post("api/2.0/mlflow/runs/create", body).path("run").path("info");
        String id = info.path("run_id").asText("");
        if (id.isEmpty()) throw new IOException("runs/create answered without a run id");
        return new Run(id, info.path("artifact_uri").asText(""));
    }

    /** Logs everything, split into batches within MLflow's limits. */
    void logBatch(String runId, Map<String, Double> metrics, Map<String, String> params, Map<String, String> tags, long timestampMillis)
            throws IOException, InterruptedException {
        List<Map.Entry<String, Double>> m = new ArrayList<>(metrics.entrySet());
        List<Map.Entry<String, String>> p = new ArrayList<>(params.entrySet());
        List<Map.Entry<String, String>> t = new ArrayList<>(tags.entrySet());
        int mi = 0, pi = 0, ti = 0;
        while (mi < m.size() || pi < p.size() || ti < t.size()) {
            ObjectNode body = JSON.createObjectNode().put("run_id", runId);
            ArrayNode ms = body.putArray("metrics");
            ArrayNode ps = body.putArray("params");
            ArrayNode ts = body.putArray("tags");
            int room = MAX_ENTITIES;
            for (int n = 0; mi < m.size() && n < MAX_METRICS && room > 0; n++, mi++, room--) {
                ms.addObject().put("key", m.get(mi).getKey()).put("value", m.get(mi).getValue()).put("timestamp", timestampMillis).put("step", 0);
            }
            for (int n = 0; pi < p.size() && n < MAX_PARAMS && room > 0; n++, pi++, room--) {
                ps.addObject().put("key", p.get(pi).getKey()).put("value", p.get(pi).getValue());
            }
            for (int n = 0; ti < t.size() && n < MAX_TAGS && room > 0; n++, ti++, room--) {
                ts.addObject().put("key", t.get(ti).getKey()).put("value", t.get(ti).getValue());
            }
            post("api/2.0/mlflow/runs/log-batch", body);
        }
    }

    /** Ends the run: FINISHED, or FAILED when the upload broke off (as a failed {@code with mlflow.start_run()} does). */
    void endRun(String runId, boolean finished, long endMillis) throws IOException, InterruptedException {
        post("api/2.0/mlflow/runs/update", JSON.createObjectNode().put("run_id", runId).put("status", finished ? "FINISHED" : "FAILED")
                .put("end_time", endMillis));
    }

    /**
     * Uploads {@code file} to {@code <artifactUri>/<artifactPath>/<name>}: through the tracking server's artifact proxy
     * for {@code mlflow-artifacts:} URIs, or by PUT to an http(s) artifact URI. Any other store (s3:, a path on the
     * server) would need that store's own client, so it is refused with the fix.
     */
    void uploadArtifact(String artifactUri, String artifactPath, Path file) throws IOException, InterruptedException {
        URI target = artifactTarget(artifactUri, artifactPath + "/" + file.getFileName());
        HttpRequest.Builder b = request(target).header("Content-Type", dev.redline.runner.output.ObjectStoreUploader.contentType(file.getFileName().toString()))
                .PUT(HttpRequest.BodyPublishers.ofFile(file));
        send(b.build(), "PUT " + artifactPath + "/" + file.getFileName());
    }

    URI artifactTarget(String artifactUri, String relative) {
        String encoded = encodePath(relative);
        if (artifactUri.startsWith("mlflow-artifacts:")) {
            URI u = URI.create(artifactUri);
            String path = u.getRawPath() == null ? "" : u.getRawPath().replaceFirst("^/+", "");
            return base.resolve("api/2.0/mlflow-artifacts/artifacts/" + (path.isEmpty() ? "" : path + "/") + encoded);
        }
        if (artifactUri.startsWith("http://") || artifactUri.startsWith("https://")) {
            return URI.create(artifactUri.endsWith("/") ? artifactUri + encoded : artifactUri + "/" + encoded);
        }
        throw new MlflowException(0, "ARTIFACT_STORE_NOT_PROXIED", "the server keeps this run's artifacts at '" + artifactUri
                + "', which Redline cannot write; start the server with artifact proxying (mlflow server --serve-artifacts,"
                + " the default since MLflow 2.0); the metrics, parameters and tags are logged");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(base.resolve(path)).GET().build(), "GET " + path.replaceFirst("\\?.*", ""));
    }

    private JsonNode post(String path, ObjectNode body) throws IOException, InterruptedException {
        return send(request(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(), "POST " + path);
    }

    private HttpRequest.Builder request(URI uri) throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) throw new java.net.http.HttpTimeoutException("the upload ran out of time");
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left));
        if (authorization != null) b.header("Authorization", authorization);
        return b;
    }

    /** The JSON answer of a 2xx; MlflowException with MLflow's error_code and message otherwise. */
    private JsonNode send(HttpRequest request, String what) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = r.body();
        JsonNode json;
        try {
            json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (r.statusCode() / 100 == 2) {
            if (json == null) throw new IOException(what + " answered HTTP " + r.statusCode() + " with a body that is not JSON");
            return json;
        }
        String code = json == null ? "" : json.path("error_code").asText("");
        String message = json == null ? new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8) : json.path("message").asText("");
        throw new MlflowException(r.statusCode(), code, what + ": HTTP " + r.statusCode() + (code.isEmpty() ? "" : " " + code)
                + (message.isBlank() ? "" : " " + message.strip().replaceAll("\\s*\\R\\s*", " ")));
    }

    private static ArrayNode pairs(Map<String, String> m) {
        ArrayNode a = JSON.createArrayNode();
        m.forEach((k, v) -> a.addObject().put("key", k).put("value", v));
        return a;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (sb.length() > 0) sb.append('/');
            sb.append(encode(seg).replace("+", "%20"));
        }
        return sb.toString();
    }
}
