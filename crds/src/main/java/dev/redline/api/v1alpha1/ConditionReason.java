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
    /** Running=False: the spec changed while a run was going on; its runners are being stopped before the next run. */
    Superseded,
    /** ClientSaturated=True: a runner crossed a saturation threshold (the message lists which). */
    ClientBound,
    /** ClientSaturated=False: every runner kept up (the message gives the measured headroom). */
    ClientKeptUp,
    /** ClientSaturated=Unknown: the summary carries no saturation evidence (e.g. written by another tool). */
    NoSaturationEvidence,
    /** Regressed=True: a gated figure is worse than the baseline by more than the tolerance. */
    RegressionDetected,
    /** Regressed=False: no gated figure regressed. */
    NoRegression,
    /** Regressed=Unknown: the baseline Benchmark has not completed yet. */
    AwaitingBaseline,
    /** Regressed=Unknown: spec.baselineRef names nothing that exists (the message names the field). */
    BaselineMissing,
    /** Regressed=Unknown: the baseline is this Benchmark's previous run, and this is its first run. */
    NoEarlierRun,
    /** Regressed=Unknown: the baseline or this run has no readable samples.json. */
    SamplesMissing,
    /** Regressed=Unknown: a gated figure could not be compared (a metric only one run has, too few requests). */
    ComparisonInconclusive,
    /** Regressed=Unknown: this run did not complete, so there is nothing to judge. */
    RunNotComplete,
    /** Search Running=True: an iteration's Benchmark runs. */
    IterationRunning,
    /** Search Running=False: no iteration will start again. */
    SearchFinished,
    /** Search Complete=True: the planner stopped; the message gives AIPerf's convergence reason. */
    Converged,
    /** Search Failed=True: an iteration's Benchmark could not be created or the history not written. */
    IterationNotCreated,
    /** Sweep Progressing=True: cells are being run. */
    CellsRunning,
    /** Sweep Progressing=False / Search Running=True: waiting out the cooldown before the next cell or iteration. */
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
