package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one benchmark model: the Benchmark CR's spec, the YAML of {@code redline profile -f}, and the
 * target of every CLI flag (flags override the file). Shaped like AIPerf's YAML {@code benchmark} body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"models", "modelSelectionStrategy", "endpoint", "tokenizer", "dataset", "sessions", "phases", "goodput", "randomSeed", "artifacts", "telemetry", "networkLatency", "otel", "plot", "runtime"})
@ValidationRule(value = "!has(self.phases) || size(self.phases) == 0 || self.phases.exists(p, !has(p.kind) || p.kind == 'profiling')",
        message = "no profiling phase; add a phase with kind: profiling", fieldPath = ".phases")
@ValidationRule(value = "!has(self.phases) || self.phases.all(p, !has(p.prefillConcurrency)) || (has(self.endpoint) && has(self.endpoint.streaming) && self.endpoint.streaming)",
        message = "phases[].prefillConcurrency needs streaming responses (first-token time); set endpoint.streaming or remove it", fieldPath = ".phases")
@ValidationRule(value = "!has(self.phases) || self.phases.all(p, self.phases.exists_one(q, (has(q.name) ? q.name : (has(q.kind) ? q.kind : 'profiling')).lowerAscii() == (has(p.name) ? p.name : (has(p.kind) ? p.kind : 'profiling')).lowerAscii()))",
        message = "phases[].name must be unique (an unnamed phase is named after its kind); give each phase its own name", fieldPath = ".phases")
public class BenchmarkSpec {
    /** Per-record metrics a goodput SLO may name (AIPerf tags), comma-separated; the schema and GoodputRules share it. */
    public static final String GOODPUT_METRICS = "time_to_first_token,time_to_second_token,time_to_first_output_token,request_latency,"
            + "inter_token_latency,output_token_throughput_per_user,output_sequence_length,input_sequence_length,"
            + "inter_chunk_latency,effective_latency";

    @JsonPropertyDescription("Model names sent in the request body; several are used per modelSelectionStrategy.")
    @JsonAlias("model")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @Required
    @Size(min = 1, max = 64)
    @ValidationRule(value = "self.all(m, size(m) > 0)", message = "model names must not be empty")
    private List<String> models;

    @JsonPropertyDescription("round_robin (default) or random choice among models.")
    @Pattern("^(round_robin|random)$")
    private String modelSelectionStrategy;

    @JsonPropertyDescription("The server and API under test.")
    private EndpointSpec endpoint;

    @JsonPropertyDescription("Tokenizer for prompt synthesis and token counting.")
    private TokenizerSpec tokenizer;

    @JsonPropertyDescription("Prompt source.")
    private DatasetSpec dataset;

    @JsonPropertyDescription("Multi-turn session shape (turns, turn delays) and user-centric prompt layout.")
    private SessionsSpec sessions;

    @JsonPropertyDescription("Load phases in order: typically an optional warmup, then profiling.")
    @Size(max = 32)
    private List<PhaseSpec> phases;

    @JsonPropertyDescription("Goodput SLOs: metric tag to threshold in display units, e.g. time_to_first_token: 200 (ms).")
    @JsonAlias("slos")
    @Size(max = 16)
    @ValidationRule(value = "self.all(k, k in '" + GOODPUT_METRICS + "'.split(','))",
            message = "unknown goodput metric; use " + GOODPUT_METRICS)
    @ValidationRule(value = "self.all(k, self[k] >= 0.0)", message = "goodput thresholds must be >= 0")
    private Map<String, Double> goodput;

    @JsonPropertyDescription("Seed for every random choice (prompts, lengths, arrivals), for reproducible runs.")
    private Long randomSeed;

    @JsonPropertyDescription("Output files.")
    private ArtifactsSpec artifacts;

