package dev.redline.runner.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The subset of MLflow's tracking REST API (api/2.0/mlflow) and artifact proxy (api/2.0/mlflow-artifacts) the
 * upload calls, over loopback, as strict as MLflow about what it takes: required fields, field types, the per-batch
 * limits of log-batch, immutable params, logging only to RUNNING runs, a known experiment. It keeps what was stored
 * and every request (method, path, Authorization header) for the tests to read.
 */
public final class MlflowTestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored run. */
    public static final class StoredRun {
        public final String id;
        public final String experimentId;
        public final String name;
        public volatile String status = "RUNNING";
        public volatile Long endTime;
        public final Map<String, String> tags = new ConcurrentHashMap<>();
        public final Map<String, Double> metrics = new ConcurrentHashMap<>();
        public final Map<String, String> params = new ConcurrentHashMap<>();
        public final Map<String, byte[]> artifacts = new ConcurrentHashMap<>();

        StoredRun(String id, String experimentId, String name) {
            this.id = id;
            this.experimentId = experimentId;
            this.name = name;
        }
    }

    /** One request: method, path (with query) and its Authorization header (or null). */
    public record Request(String method, String path, String authorization) { }

    private final HttpServer server;
    private final Map<String, String> experiments = new ConcurrentHashMap<>(); // name -> id
    private final Map<String, StoredRun> runs = new ConcurrentHashMap<>();
    private final List<String> createdExperiments = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String artifactRoot = "mlflow-artifacts:";
    private volatile Predicate<String> failing = p -> false;

    private MlflowTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static MlflowTestServer start() throws IOException {
        return new MlflowTestServer();
    }

    public String uri() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    /** Runs of new experiments get artifact URIs under this root instead of the proxy's (e.g. s3://bucket). */
    public MlflowTestServer artifactRoot(String root) {
        this.artifactRoot = root;
        return this;
    }

    /** Requests whose path matches answer HTTP 500 INTERNAL_ERROR. */
    public MlflowTestServer failing(Predicate<String> paths) {
        this.failing = paths;
        return this;
    }

    public List<String> createdExperiments() { return List.copyOf(createdExperiments); }

    public List<Request> requests() { return List.copyOf(requests); }

    public String experimentId(String name) { return experiments.get(name); }

    public List<StoredRun> runs() {
        List<StoredRun> out = new ArrayList<>(runs.values());
        out.sort(java.util.Comparator.comparing(r -> r.id));
        return out;
    }

    public StoredRun run(String id) { return runs.get(id); }

    /** A run made by someone else (e.g. the parent of a sweep's runs). */
    public String createRunDirectly(String experiment, String name) {
        return createRunDirectly(experiment, name, UUID.randomUUID().toString().replace("-", ""));
    }

    /** The same with a given run id (e.g. the one a doc's command line names). */
    public String createRunDirectly(String experiment, String name, String id) {
        String exp = experiments.computeIfAbsent(experiment, n -> String.valueOf(experiments.size() + 1));
        StoredRun r = new StoredRun(id, exp, name);
        runs.put(r.id, r);
        return r.id;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        requests.add(new Request(ex.getRequestMethod(), path + (query == null ? "" : "?" + query), ex.getRequestHeaders().getFirst("Authorization")));
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (failing.test(path)) throw new Failure(500, "INTERNAL_ERROR", "injected failure");
            JsonNode answer = route(ex.getRequestMethod(), path, query(query), body, ex.getRequestHeaders().getFirst("Content-Type"));
            send(ex, 200, answer);
        } catch (Failure f) {
            send(ex, f.status, JSON.createObjectNode().put("error_code", f.code).put("message", f.getMessage()));
        }
    }

    private JsonNode route(String method, String path, Map<String, String> q, byte[] body, String contentType) {
        String api = "/api/2.0/mlflow/";
        String artifacts = "/api/2.0/mlflow-artifacts/artifacts/";
        if (path.startsWith(artifacts) && method.equals("PUT")) return putArtifact(URLDecoder.decode(path.substring(artifacts.length()), StandardCharsets.UTF_8), body);
        if (!path.startsWith(api)) throw new Failure(404, "ENDPOINT_NOT_FOUND", "no such endpoint " + path);
        String call = method + " " + path.substring(api.length());
        if (!call.startsWith("GET ") && (contentType == null || !contentType.startsWith("application/json"))) {
            throw new Failure(400, "BAD_REQUEST", "expected a JSON body");
        }
        return switch (call) {
            case "GET experiments/get-by-name" -> getExperiment(required(q, "experiment_name"));
            case "POST experiments/create" -> createExperiment(json(body));
            case "GET runs/get" -> getRun(required(q, "run_id"));
            case "POST runs/create" -> createRun(json(body));
            case "POST runs/log-batch" -> logBatch(json(body));
            case "POST runs/update" -> updateRun(json(body));
            default -> throw new Failure(404, "ENDPOINT_NOT_FOUND", "no such endpoint " + call);
        };
    }

    private JsonNode getExperiment(String name) {
        String id = experiments.get(name);
        if (id == null) throw new Failure(404, "RESOURCE_DOES_NOT_EXIST", "Could not find experiment with name '" + name + "'");
        ObjectNode o = JSON.createObjectNode();
        o.putObject("experiment").put("experiment_id", id).put("name", name).put("artifact_location", artifactRoot + "/" + id)
                .put("lifecycle_stage", "active");
        return o;
    }

    private JsonNode createExperiment(JsonNode b) {
        String name = text(b, "name");
        synchronized (experiments) {
            if (experiments.containsKey(name)) throw new Failure(400, "RESOURCE_ALREADY_EXISTS", "Experiment '" + name + "' already exists.");
            String id = String.valueOf(experiments.size() + 1);
            experiments.put(name, id);
            createdExperiments.add(name);
            return JSON.createObjectNode().put("experiment_id", id);
        }
    }

    private JsonNode getRun(String id) {
        StoredRun r = runs.get(id);
        if (r == null) throw new Failure(404, "RESOURCE_DOES_NOT_EXIST", "Run with id=" + id + " not found");
        ObjectNode o = JSON.createObjectNode();
        info(o.putObject("run").putObject("info"), r);
        return o;
    }

    private JsonNode createRun(JsonNode b) {
        String exp = text(b, "experiment_id");
        if (!experiments.containsValue(exp)) throw new Failure(404, "RESOURCE_DOES_NOT_EXIST", "No Experiment with id=" + exp + " exists");
        if (b.has("start_time") && !b.get("start_time").canConvertToLong()) throw new Failure(400, "INVALID_PARAMETER_VALUE", "start_time must be an integer");
        String name = b.path("run_name").asText(null);
        StoredRun r = new StoredRun(UUID.randomUUID().toString().replace("-", ""), exp, name);
        for (JsonNode t : b.path("tags")) r.tags.put(text(t, "key"), text(t, "value"));
        if (name != null) {
            String tagged = r.tags.get("mlflow.runName");
            if (tagged != null && !tagged.equals(name)) throw new Failure(400, "INVALID_PARAMETER_VALUE", "run_name and the mlflow.runName tag differ");
            r.tags.put("mlflow.runName", name);
        }
        runs.put(r.id, r);
        ObjectNode o = JSON.createObjectNode();
        info(o.putObject("run").putObject("info"), r);
        return o;
    }

    private void info(ObjectNode info, StoredRun r) {
        info.put("run_id", r.id).put("run_uuid", r.id).put("experiment_id", r.experimentId).put("run_name", r.name)
                .put("status", r.status).put("lifecycle_stage", "active")
                .put("artifact_uri", artifactRoot + "/" + r.experimentId + "/" + r.id + "/artifacts");
    }

    private JsonNode logBatch(JsonNode b) {
        StoredRun r = active(text(b, "run_id"));
        JsonNode ms = b.path("metrics"), ps = b.path("params"), ts = b.path("tags");
        if (ms.size() > 1000 || ps.size() > 100 || ts.size() > 100 || ms.size() + ps.size() + ts.size() > 1000) {
            throw new Failure(400, "INVALID_PARAMETER_VALUE", "A batch logging request can contain at most 1000 metrics, 100 params, 100 tags and 1000 entities");
        }
        for (JsonNode m : ms) {
            String key = text(m, "key");
            if (!m.path("value").isNumber()) throw new Failure(400, "INVALID_PARAMETER_VALUE", "metric " + key + " has no numeric value");
            if (!m.path("timestamp").canConvertToLong() || !m.path("timestamp").isIntegralNumber()) {
                throw new Failure(400, "INVALID_PARAMETER_VALUE", "metric " + key + " has no integer timestamp");
            }
            r.metrics.put(key, m.get("value").asDouble());
        }
        for (JsonNode p : ps) {
            String key = text(p, "key"), value = text(p, "value");
            String old = r.params.putIfAbsent(key, value);
            if (old != null && !old.equals(value)) throw new Failure(400, "INVALID_PARAMETER_VALUE", "Changing param values is not allowed: " + key);
        }
        for (JsonNode t : ts) r.tags.put(text(t, "key"), text(t, "value"));
        return JSON.createObjectNode();
    }

    private JsonNode updateRun(JsonNode b) {
        StoredRun r = runs.get(text(b, "run_id"));
        if (r == null) throw new Failure(404, "RESOURCE_DOES_NOT_EXIST", "no run " + b.path("run_id").asText());
        String status = b.path("status").asText("");
        if (!Set.of("RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED").contains(status)) {
            throw new Failure(400, "INVALID_PARAMETER_VALUE", "invalid status '" + status + "'");
        }
        r.status = status;
        if (b.has("end_time")) r.endTime = b.get("end_time").asLong();
        ObjectNode o = JSON.createObjectNode();
        info(o.putObject("run_info"), r);
        return o;
    }

    /** {@code <experiment>/<run>/artifacts/<path>}: the run must exist and be RUNNING. */
    private JsonNode putArtifact(String path, byte[] body) {
        String[] parts = path.split("/", 4);
        if (parts.length < 4 || !parts[2].equals("artifacts") || parts[3].isEmpty()) throw new Failure(400, "INVALID_PARAMETER_VALUE", "bad artifact path " + path);
        StoredRun r = active(parts[1]);
        if (!r.experimentId.equals(parts[0])) throw new Failure(400, "INVALID_PARAMETER_VALUE", "run " + parts[1] + " is not in experiment " + parts[0]);
        r.artifacts.put(parts[3], body);
        return JSON.createObjectNode();
    }

    private StoredRun active(String id) {
        StoredRun r = runs.get(id);
        if (r == null) throw new Failure(404, "RESOURCE_DOES_NOT_EXIST", "Run with id=" + id + " not found");
        if (!r.status.equals("RUNNING")) throw new Failure(400, "INVALID_STATE", "The run " + id + " must be in the 'active' state");
        return r;
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) throw new Failure(400, "MALFORMED_REQUEST", "the body is not a JSON object");
            return n;
        } catch (IOException e) {
            throw new Failure(400, "MALFORMED_REQUEST", "the body is not JSON");
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new Failure(400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter '" + field + "'");
        }
        return v.asText();
    }

    private static String required(Map<String, String> q, String field) {
        String v = q.get(field);
        if (v == null || v.isEmpty()) throw new Failure(400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter '" + field + "'");
        return v;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) return q;
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) q.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class Failure extends RuntimeException {
        final int status;
        final String code;

        Failure(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
