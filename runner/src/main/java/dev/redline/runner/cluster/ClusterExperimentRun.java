package dev.redline.runner.cluster;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.results.SweepResults;
import dev.redline.api.v1alpha1.RunnerEnvironment;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.Observation;
import dev.redline.plan.SweepRollup;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;
import dev.redline.runner.cli.RedlineVersion;
import dev.redline.runner.experiment.ExperimentLayout;
import dev.redline.runner.experiment.ExperimentListener;
import dev.redline.runner.experiment.ExperimentResult;
import dev.redline.runner.experiment.ExperimentRun;
import dev.redline.runner.experiment.ProfileEngine;
import dev.redline.runner.experiment.ProgressLine;
import dev.redline.runner.profile.RunOptions;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The warm-pool runner pod of a Sweep: one JVM runs every cell of the mounted experiment in order
 * through {@link ExperimentRun} (tokenizer loaded once, no pod start between cells) and after each run
 * publishes the rolled-up status and the sweep aggregate into the results ConfigMap. A failed cell is
 * recorded there and the sweep goes on; the pod fails only when no run succeeded.
 */
public final class ClusterExperimentRun {
    private final Path experimentFile;
    private final String resultsConfigMap;
    private final Path artifactDir;
    private final String logLevel;
    private final PodEnvironment env;
    private final Supplier<KubernetesClient> clients;
    private final PrintStream out;
    private final PrintStream err;

    public ClusterExperimentRun(Path experimentFile, String resultsConfigMap, Path artifactDir, String logLevel, PodEnvironment env,
                                Supplier<KubernetesClient> clients, PrintStream out, PrintStream err) {
        this.experimentFile = experimentFile;
        this.resultsConfigMap = resultsConfigMap;
        this.artifactDir = artifactDir;
        this.logLevel = logLevel;
        this.env = env;
        this.clients = clients;
        this.out = out;
        this.err = err;
    }

    public int run() {
        ConfigEnvelope envelope = ConfigEnvelope.read(experimentFile);
        String key = env.get(RunnerEnvironment.API_KEY);
        if (key != null && envelope.benchmark().endpoint().getApiKey() == null) envelope.benchmark().endpoint().setApiKey(key);
        ExperimentPlan plan = ExperimentPlan.of(envelope);
        String namespace = env.namespace();
        if (resultsConfigMap == null) throw new dev.redline.runner.BadInputException("--results-configmap: required with --experiment");
        try (KubernetesClient client = clients.get();
             ProfileEngine engine = new ProfileEngine(RunOptions.runnerPod(logLevel, env.metricsPort(), env.metricTags(),
                     dev.redline.runner.profile.RunPipeline.podServerWait(envelope.benchmark())), out)) {
            ResultsConfigMapWriter writer = new ResultsConfigMapWriter(client, namespace, resultsConfigMap, env.get(RunnerEnvironment.RUN));
            Publisher publisher = new Publisher(plan, writer, err);
            ExperimentListener listeners = ExperimentListener.all(List.of(new ProgressLine(err), publisher));
            ExperimentResult result = new ExperimentRun(plan, ExperimentLayout.of(artifactDir, plan), engine, listeners,
                    RedlineVersion.version(), "redline run --in-cluster --experiment " + experimentFile).run();
            if (result.partial()) return result.exitCode();
            boolean anyOk = result.observations().stream().anyMatch(Observation::anySucceeded);
            if (!anyOk) {
                writer.write(Map.of(SweepResults.ERROR, "no run of the sweep succeeded; see status.json for each cell's error"));
                return 1;
            }
            return 0;
        }
    }

    /** After every run: the status rollup and the sweep aggregate into the results ConfigMap. */
    static final class Publisher implements ExperimentListener {
        private final ExperimentPlan plan;
        private final ResultsConfigMapWriter writer;
        private final PrintStream err;

        Publisher(ExperimentPlan plan, ResultsConfigMapWriter writer, PrintStream err) {
            this.plan = plan;
            this.writer = writer;
            this.err = err;
        }

        @Override
        public void runFinished(Variation v, int trial, TrialOutcome outcome, List<Observation> observed, int number, int total) {
            publish(observed, false);
        }

        @Override
        public void finished(ExperimentResult result) {
            publish(result.observations(), !result.partial());
        }

        private void publish(List<Observation> observed, boolean allDone) {
            Map<Integer, SweepRollup.CellProgress> cells = new LinkedHashMap<>();
            for (Observation o : observed) {
                boolean done = allDone || o.trials().size() >= plan.trials();
                cells.put(o.variation().index(), new SweepRollup.CellProgress(o.trials(), 0, done, List.of()));
            }
            SweepRollup.Result r = SweepRollup.of(plan, cells);
            // on SIGTERM (a cancelled Sweep) the run that finished is told with the thread's interrupt flag set, which
            // would fail the API call: this write is what keeps the finished runs, so it goes out and the flag stays
            boolean interrupted = Thread.interrupted();
            try {
                writer.write(SweepResults.data(r.aggregate(), r.status()));
            } catch (IllegalStateException e) {
                err.println("redline: " + e.getMessage() + " (the sweep goes on; results stay in the pod's artifacts)");
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }
}
