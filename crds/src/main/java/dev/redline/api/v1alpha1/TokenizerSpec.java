package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The tokenizer used to build prompts and count tokens. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TokenizerSpec {
    @JsonPropertyDescription("A Hugging Face model id, a directory holding tokenizer.json, a tokenizer.json path, or 'builtin' (o200k_base). Default: the first model name.")
    private String name;

    @JsonPropertyDescription("Revision (branch, tag or commit) of a Hugging Face tokenizer. Default main.")
    private String revision;

    @JsonPropertyDescription("Accepted for AIPerf compatibility; has no effect on tokenizer.json files.")
    private Boolean trustRemoteCode;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRevision() { return revision; }
    public void setRevision(String revision) { this.revision = revision; }
    public Boolean getTrustRemoteCode() { return trustRemoteCode; }
    public void setTrustRemoteCode(Boolean trustRemoteCode) { this.trustRemoteCode = trustRemoteCode; }
}
