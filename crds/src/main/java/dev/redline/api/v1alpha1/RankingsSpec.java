package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Synthetic ranking requests (AIPerf's --rankings-* flags): each entry is one query and a drawn number of passages,
 * every text of exact, drawn token length. Used with the rankings endpoint types.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RankingsSpec {
    public static final int DEFAULT_TOKENS = 550;

    @JsonPropertyDescription("Passages per request (--rankings-passages-mean, --rankings-passages-stddev). Default 1.")
    private LengthSpec passages;

    @JsonPropertyDescription("Tokens per passage (--rankings-passages-prompt-token-mean/-stddev). Default 550.")
    private LengthSpec passageTokens;

    @JsonPropertyDescription("Tokens of the query (--rankings-query-prompt-token-mean/-stddev). Default 550.")
    private LengthSpec queryTokens;

    public LengthSpec getPassages() { return passages; }
    public void setPassages(LengthSpec passages) { this.passages = passages; }
    public LengthSpec getPassageTokens() { return passageTokens; }
    public void setPassageTokens(LengthSpec passageTokens) { this.passageTokens = passageTokens; }
    public LengthSpec getQueryTokens() { return queryTokens; }
    public void setQueryTokens(LengthSpec queryTokens) { this.queryTokens = queryTokens; }
}
