package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Synthetic prompt shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.prefixPromptCount) || has(self.prefixPromptLength)",
        message = "prefix prompts need a length; set prefixPromptLength", fieldPath = ".prefixPromptCount")
@ValidationRule(value = "!has(self.prefixPromptLength) || has(self.prefixPromptCount)",
        message = "a prefix length needs a count; set prefixPromptCount", fieldPath = ".prefixPromptLength")
public class PromptSpec {
    public static final int DEFAULT_ISL = 550;

    @JsonPropertyDescription("Input sequence length in tokens (exact for the configured tokenizer). Default mean 550.")
    private LengthSpec isl;

    @JsonPropertyDescription("Output sequence length in tokens, sent as max_completion_tokens/max_tokens. Unset: no limit is sent.")
    private LengthSpec osl;

    @JsonPropertyDescription("Tokens per hash_ids block in traces (--isl-block-size). Default 512 for mooncake_trace, 16 for bailian_trace.")
    @Min(1)
    @Max(1000000)
    private Integer blockSize;

    @JsonPropertyDescription("Number of distinct shared prefixes; each synthetic entry starts with a seeded choice of one (--num-prefix-prompts). Needs prefixPromptLength.")
    @Min(1)
    @Max(100000)
    private Integer prefixPromptCount;

    @JsonPropertyDescription("Length in tokens of each shared prefix, added to the entry's ISL (--prefix-prompt-length).")
    @Min(1)
    @Max(2000000)
    private Integer prefixPromptLength;

    @JsonPropertyDescription("Texts per embeddings request (--batch-size-text). Default 1.")
    @Min(1)
    @Max(10000)
    private Integer batchSize;

    @JsonPropertyDescription("A mixture of (ISL, OSL) pairs with probabilities in percent, drawn per entry instead of isl/osl (--seq-dist).")
    private java.util.List<SequenceShare> sequenceDistribution;

    @JsonPropertyDescription("Source text of synthetic prompts: sonnet (Shakespeare's sonnets, default) (--prompt-corpus).")
    private String corpus;

    @JsonPropertyDescription("Draw each entry's ISL and OSL uniformly from integer windows around isl/osl (AIPerf's random_range_ratio, --random-range-ratio; needs fixed isl and osl, not with sequenceDistribution). vllm: [floor(mean x (1-r)), ceil(mean x (1+r))]; sglang: [max(1, int(mean x r)), mean].")
    private RangeRatioSpec randomRangeRatio;

    @JsonPropertyDescription("Window formula of randomRangeRatio: vllm (default) or sglang (--random-corpus-style).")
    private String randomCorpusStyle;

    public static final String STYLE_VLLM = "vllm";
    public static final String STYLE_SGLANG = "sglang";

    public RangeRatioSpec getRandomRangeRatio() { return randomRangeRatio; }
    public void setRandomRangeRatio(RangeRatioSpec randomRangeRatio) { this.randomRangeRatio = randomRangeRatio; }
    public String getRandomCorpusStyle() { return randomCorpusStyle; }
    public void setRandomCorpusStyle(String randomCorpusStyle) { this.randomCorpusStyle = randomCorpusStyle; }
    /** The window formula, vllm unless sglang is set. */
    public String resolvedRandomCorpusStyle() {
        return randomCorpusStyle == null ? STYLE_VLLM : randomCorpusStyle.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public LengthSpec getIsl() { return isl; }
    public void setIsl(LengthSpec isl) { this.isl = isl; }
    public LengthSpec getOsl() { return osl; }
    public void setOsl(LengthSpec osl) { this.osl = osl; }
    public Integer getBlockSize() { return blockSize; }
    public void setBlockSize(Integer blockSize) { this.blockSize = blockSize; }
    public Integer getPrefixPromptCount() { return prefixPromptCount; }
    public void setPrefixPromptCount(Integer prefixPromptCount) { this.prefixPromptCount = prefixPromptCount; }
    public Integer getPrefixPromptLength() { return prefixPromptLength; }
    public void setPrefixPromptLength(Integer prefixPromptLength) { this.prefixPromptLength = prefixPromptLength; }
    public java.util.List<SequenceShare> getSequenceDistribution() { return sequenceDistribution; }
    public void setSequenceDistribution(java.util.List<SequenceShare> sequenceDistribution) { this.sequenceDistribution = sequenceDistribution; }
    public String getCorpus() { return corpus; }
    public void setCorpus(String corpus) { this.corpus = corpus; }
    public Integer getBatchSize() { return batchSize; }
    public void setBatchSize(Integer batchSize) { this.batchSize = batchSize; }
}
