package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.mock.fault.FaultKind;
import dev.redline.runner.mock.fault.FaultSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --fault and --mock-config on mock-server and profile --mock-server: one mixin, same checks, exit 2 on bad input. */
class MockFaultFlagsTest {
    @TempDir Path dir;

    private static CliRun mockServer(String... args) {
        CliRun r = CliRun.of(new CommandLine(new MockServerCommand()), args);
        return new CliRun(r.code(), r.out(), r.err().trim());
    }

    private static void assertOneLine(CliRun r, String fragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(r.err().contains(fragment), "'" + fragment + "' not in: " + r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nope:0.1         | --fault 'nope:0.1': unknown fault kind 'nope'; use one of 429, 5xx, storm, reset, slow-headers",
            "429:1.5          | --fault '429:1.5': rate 1.5 is not a fraction; use 0..1",
            "429:NaN          | rate NaN is not a fraction",
            "429:-1           | rate -1 is not a fraction",
            "stall:0.1:x=1    | stall takes after-tokens, stall-s, start-s, duration-s; not 'x'",
            "stall:0.1:stall-s=-2 | stall-s=-2 is not valid",
            "storm            | storm needs a window: add duration-s=SECONDS"})
    void badFaultExitsTwoWithOneLine(String fault, String fragment) {
        assertOneLine(mockServer("--fault", fault), fragment);
    }

    @Test
    void ratesAddingUpToMoreThanOneAreBadInput() {
        assertOneLine(mockServer("--fault", "429:0.6", "--fault", "5xx:0.6"), "the fault rates add up to 1.20");
        assertOneLine(mockServer("--error-rate", "0.5", "--fault", "429:0.6"), "--error-rate/--fault: the fault rates add up to 1.10");
    }

    @Test
    void mockConfigFileErrorsNameTheFileAndEntry() throws Exception {
        assertOneLine(mockServer("--mock-config", dir.resolve("missing.yaml").toString()), "cannot read");
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "engine: sim\n");
        assertOneLine(mockServer("--mock-config", unknown.toString()), "unknown key 'engine'; this file takes faults:");
        Path noKind = Files.writeString(dir.resolve("nokind.yaml"), "faults:\n  - {rate: 0.1}\n");
        assertOneLine(mockServer("--mock-config", noKind.toString()), "faults[0] has no kind; use one of 429");
        Path badRate = Files.writeString(dir.resolve("rate.yaml"), "faults:\n  - {kind: 429}\n  - {kind: stall, rate: NaN}\n");
        assertOneLine(mockServer("--mock-config", badRate.toString()), "rate.yaml: faults[1]: rate NaN is not a fraction");
        Path notYaml = Files.writeString(dir.resolve("bad.yaml"), "faults: [\n");
        assertOneLine(mockServer("--mock-config", notYaml.toString()), "not valid YAML");
    }

    @Test
    void fileThenFlagsBecomeTheServersFaults() throws Exception {
        Path file = Files.writeString(dir.resolve("mock.yaml"), """
                faults:
                  - kind: 429
                    rate: 0.05
                    retry_after_s: 3
                  - {kind: storm, startS: 10, duration-s: 5}
                """);
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs("--mock-config", file.toString(), "--fault", "stall:0.1:stall-s=30");
        List<FaultSpec> faults = command.options().faults();
        assertEquals(List.of(FaultKind.RATE_LIMITED, FaultKind.STORM, FaultKind.STALL), faults.stream().map(FaultSpec::kind).toList());
        assertEquals(3, faults.get(0).count("retry-after-s"));
        assertEquals(10.0, faults.get(1).number("start-s"));
        assertEquals(30.0, faults.get(2).number("stall-s"));
    }

    @Test
    void helpListsEveryKind() {
        String description = String.join(" ", new CommandLine(new MockServerCommand()).getCommandSpec()
                .findOption("--fault").description());
        for (FaultKind k : FaultKind.values()) assertTrue(description.contains(k.wireName()), k + " missing from --fault help");
    }

    @Test
    void profileTakesTheFlagsOnlyWithTheBuiltInMock() {
        CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-m", "m", "--fault", "429:0.1");
        assertEquals(2, r.code(), r.err());
        assertEquals("redline: --fault and --mock-config configure the built-in mock server; add --mock-server", r.err().trim());
        r = CliRun.of(RedlineCli.commandLine(), "profile", "--mock-server", "--fault", "429:2");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().trim().startsWith("redline: --fault '429:2': rate 2 is not a fraction"), r.err());
    }

    /** The whole path: profile --mock-server --fault, exit 0, and the server's own fault counter equals the errors. */
    @Test
    void profileWithTheBuiltInMockCountsExactlyWhatItInjected() throws Exception {
        Path out = dir.resolve("run");
        int code = RedlineCli.execute("profile", "--mock-server", "--fault", "stream-cut:0.25:after-tokens=1", "--streaming",
                "--request-count", "40", "--concurrency", "4", "--isl", "8", "--osl", "4", "--random-seed", "5",
                "--ui-type", "none", "--no-gpu-telemetry", "--artifact-dir", out.toString());
        assertEquals(0, code);
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = json.readTree(out.resolve("profile_export_redline.json").toFile());
        JsonNode errors = summary.get("error_summary");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("StreamTruncated", errors.at("/0/error_details/type").asText());
        long truncated = errors.at("/0/count").asLong();
        assertTrue(truncated > 0);
        JsonNode injected = json.readTree(out.resolve("server_metrics_export.json").toFile())
                .at("/metrics/redline_mock_faults_injected_total/series");
        long cut = 0;
        for (JsonNode s : injected) if (s.at("/labels/kind").asText().equals("stream-cut")) cut = s.at("/stats/total").asLong();
        assertEquals(truncated, cut, "the mock's /metrics counter, scraped by the run");
    }

    @Test
    void mockServerLogsTheInjectedTotals() throws Exception {
        try (MockServer server = MockServer.start(new MockServerOptions().faults(List.of(FaultSpec.parse("5xx:1"))).eventLoops(1))) {
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text, true);
            FaultLog log = FaultLog.start(server, out);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/v1/completions"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\",\"max_tokens\":1}")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            }
            log.finish();
            assertTrue(text.toString().startsWith("Injecting faults (seed 0): 5xx:1.0:status=500,start-s=0"), text.toString());
            assertTrue(text.toString().endsWith("faults injected: 5xx=3" + System.lineSeparator()), text.toString());
        }
    }
}
