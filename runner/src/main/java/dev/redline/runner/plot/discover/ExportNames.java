package dev.redline.runner.plot.discover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The default file names plots read: Redline's and AIPerf's (as {@code aiperf plot}, custom
 * {@code --profile-export-prefix} names are not detected).
 */
public final class ExportNames {
    public static final List<String> SUMMARY = List.of("profile_export_redline.json", "profile_export_aiperf.json");
    public static final String RECORDS = "profile_export.jsonl";
    public static final List<String> AGGREGATE = List.of("profile_export_redline_aggregate.json", "profile_export_aiperf_aggregate.json");
    public static final List<String> SWEEP = List.of("profile_export_redline_sweep.json", "profile_export_aiperf_sweep.json");
    public static final List<String> TIMESLICES = List.of("profile_export_redline_timeslices.json", "profile_export_aiperf_timeslices.json");
    public static final String SEARCH_HISTORY = "search_history.json";
    /** Redline's GPU summary (per-GPU identity, used for the GPU count). */
    public static final String GPU_SUMMARY = "gpu_telemetry_export.json";
    /** AIPerf's raw GPU samples, one line per GPU and scrape. */
    public static final String GPU_SAMPLES = "gpu_telemetry_export.jsonl";
    /** Redline's and AIPerf's server metrics (one name, one shape), with per-series timeslices under --slice-duration. */
    public static final String SERVER_METRICS = "server_metrics_export.json";
    public static final String AGGREGATE_DIR = "aggregate";
    public static final String SWEEP_DIR = "sweep_aggregate";
    public static final String TRIALS_DIR = "profile_runs";
    public static final String PLOTS_DIR = "plots";

    private ExportNames() { }

    /** The first of {@code names} present in {@code dir}, or null. */
    public static Path first(Path dir, List<String> names) {
        for (String n : names) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    public static Path ifPresent(Path dir, String name) {
        Path p = dir.resolve(name);
        return Files.isRegularFile(p) ? p : null;
    }

    /** What a directory must hold to be plotted, for error messages. */
    public static String expected() {
        return SUMMARY.get(0) + " or " + SUMMARY.get(1) + " (a run), " + AGGREGATE_DIR + "/" + AGGREGATE.get(0)
                + " (multi-run), " + SWEEP_DIR + "/ (sweep) or " + SEARCH_HISTORY + " (search)";
    }
}
