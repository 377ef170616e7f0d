package dev.redline.runner.metrics;

import dev.redline.runner.record.ErrorInfo;
import dev.redline.runner.record.RequestRecord;

/**
 * Classifies a finished record. A record with no error that is still not valid (no content chunk, or
 * insane timestamps) counts as an error, as in AIPerf, with type {@code InvalidInferenceResultError}.
 */
public final class RecordOutcome {
    public static final String INVALID_TYPE = "InvalidInferenceResultError";

    private RecordOutcome() {}

    /** The error to report for the record, or null when it is valid. */
    public static ErrorInfo errorOf(RequestRecord r) {
        if (r.error() != null) return r.error();
        if (r.isValid()) return null;
        String why = r.chunkCount() == 0 ? "response carried no content" : "response timestamps are inconsistent";
        return new ErrorInfo(r.httpStatus(), INVALID_TYPE, why);
    }
}
