package dev.redline.runner.live;

/**
 * The live numbers of the running phase, as the dashboard shows them.
 *
 * @param phase            running phase name
 * @param elapsedSeconds   since the phase started
 * @param plannedRequests  request target, or -1 when the phase stops on duration
 * @param plannedSeconds   duration target, or -1 when the phase stops on a count
 * @param sent             requests handed to the client in the phase
 * @param completed        requests finished in the phase (successes and errors)
 * @param errors           failed requests in the phase
 * @param inFlight         requests sent and not finished
 * @param rate             requests sent per second in the phase
 * @param ttftMs           live TTFT {p50, p99} in ms (NaN before the first value)
 * @param itlMs            live ITL {p50, p99} in ms (NaN before the first value)
 */
public record LiveSnapshot(String phase, double elapsedSeconds, long plannedRequests, double plannedSeconds, long sent,
                           long completed, long errors, long inFlight, double rate, double[] ttftMs, double[] itlMs) {
}
