package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.profile.ProfileRun;
import dev.redline.runner.profile.RunOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kserve over grpc:// and dynamic_grpc end to end over loopback: {@link ProfileRun} against the mock's KServe v2
 * gRPC service ({@code --grpc-port}), which refuses any request that is not a TensorRT-LLM model's shape (so a
 * clean run proves the tensors), paces its answers with ttft/itl, and the run's metrics come from the gRPC
 * messages' arrival times (TTFT: first streamed response; ITL: the gaps).
 */
class GrpcEndpointTypesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 6;
    private static final double TTFT_MS = 20;
    private static MockServer mock;
    @TempDir Path dir;

    @BeforeAll
    static void start() {
        mock = MockServer.start(new MockServerOptions().ttftMs(TTFT_MS).itlMs(2).grpcPort(0));
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @Test
    void kserveOverGrpcModelInfer() throws Exception {
        long completed = mock.metrics().requestsCompleted();
        JsonNode json = profile("""
                models: [mock-model]
                endpoint: {type: kserve, url: '%s'}
                dataset: {entries: 3, prompts: {isl: 16, osl: 8}}
                phases: [{concurrency: 2, requests: %d}]
                """.formatted(mock.grpcBaseUrl(), REQUESTS));
        assertClean(json);
        assertEquals(completed + REQUESTS, mock.metrics().requestsCompleted(), "every request was served by the gRPC service");
        assertTrue(json.at("/output_sequence_length/avg").asDouble() > 0, "text_output read: " + json.path("output_sequence_length"));
        assertTrue(json.path("time_to_first_token").isMissingNode(), "no TTFT without streaming");
        assertTrue(json.at("/request_latency/min").asDouble() >= TTFT_MS - 1, "latency below the mock's ttft: " + json.at("/request_latency"));
    }

    @Test
    void kserveOverGrpcModelStreamInferMeasuresEachStreamedResponse() throws Exception {
        JsonNode json = profile("""
                models: [mock-model]
                endpoint: {type: kserve, url: '%s', streaming: true}
                dataset: {entries: 3, prompts: {isl: 16, osl: 8}}
                phases: [{concurrency: 2, requests: %d}]
                """.formatted(mock.grpcBaseUrl(), REQUESTS));
        assertClean(json);
        assertTrue(json.at("/time_to_first_token/min").asDouble() >= TTFT_MS - 1, "TTFT from the first response: " + json.path("time_to_first_token"));
        // 8 tokens at 2 ms: the last one at least 14 ms after the first
        assertTrue(json.at("/request_latency/min").asDouble() >= json.at("/time_to_first_token/min").asDouble() + 10,
                "the stream spans the tokens: " + json.path("request_latency"));
        assertTrue(json.at("/inter_token_latency/avg").asDouble() > 0, "ITL from the gaps: " + json.path("inter_token_latency"));
        assertTrue(json.at("/output_sequence_length/avg").asDouble() >= 4, "streamed text counted: " + json.path("output_sequence_length"));
    }

    @Test
    void dynamicGrpcCallsAMethodOfAUserDescriptorSet() throws Exception {
        Path set = descriptorSet();
        for (String method : new String[] {"ModelInfer", "ModelStreamInfer"}) {
            boolean stream = method.equals("ModelStreamInfer");
            String field = stream ? "infer_response.outputs[0].contents.bytes_contents" : "outputs[0].contents.bytes_contents";
            long completed = mock.metrics().requestsCompleted();
            JsonNode json = profile("""
                    models: [mock-model]
                    endpoint: {type: dynamic_grpc, url: '%s', streaming: %s, grpcMethod: inference.GRPCInferenceService/%s,
                      grpcDescriptorSet: '%s', extraInputs: {response_field: '%s'}}
                    dataset: {inputFile: '%s', customDatasetType: single_turn}
                    phases: [{concurrency: 1, requests: 3}]
                    """.formatted(mock.grpcBaseUrl(), stream, method, set, field, requestsFile()));
            assertClean(json);
            assertEquals(completed + 3, mock.metrics().requestsCompleted(), method);
        }
    }

    @Test
    void anUnreachableGrpcServerIsRefusedBeforeAnyRequest() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        BenchmarkSpec spec = SpecReader.read("""
                models: [mock-model]
                endpoint: {type: kserve, url: 'grpc://127.0.0.1:%d'}
                dataset: {entries: 1, prompts: {isl: 8, osl: 4}}
                phases: [{concurrency: 1, requests: 1}]
                """.formatted(closed), "t.yaml");
        spec.artifacts().setDir(dir.toString());
        BadInputException e = assertThrows(BadInputException.class, () -> new ProfileRun(spec, new RunOptions("none", "warn", false),
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)).run());
        assertTrue(e.getMessage().startsWith("cannot connect to grpc://127.0.0.1:" + closed), e.getMessage());
    }

    @Test
    void aBadDescriptorSetOrMethodIsRefusedBeforeAnyRequest() throws Exception {
        long before = mock.metrics().requestsReceived();
        Path set = descriptorSet();
        String[][] cases = {
            {dir.resolve("missing.pb").toString(), "inference.GRPCInferenceService/ModelInfer", "--grpc-descriptor-set: cannot read"},
            {set.toString(), "inference.GRPCInferenceService/Nope", "--grpc-method: service inference.GRPCInferenceService has no method Nope"},
            {set.toString(), "other.Service/ModelInfer", "--grpc-method: " + set + " defines no service other.Service"},
        };
        for (String[] c : cases) {
            BenchmarkSpec spec = SpecReader.read("""
                    models: [mock-model]
                    endpoint: {type: dynamic_grpc, url: '%s', grpcMethod: '%s', grpcDescriptorSet: '%s'}
                    """.formatted(mock.grpcBaseUrl(), c[1], c[0]), "t.yaml");
            spec.artifacts().setDir(dir.toString());
            BadInputException e = assertThrows(BadInputException.class, () -> new ProfileRun(spec, new RunOptions("none", "warn", false),
                    new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)).run());
            assertTrue(e.getMessage().startsWith(c[2]), e.getMessage());
        }
        assertEquals(before, mock.metrics().requestsReceived());
    }

    @Test
    void aCallPastTheRequestTimeoutIsDeadlineExceeded() throws Exception {
        try (MockServer slow = MockServer.start(new MockServerOptions().ttftMs(3000).grpcPort(0))) {
            BenchmarkSpec spec = SpecReader.read("""
                    models: [mock-model]
                    endpoint: {type: kserve, url: '%s', timeoutSeconds: 0.3}
                    dataset: {entries: 1, prompts: {isl: 8, osl: 4}}
                    phases: [{concurrency: 1, requests: 2}]
                    """.formatted(slow.grpcBaseUrl()), "t.yaml");
            JsonNode json = run(spec);
            assertEquals(2, json.at("/error_request_count/avg").asInt(), json.toString());
            assertTrue(json.path("error_summary").toString().contains("StatusCode.DEADLINE_EXCEEDED"), json.path("error_summary").toString());
        }
    }

    /** The in-code KServe descriptor written as protoc --descriptor_set_out would. */
    private Path descriptorSet() throws Exception {
        Path f = dir.resolve("kserve.pb");
        Files.write(f, FileDescriptorSet.newBuilder().addFile(KServeProto.fileProto()).build().toByteArray());
        return f;
    }

    /** Turns whose text is the request message as JSON (tensor names as a TensorRT-LLM model takes them). */
    private Path requestsFile() throws Exception {
        String request = "{\"model_name\": \"mock-model\", \"inputs\": ["
                + "{\"name\": \"text_input\", \"datatype\": \"BYTES\", \"shape\": [1], \"contents\": {\"bytes_contents\": [\"hello there\"]}},"
                + "{\"name\": \"max_tokens\", \"datatype\": \"INT32\", \"shape\": [1], \"contents\": {\"int_contents\": [5]}}]}";
        Path f = dir.resolve("requests.jsonl");
        Files.writeString(f, JSON.writeValueAsString(JSON.createObjectNode().put("text", request)) + "\n");
        return f;
    }

    private JsonNode profile(String yaml) throws Exception {
        long badBefore = mock.metrics().badRequests();
        JsonNode json = run(SpecReader.read(yaml, "test.yaml"));
        assertEquals(badBefore, mock.metrics().badRequests(), "the mock refused a request");
        return json;
    }

    private JsonNode run(BenchmarkSpec spec) throws Exception {
        Path out = Files.createTempDirectory(dir, "run");
        spec.artifacts().setDir(out.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new ProfileRun(spec, new RunOptions("none", "warn", false), new PrintStream(console, true, StandardCharsets.UTF_8)).run();
        Path export = out.resolve("profile_export_redline.json");
        assertTrue(Files.exists(export), console.toString(StandardCharsets.UTF_8));
        return JSON.readTree(export.toFile());
    }

    private static void assertClean(JsonNode json) {
        assertTrue(json.path("error_request_count").isMissingNode() || json.at("/error_request_count/avg").asInt() == 0,
                "errors: " + json.path("error_summary"));
        assertTrue(json.at("/request_count/avg").asInt() > 0);
        assertTrue(json.at("/request_throughput/avg").asDouble() > 0);
        assertFalse(json.toString().contains("NaN"));
    }
}
