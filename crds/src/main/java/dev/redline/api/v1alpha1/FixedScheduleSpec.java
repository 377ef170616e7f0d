package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Trace replay settings (AIPerf's --fixed-schedule-*): which timestamps are replayed and where time zero is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(has(self.autoOffset) && self.autoOffset && has(self.startOffsetMs))",
        message = "autoOffset and startOffsetMs are mutually exclusive; keep one", fieldPath = ".startOffsetMs")
@ValidationRule(value = "!has(self.startOffsetMs) || !has(self.endOffsetMs) || self.endOffsetMs >= self.startOffsetMs",
        message = "endOffsetMs must not be before startOffsetMs", fieldPath = ".endOffsetMs")
public class FixedScheduleSpec {
    @JsonPropertyDescription("Use the first replayed timestamp as time zero, so the replay starts at once. Default true unless startOffsetMs is set (as AIPerf); false counts timestamps from phase start.")
    private Boolean autoOffset;

    @JsonPropertyDescription("Replay only entries with timestamp >= this many ms (inclusive); it is also time zero.")
    @Min(0)
    @Max(31536000000L)
    private Long startOffsetMs;

    @JsonPropertyDescription("Replay only entries with timestamp <= this many ms (inclusive).")
    @Min(0)
    @Max(31536000000L)
    private Long endOffsetMs;

    public Boolean getAutoOffset() { return autoOffset; }
    public void setAutoOffset(Boolean autoOffset) { this.autoOffset = autoOffset; }
    public Long getStartOffsetMs() { return startOffsetMs; }
    public void setStartOffsetMs(Long startOffsetMs) { this.startOffsetMs = startOffsetMs; }
    public Long getEndOffsetMs() { return endOffsetMs; }
    public void setEndOffsetMs(Long endOffsetMs) { this.endOffsetMs = endOffsetMs; }

    public boolean isAutoOffset() { return Boolean.TRUE.equals(autoOffset); }

    /** AIPerf's default: time zero is the first replayed timestamp unless a start offset is given or it is turned off. */
    public boolean resolvedAutoOffset() { return autoOffset != null ? autoOffset : startOffsetMs == null; }
}
