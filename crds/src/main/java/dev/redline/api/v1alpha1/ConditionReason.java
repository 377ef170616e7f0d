package dev.redline.api.v1alpha1;

/** Every reason a Benchmark condition can carry (CamelCase, as Kubernetes expects). */
public enum ConditionReason {
    /** Accepted=True. */
    SpecValid,
    /** Accepted=False: the validator's message says which field and how to fix it. */
    SpecInvalid,
    /** Running=False before any pod runs. */
    RunnersPending,
    /** Running=False: runner pods exist but none runs yet (the message names why: Unschedulable, ImagePullBackOff...). */
    RunnersStarting,
    /** Running=True. */
    RunnersActive,
    /** Running=False after the Job ended. */
    RunnersFinished,
    /** Complete=True. */
    ResultsPublished,
    /** Complete=False while the run goes on. */
    InProgress,
    /** Failed=True: a runner pod failed. */
    RunnerFailed,
    /** Failed=True: the Job's activeDeadlineSeconds passed. */
    DeadlineExceeded,
    /** Failed=True: the Job succeeded but wrote no summary.json. */
    ResultsMissing,
    /** Failed=True: summary.json is there but is not a profile export this operator can read. */
    ResultsUnreadable,
    /** Failed=True: spec.cancel was set. */
    Cancelled,
    /** Failed=False. */
    NoFailure,
    /** SLOMet=True. */
    SLOsMet,
    /** SLOMet=False. */
    SLOsViolated,
    /** SLOMet=Unknown: no results yet. */
    AwaitingResults,
    /** SLOMet=Unknown: a metric named by an SLO is not in the results. */
    MetricMissing,
    /** Sweep Progressing=True: cells are being run. */
    CellsRunning,
    /** Sweep Progressing=False: waiting out the cooldown before the next cell. */
    CoolingDown,
    /** Sweep Progressing=False after the last cell; Complete=True: every cell ran (failed ones are recorded). */
    CellsDone,
    /** Sweep Failed=True: no cell produced results. */
    AllCellsFailed,
    /** Sweep Failed=True: the warm-pool runner Job failed or passed its deadline. */
    PoolFailed,
    /** Sweep Failed=True: spec.sweep or spec.template changed after cells were created. */
    SpecChanged
}
