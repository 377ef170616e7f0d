package dev.redline.runner.load;

/**
 * What one phase did, for the JSON export: requested vs achieved send rate and the request counts.
 *
 * @param requestedRate   target requests/s of an open-model phase, or NaN for closed-model/trace phases
 * @param achievedRate    requests actually sent per second between the first and the last send, or NaN
 * @param scheduleRate    the schedule's own rate over the same sends (open model), or NaN
 *                        with fewer than two sends
 * @param reanchors       times the pacer fell more than the catch-up window behind and re-anchored
 * @param maxPacerBehindMs largest lateness of the pacer thread itself, in ms
 */
public record PhaseOutcome(String name, String kind, String loadType, double requestedRate, double achievedRate, double scheduleRate,
                           long sent, long completed, long errors, long cancelled, long lateForGrace,
                           long reanchors, double maxPacerBehindMs) {
}