    public List<String> getModels() { return models; }
    public void setModels(List<String> models) { this.models = models; }
    public String getModelSelectionStrategy() { return modelSelectionStrategy; }
    public void setModelSelectionStrategy(String modelSelectionStrategy) { this.modelSelectionStrategy = modelSelectionStrategy; }
    public EndpointSpec getEndpoint() { return endpoint; }
    public void setEndpoint(EndpointSpec endpoint) { this.endpoint = endpoint; }
    public TokenizerSpec getTokenizer() { return tokenizer; }
    public void setTokenizer(TokenizerSpec tokenizer) { this.tokenizer = tokenizer; }
    public DatasetSpec getDataset() { return dataset; }
    public void setDataset(DatasetSpec dataset) { this.dataset = dataset; }
    public SessionsSpec getSessions() { return sessions; }
    public void setSessions(SessionsSpec sessions) { this.sessions = sessions; }
    public List<PhaseSpec> getPhases() { return phases; }
    public void setPhases(List<PhaseSpec> phases) { this.phases = phases; }
    public Map<String, Double> getGoodput() { return goodput; }
    public void setGoodput(Map<String, Double> goodput) { this.goodput = goodput; }
    public Long getRandomSeed() { return randomSeed; }
    public void setRandomSeed(Long randomSeed) { this.randomSeed = randomSeed; }
    public ArtifactsSpec getArtifacts() { return artifacts; }
    public void setArtifacts(ArtifactsSpec artifacts) { this.artifacts = artifacts; }

    /** Returns the endpoint, creating it so that callers (CLI overrides) can fill it in. */
    public EndpointSpec endpoint() {
        if (endpoint == null) endpoint = new EndpointSpec();
        return endpoint;
    }

    public DatasetSpec dataset() {
        if (dataset == null) dataset = new DatasetSpec();
        return dataset;
    }

    public TokenizerSpec tokenizer() {
        if (tokenizer == null) tokenizer = new TokenizerSpec();
        return tokenizer;
    }

    public ArtifactsSpec artifacts() {
        if (artifacts == null) artifacts = new ArtifactsSpec();
        return artifacts;
    }

    public SessionsSpec sessions() {
        if (sessions == null) sessions = new SessionsSpec();
        return sessions;
    }

    public List<PhaseSpec> phases() {
        if (phases == null) phases = new ArrayList<>();
        return phases;
    }

    @JsonPropertyDescription("Server metrics and GPU telemetry scraped during the run.")
    private TelemetrySpec telemetry;

    public TelemetrySpec getTelemetry() { return telemetry; }
    public void setTelemetry(TelemetrySpec telemetry) { this.telemetry = telemetry; }

    @JsonPropertyDescription("OpenTelemetry export: each record's metrics and the phase counters sent to an OTLP/HTTP collector while the run goes (--otel-url).")
    private OtelSpec otel;

    public OtelSpec getOtel() { return otel; }
    public void setOtel(OtelSpec otel) { this.otel = otel; }

    public OtelSpec otel() {
        if (otel == null) otel = new OtelSpec();
        return otel;
    }

    @JsonPropertyDescription("How results are plotted (redline plot and --auto-plot): which plots, theme, grouping.")
    private PlotSpec plot;

    public PlotSpec getPlot() { return plot; }
    public void setPlot(PlotSpec plot) { this.plot = plot; }

    public PlotSpec plot() {
        if (plot == null) plot = new PlotSpec();
        return plot;
    }

    public TelemetrySpec telemetry() {
        if (telemetry == null) telemetry = new TelemetrySpec();
        return telemetry;
    }

    @JsonPropertyDescription("Upload the run to an MLflow tracking server after its files are written (AIPerf's mlflow section).")
    private MlflowSpec mlflow;

    public MlflowSpec getMlflow() { return mlflow; }
    public void setMlflow(MlflowSpec mlflow) { this.mlflow = mlflow; }

    public MlflowSpec mlflow() {
        if (mlflow == null) mlflow = new MlflowSpec();
        return mlflow;
    }

    @JsonPropertyDescription("Network-latency calibration (AIPerf's network_latency): the mean round-trip time to the servers, probed or given, subtracted from the latencies as extra network_adjusted_* metrics.")
    private NetworkLatencySpec networkLatency;

    public NetworkLatencySpec getNetworkLatency() { return networkLatency; }
    public void setNetworkLatency(NetworkLatencySpec networkLatency) { this.networkLatency = networkLatency; }

    public NetworkLatencySpec networkLatency() {
        if (networkLatency == null) networkLatency = new NetworkLatencySpec();
        return networkLatency;
    }

    @JsonPropertyDescription("How the runner process runs: event loops, record workers, progress display, log level, live endpoint.")
    private RuntimeSpec runtime;

    public RuntimeSpec getRuntime() { return runtime; }
    public void setRuntime(RuntimeSpec runtime) { this.runtime = runtime; }

    public RuntimeSpec runtime() {
        if (runtime == null) runtime = new RuntimeSpec();
        return runtime;
    }
}
