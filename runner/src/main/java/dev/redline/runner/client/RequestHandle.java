package dev.redline.runner.client;

/** Control over one in-flight request. Methods may be called from any thread; they act on its event loop. */
public interface RequestHandle {
    /** Aborts the request as a client cancellation (error 499); no-op once it has completed. */
    void cancel();

    /**
     * Aborts the request because the phase's grace period ended: the record is marked late for grace
     * (reported, never counted) and completed. No-op once it has completed.
     */
    void abandon();
}
