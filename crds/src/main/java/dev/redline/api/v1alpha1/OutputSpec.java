package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where a Benchmark's results go besides its status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OutputSpec {
    @JsonPropertyDescription("Upload every artifact (exports, per-record JSONL, histograms) to this S3-compatible object store.")
    private ObjectStoreSpec objectStore;

    public ObjectStoreSpec getObjectStore() { return objectStore; }
    public void setObjectStore(ObjectStoreSpec objectStore) { this.objectStore = objectStore; }
}
