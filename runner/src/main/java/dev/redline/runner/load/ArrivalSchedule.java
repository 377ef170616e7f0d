package dev.redline.runner.load;

/** Intended send times of a phase's arrivals, as offsets from the phase start. Used by one thread. */
public interface ArrivalSchedule {
    /** The next arrival's offset in ns (non-decreasing), or -1 when the schedule has no more arrivals. */
    long nextOffsetNs();
}
