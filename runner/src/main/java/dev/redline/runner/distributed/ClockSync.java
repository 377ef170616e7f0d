package dev.redline.runner.distributed;

import java.time.Instant;

/**
 * NTP-style clock-offset estimation between an agent and the coordinator. The agent notes its wall clock
 * {@code t0}, the coordinator answers with its wall clock {@code t1}, and the agent measures the round
 * trip with {@code System.nanoTime()}. Assuming a symmetric path, the coordinator read its clock half a
 * round trip after {@code t0}: {@code offset = t1 - (t0 + rtt / 2)}. Of several samples the one with the
 * shortest round trip bounds the error best (|error| <= rtt / 2).
 */
public final class ClockSync {
    /** Samples per agent. */
    static final int SAMPLES = 8;

    private long bestRtt = Long.MAX_VALUE;
    private long bestOffset;

    /** Wall-clock time in epoch nanoseconds (microsecond resolution on Linux). */
    public static long wallNowNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Adds one sample: agent wall clock at send, coordinator wall clock at reply, measured round trip. */
    public void sample(long t0AgentWallNs, long t1CoordinatorWallNs, long rttNs) {
        if (rttNs < bestRtt) {
            bestRtt = rttNs;
            bestOffset = t1CoordinatorWallNs - (t0AgentWallNs + rttNs / 2);
        }
    }

    /** Coordinator clock minus agent clock, in ns: add it to an agent timestamp to get coordinator time. */
    public long offsetNs() { return bestOffset; }

    /** The shortest round trip seen (the offset's error bound is half of it). */
    public long rttNs() { return bestRtt; }
}
