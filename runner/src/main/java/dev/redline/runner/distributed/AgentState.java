package dev.redline.runner.distributed;

import dev.redline.runner.metrics.MetricsSnapshot;

/** What the coordinator knows about one agent. Touched only by the coordinator's run thread. */
final class AgentState {
    final int index;
    final String identity;
    boolean registered;
    boolean configSent;
    boolean ready;
    long offsetNs;
    long rttNs;
    long lastSeenNanos = System.nanoTime();
    int donePhase = -1;
    long sent;
    long completed;
    long errors;
    MetricsSnapshot result;
    /** The agent's own client-saturation evidence (sent with its result), or null. */
    com.fasterxml.jackson.databind.JsonNode saturation;
    final java.util.List<MetricsSnapshot> intervals = new java.util.ArrayList<>();
    String failure;
    boolean stopped; // END or ABORT sent

    AgentState(int index) {
        this.index = index;
        this.identity = AgentConnection.identity(index);
    }

    /** RESULT or FAILED received: nothing more will come. */
    boolean finished() { return result != null || failure != null; }
}
