package dev.redline.runner.plot.data;

/** One GPU reading at a point in time: a field of AIPerf's gpu_telemetry_export.jsonl, in Redline's key names. */
public record GpuSample(String gpu, String field, long timestampNs, double value) {
}
