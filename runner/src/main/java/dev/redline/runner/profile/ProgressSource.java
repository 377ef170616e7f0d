package dev.redline.runner.profile;

/** What a progress display polls from another thread while a phase runs. */
public interface ProgressSource {
    /** Name of the running phase, e.g. "warmup" or "profiling". */
    String phaseName();

    long completed();

    long errors();

    /** Requests planned for the phase, or -1 when the phase stops on duration. */
    long plannedRequests();

    /** Planned duration in seconds, or -1 when the phase stops on a count. */
    double plannedSeconds();

    /** Seconds since the phase started. */
    double elapsedSeconds();
}
