package dev.redline.api.v1alpha1;

/**
 * The contract between the operator and the runner pods it starts: the environment variables the
 * operator sets on the runner Job and the runner reads. One definition, used by both sides.
 */
public final class RunnerEnvironment {
    /** Set by Kubernetes on every pod of an Indexed Job; 0 is the coordinator. */
    public static final String JOB_COMPLETION_INDEX = "JOB_COMPLETION_INDEX";
    public static final String BENCHMARK = "REDLINE_BENCHMARK";
    /** The pod's namespace (downward API). */
    public static final String NAMESPACE = "REDLINE_NAMESPACE";
    public static final String RUNNERS = "REDLINE_RUNNERS";
    /** The Benchmark's run these pods belong to (status.run); the coordinator writes only into a results ConfigMap of that run. */
    public static final String RUN = "REDLINE_RUN";
    public static final String ARTIFACTS_DIR = "REDLINE_ARTIFACTS_DIR";
    /** host:port of runner 0, through the headless Service (only with several runners). */
    public static final String COORDINATOR = "REDLINE_COORDINATOR";
    public static final String API_KEY = "REDLINE_API_KEY";
    public static final String OBJECT_STORE_ENDPOINT = "REDLINE_OBJECT_STORE_ENDPOINT";
    public static final String OBJECT_STORE_BUCKET = "REDLINE_OBJECT_STORE_BUCKET";
    public static final String OBJECT_STORE_PREFIX = "REDLINE_OBJECT_STORE_PREFIX";
    public static final String OBJECT_STORE_REGION = "REDLINE_OBJECT_STORE_REGION";
    public static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    /**
     * The model server's pod label selector ({@code runners.colocateWith} as {@code k=v,k2 in (a,b)}); set only
     * with colocateWith. The coordinator then discovers the DCGM exporters on those pods' nodes.
     */
    public static final String MODEL_SERVER_SELECTOR = "REDLINE_MODEL_SERVER_SELECTOR";
    /** Namespace of the DCGM exporter pods ({@code telemetry.dcgmNamespace}, default the Benchmark's); set with the selector. */
    public static final String DCGM_NAMESPACE = "REDLINE_DCGM_NAMESPACE";
    /** Port every runner pod serves its live Prometheus metrics on (/metrics); unset = none. */
    public static final String METRICS_PORT = "REDLINE_METRICS_PORT";
    /** The metrics port the operator gives runner pods (the OpenTelemetry/Prometheus exporter convention). */
    public static final int DEFAULT_METRICS_PORT = 9464;
    /** The coordinator's JeroMQ port, exposed by the headless Service. */
    public static final int COORDINATOR_PORT = 5670;

    private RunnerEnvironment() { }
}
