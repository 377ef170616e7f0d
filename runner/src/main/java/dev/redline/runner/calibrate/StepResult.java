package dev.redline.runner.calibrate;

import org.HdrHistogram.Histogram;

/**
 * What one calibration load step measured.
 *
 * @param completed     profiling requests finished (success or error)
 * @param seconds       wall time of the profiling phase, first send to last response
 * @param achievedRate  sends per second between the first and last send (open model), NaN otherwise
 * @param scheduleRate  the schedule's own rate over the same sends (open model), NaN otherwise
 * @param cpuNs         this JVM's CPU time spent during the phase
 * @param ttftNs        send to first content chunk
 * @param itlNs         per request: first to last content chunk over the gaps between them
 * @param sendLagNs     actual minus intended send time
 * @param chunkAddedNs  source-stamped: client receive minus the mock's send time, per chunk
 * @param ttftAddedNs   source-stamped: TTFT less the time the mock held the request
 */
record StepResult(String name, int concurrency, double requestedRate, boolean streaming, long completed, long errors,
                  double seconds, double achievedRate, double scheduleRate, long cpuNs, Histogram ttftNs, Histogram itlNs, Histogram sendLagNs,
                  Histogram chunkAddedNs, Histogram ttftAddedNs) {

    double requestsPerSecond() {
        return seconds > 0 ? completed / seconds : 0;
    }

    /** CPU microseconds per completed request (-1 when unknown). */
    double cpuMicrosPerRequest() {
        return cpuNs < 0 || completed == 0 ? -1 : cpuNs / 1e3 / completed;
    }
}
