package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One line of the error summary: errors grouped by code and type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ErrorEntry {
    @JsonPropertyDescription("HTTP status, or 499 for a cancelled request; absent for transport errors.")
    private Integer code;
    @JsonPropertyDescription("Error type, e.g. the HTTP reason phrase or an exception class.")
    private String type;
    @JsonPropertyDescription("Number of requests that failed this way.")
    private Long count;
    @JsonPropertyDescription("One example message, truncated.")
    private String message;

    public Integer getCode() { return code; }
    public void setCode(Integer code) { this.code = code; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public Long getCount() { return count; }
    public void setCount(Long count) { this.count = count; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
}
