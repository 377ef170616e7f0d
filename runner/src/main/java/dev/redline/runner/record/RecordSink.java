package dev.redline.runner.record;

/**
 * Receives each finished record exactly once. Called on an event loop: implementations must hand
 * heavy work (tokenizing, metrics, file output) to another thread and return at once.
 */
@FunctionalInterface
public interface RecordSink {
    void accept(RequestRecord record);
}
