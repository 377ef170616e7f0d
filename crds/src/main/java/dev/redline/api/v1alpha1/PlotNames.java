package dev.redline.api.v1alpha1;

import java.util.List;

/**
 * The names of the plots Redline draws (AIPerf's preset names where AIPerf has the plot). The validator
 * checks {@code plot.visualization} against them; the runner's plot catalog is keyed by them.
 */
public final class PlotNames {
    public static final String TTFT_OVER_TIME = "ttft_over_time";
    public static final String ITL_OVER_TIME = "itl_over_time";
    public static final String LATENCY_OVER_TIME = "latency_over_time";
    public static final String DISPERSED_THROUGHPUT_OVER_TIME = "dispersed_throughput_over_time";
    public static final String REQUEST_TIMELINE = "ttft_timeline";
    public static final String TIMESLICES_TTFT = "timeslices_ttft";
    public static final String TIMESLICES_ITL = "timeslices_itl";
    public static final String TIMESLICES_LATENCY = "timeslices_latency";
    public static final String TIMESLICES_THROUGHPUT = "timeslices_throughput";
    public static final String SERVER_METRICS_OVER_TIME = "server_metrics_over_time";
    public static final String GPU_OVER_TIME = "gpu_telemetry_over_time";

    public static final String TTFT_VS_THROUGHPUT = "ttft_vs_throughput";
    public static final String PARETO_LATENCY = "pareto_curve_throughput_per_gpu_vs_latency";
    public static final String PARETO_INTERACTIVITY = "pareto_curve_throughput_per_gpu_vs_interactivity";
    public static final String METRIC_VS_PARAMETER = "metric_vs_parameter";
    public static final String SEARCH_ITERATIONS = "search_iterations";
    public static final String SEARCH_SLA = "search_sla";

    public static final List<String> SINGLE_RUN = List.of(TTFT_OVER_TIME, ITL_OVER_TIME, LATENCY_OVER_TIME,
            DISPERSED_THROUGHPUT_OVER_TIME, REQUEST_TIMELINE, TIMESLICES_TTFT, TIMESLICES_ITL, TIMESLICES_LATENCY,
            TIMESLICES_THROUGHPUT, SERVER_METRICS_OVER_TIME, GPU_OVER_TIME);
    public static final List<String> MULTI_RUN = List.of(TTFT_VS_THROUGHPUT, PARETO_LATENCY, PARETO_INTERACTIVITY,
            METRIC_VS_PARAMETER, SEARCH_ITERATIONS, SEARCH_SLA);

    public static final String GROUP_MODEL = "model";
    public static final String GROUP_RUN_NAME = "run_name";
    public static final String GROUP_EXPERIMENT = "experiment_group";
    public static final List<String> GROUPS = List.of(GROUP_MODEL, GROUP_RUN_NAME, GROUP_EXPERIMENT);

    private PlotNames() { }
}
