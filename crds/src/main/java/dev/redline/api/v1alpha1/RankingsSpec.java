package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Synthetic ranking requests: one query and several passages (AIPerf's --rankings-*); read by the rankings endpoint types. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RankingsSpec {
    @JsonPropertyDescription("Passages per request. Default mean 1 (--rankings-passages-mean/-stddev).")
    private LengthSpec passages;

    @JsonPropertyDescription("Tokens per passage. Default mean 550 (--rankings-passages-prompt-token-mean/-stddev).")
    private LengthSpec passageTokens;

    @JsonPropertyDescription("Tokens of the query. Default mean 550 (--rankings-query-prompt-token-mean/-stddev).")
    private LengthSpec queryTokens;

    public LengthSpec getPassages() { return passages; }
    public void setPassages(LengthSpec passages) { this.passages = passages; }
    public LengthSpec getPassageTokens() { return passageTokens; }
    public void setPassageTokens(LengthSpec passageTokens) { this.passageTokens = passageTokens; }
    public LengthSpec getQueryTokens() { return queryTokens; }
    public void setQueryTokens(LengthSpec queryTokens) { this.queryTokens = queryTokens; }
}
