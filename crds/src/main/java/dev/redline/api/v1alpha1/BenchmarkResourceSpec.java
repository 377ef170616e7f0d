package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.List;

/**
 * The Benchmark CR's spec: the shared {@link BenchmarkSpec} (what {@code redline profile -f} reads)
 * plus the fields that only mean something in a cluster. Everything but {@code cancel} and
 * {@code ttlSecondsAfterFinished} is immutable once created (CEL rule below).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = BenchmarkResourceSpec.IMMUTABLE_RULE,
        message = "spec is immutable after creation except cancel and ttlSecondsAfterFinished; create a new Benchmark instead")
public class BenchmarkResourceSpec extends BenchmarkSpec {
    /** Spec fields a user may change after creation. */
    public static final List<String> MUTABLE_FIELDS = List.of("cancel", "ttlSecondsAfterFinished");

    /**
     * One clause per immutable field: present in both or neither, and equal. Kubernetes CEL cannot
     * iterate the keys of an object with a fixed schema, so the fields are listed;
     * {@code ImmutableRuleTest} fails when a spec field is missing here.
     */
    public static final String IMMUTABLE_RULE =
            "(has(self.models) == has(oldSelf.models)) && (!has(self.models) || self.models == oldSelf.models)"
            + " && (has(self.modelSelectionStrategy) == has(oldSelf.modelSelectionStrategy)) && (!has(self.modelSelectionStrategy) || self.modelSelectionStrategy == oldSelf.modelSelectionStrategy)"
            + " && (has(self.endpoint) == has(oldSelf.endpoint)) && (!has(self.endpoint) || self.endpoint == oldSelf.endpoint)"
            + " && (has(self.sessions) == has(oldSelf.sessions)) && (!has(self.sessions) || self.sessions == oldSelf.sessions)"
            + " && (has(self.telemetry) == has(oldSelf.telemetry)) && (!has(self.telemetry) || self.telemetry == oldSelf.telemetry)"
            + " && (has(self.tokenizer) == has(oldSelf.tokenizer)) && (!has(self.tokenizer) || self.tokenizer == oldSelf.tokenizer)"
            + " && (has(self.dataset) == has(oldSelf.dataset)) && (!has(self.dataset) || self.dataset == oldSelf.dataset)"
            + " && (has(self.phases) == has(oldSelf.phases)) && (!has(self.phases) || self.phases == oldSelf.phases)"
            + " && (has(self.goodput) == has(oldSelf.goodput)) && (!has(self.goodput) || self.goodput == oldSelf.goodput)"
            + " && (has(self.randomSeed) == has(oldSelf.randomSeed)) && (!has(self.randomSeed) || self.randomSeed == oldSelf.randomSeed)"
            + " && (has(self.artifacts) == has(oldSelf.artifacts)) && (!has(self.artifacts) || self.artifacts == oldSelf.artifacts)"
            + " && (has(self.runtime) == has(oldSelf.runtime)) && (!has(self.runtime) || self.runtime == oldSelf.runtime)"
            + " && (has(self.plot) == has(oldSelf.plot)) && (!has(self.plot) || self.plot == oldSelf.plot)"
            + " && (has(self.runners) == has(oldSelf.runners)) && (!has(self.runners) || self.runners == oldSelf.runners)"
            + " && (has(self.output) == has(oldSelf.output)) && (!has(self.output) || self.output == oldSelf.output)"
            + " && (has(self.slo) == has(oldSelf.slo)) && (!has(self.slo) || self.slo == oldSelf.slo)"
            + " && (has(self.apiKeySecretRef) == has(oldSelf.apiKeySecretRef)) && (!has(self.apiKeySecretRef) || self.apiKeySecretRef == oldSelf.apiKeySecretRef)";

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

    public RunnerSpec resolvedRunners() { return runners == null ? new RunnerSpec() : runners; }
    public OutputSpec resolvedOutput() { return output == null ? new OutputSpec() : output; }
    public List<SloSpec> resolvedSlo() { return slo == null ? List.of() : slo; }
    public boolean cancelRequested() { return Boolean.TRUE.equals(cancel); }
}
