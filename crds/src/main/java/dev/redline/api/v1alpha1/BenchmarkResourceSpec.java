package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Benchmark CR's spec: the shared {@link BenchmarkSpec} (what {@code redline profile -f} reads)
 * plus the fields that only mean something in a cluster. The spec may change at any time (GitOps): a
 * change to a field that defines what is measured, or to {@code runId}, starts a new run (the previous
 * one is kept in status.history and its results ConfigMap); a change to a verdict-only field
 * ({@link #VERDICT_FIELDS}) re-evaluates the current run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.regression) || has(self.baselineRef)", fieldPath = ".regression",
        message = "regression needs baselineRef: name the baseline Benchmark or ConfigMap to compare with")
public class BenchmarkResourceSpec extends BenchmarkSpec {
    /**
     * Spec fields that only steer verdicts or the Benchmark's lifetime: changing them never starts a new run.
     * Every other field defines the run ({@link #runSpecHash()}); {@code RunSpecHashTest} keeps this list honest.
     */
    public static final List<String> VERDICT_FIELDS = List.of("cancel", "ttlSecondsAfterFinished", "slo", "baselineRef", "regression");
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    @JsonPropertyDescription("Runner pods: how many, which image, where they run and with what resources.")
    private RunnerSpec runners;

    @JsonPropertyDescription("Where results go: the results ConfigMap (always) and optionally an S3-compatible object store.")
    private OutputSpec output;

    @JsonPropertyDescription("Service-level objectives evaluated on the results into the SLOMet condition.")
    @Size(max = 32)
    private List<SloSpec> slo;

    @JsonPropertyDescription("Secret key holding the API key; given to the runners as REDLINE_API_KEY and sent as 'Authorization: Bearer <key>'.")
    private SecretKeyRef apiKeySecretRef;

    @JsonPropertyDescription("Delete the Benchmark (and everything it owns) this many seconds after it finished. Unset: keep it.")
    @Min(0)
    @Max(31536000)
    private Long ttlSecondsAfterFinished;

    @JsonPropertyDescription("Set to true to stop the runners; results written so far are kept and the Benchmark ends Failed with reason Cancelled.")
    private Boolean cancel;

    @JsonPropertyDescription("Any text (a commit, a date): changing it starts a new run of an otherwise unchanged spec. The previous run stays in status.history.")
    @Size(max = 253)
    private String runId;

    @JsonPropertyDescription("The run to compare this one with (regression gate, Regressed condition): a Benchmark (its current run, or one run) or a ConfigMap with samples.json.")
    private BaselineRef baselineRef;

    @JsonPropertyDescription("Regression gate settings (needs baselineRef): gated metrics, tolerance, alpha.")
    private RegressionSpec regression;

    public RunnerSpec getRunners() { return runners; }
    public void setRunners(RunnerSpec runners) { this.runners = runners; }
    public OutputSpec getOutput() { return output; }
    public void setOutput(OutputSpec output) { this.output = output; }
    public List<SloSpec> getSlo() { return slo; }
    public void setSlo(List<SloSpec> slo) { this.slo = slo; }
    public SecretKeyRef getApiKeySecretRef() { return apiKeySecretRef; }
    public void setApiKeySecretRef(SecretKeyRef apiKeySecretRef) { this.apiKeySecretRef = apiKeySecretRef; }
    public Long getTtlSecondsAfterFinished() { return ttlSecondsAfterFinished; }
    public void setTtlSecondsAfterFinished(Long ttlSecondsAfterFinished) { this.ttlSecondsAfterFinished = ttlSecondsAfterFinished; }
    public Boolean getCancel() { return cancel; }
    public void setCancel(Boolean cancel) { this.cancel = cancel; }
    public String getRunId() { return runId; }
    public void setRunId(String runId) { this.runId = runId; }
    public BaselineRef getBaselineRef() { return baselineRef; }
    public void setBaselineRef(BaselineRef baselineRef) { this.baselineRef = baselineRef; }
    public RegressionSpec getRegression() { return regression; }
    public void setRegression(RegressionSpec regression) { this.regression = regression; }
    public RegressionSpec resolvedRegression() { return regression == null ? new RegressionSpec() : regression; }

    public RunnerSpec resolvedRunners() { return runners == null ? new RunnerSpec() : runners; }
    public OutputSpec resolvedOutput() { return output == null ? new OutputSpec() : output; }
    public List<SloSpec> resolvedSlo() { return slo == null ? List.of() : slo; }
    public boolean cancelRequested() { return Boolean.TRUE.equals(cancel); }

    /**
     * Identifies the run this spec asks for: a hash of every field but {@link #VERDICT_FIELDS}, in a
     * canonical JSON form (properties and map keys sorted), so only a change to what is measured, or to
     * {@code runId}, changes it.
     */
    public String runSpecHash() {
        ObjectNode tree = CANONICAL.valueToTree(this);
        VERDICT_FIELDS.forEach(tree::remove);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(tree));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
