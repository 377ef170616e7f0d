package dev.redline.runner.plot.data;

import java.util.Map;

/**
 * One time slice of {@code *_timeslices.json}: the request metrics of the window and, in Redline's export,
 * the server and GPU samples scraped in it.
 *
 * @param server per scraped endpoint URL, headline key (requests_running, kv_cache_usage, ...) to its stats
 * @param gpu    per GPU label, field key (gpu_power_usage, ...) to its stats
 */
public record TimeSliceData(long startNs, long endNs, Map<String, MetricStats> metrics,
                            Map<String, Map<String, MetricStats>> server, Map<String, Map<String, MetricStats>> gpu) {
}
