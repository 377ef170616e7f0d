package dev.redline.runner.cli;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.distributed.LocalDistributedRun;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.profile.ProfileRun;
import dev.redline.runner.profile.RunOptions;
import dev.redline.runner.export.RunLabels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code redline profile}: one benchmark run from flags and/or a YAML file (flags override the file). */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false, preprocessor = MagicLists.Preprocessor.class,
        description = "Benchmark an OpenAI-compatible inference server and write AIPerf-compatible exports.")
public class ProfileCommand implements Callable<Integer> {
    @Option(names = {"-f", "--config"}, paramLabel = "FILE", description = "Benchmark spec YAML/JSON; flags override it.")
    Path configFile;

    @Mixin EndpointOptions endpoint = new EndpointOptions();
    @Mixin LoadOptions load = new LoadOptions();
    @Mixin DatasetOptions dataset = new DatasetOptions();
    @Mixin MediaOptions media = new MediaOptions();
    @Mixin TelemetryOptions telemetry = new TelemetryOptions();
    @Mixin NetworkLatencyOptions networkLatency = new NetworkLatencyOptions();
    @Mixin OutputOptions output = new OutputOptions();
    @Mixin OtelOptions otel = new OtelOptions();
    @Mixin MlflowOptions mlflow = new MlflowOptions();
    @Mixin RuntimeOptions runtime = new RuntimeOptions();
    @Mixin ExperimentOptions experiment = new ExperimentOptions();
    @Mixin SearchOptions search = new SearchOptions();
    @Mixin MockEngineOptions mockEngine = new MockEngineOptions();

    @CommandLine.Spec protected CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws java.io.IOException {
        ConfigEnvelope env = buildEnvelope();
        BenchmarkSpec spec = env.benchmark();
        RunOptions options = runtime.toRunOptions(spec, embeddedMock()).withVariables(env.getVariables());
        int runners = runtime.runners();
        String cli = CliCommand.of(commandSpec);
        boolean fileSearch = env.getSearch() != null;
        dev.redline.plan.search.recipe.RecipePlan.PostProcess recipeFile = SearchRequest.apply(env, search);
        if (env.getSearch() != null) {
            if (runners > 1) throw new BadInputException("--runners: a search runs in one runner process; drop --runners");
            boolean streaming = spec.getEndpoint() != null && Boolean.TRUE.equals(spec.getEndpoint().getStreaming());
            var names = fileSearch && !search.requested() ? dev.redline.plan.search.SearchFieldNames.under(configFile + ": sweep")
                    : dev.redline.plan.search.SearchFieldNames.cliFlags();
            var resolved = dev.redline.plan.search.SearchSpecs.resolve(env.getSearch(), streaming, names);
            Path dir = search.resume() != null ? search.resume() : ExperimentLauncher.artifactDir(spec);
            return dev.redline.runner.search.SearchExperiment.run(env, resolved, dir, search.resume() != null, options,
                    RedlineVersion.version(), cli, System.out, System.err);
        }
        if (ExperimentLauncher.isExperiment(env)) {
            if (runners > 1) throw new BadInputException("--runners: sweeps and multi-runs run in one runner process; drop --runners or the sweep");
            var extra = recipeFile == null ? null : new dev.redline.runner.search.RecipeArtifactFile(recipeFile,
                    dev.redline.runner.experiment.ExperimentLayout.of(ExperimentLauncher.artifactDir(spec),
                            dev.redline.plan.ExperimentPlan.of(env)).sweepAggregateDir(), System.out);
            return ExperimentLauncher.run(env, options, System.console() != null, cli, System.out, System.err, extra);
        }
        if (env.getRandomSeed() != null) spec.setRandomSeed(env.getRandomSeed());
        if (runners > 1 && spec.getOtel() != null && spec.getOtel().getMetricsUrl() != null) {
            throw new BadInputException("--otel-url: runs over several runner processes (--runners) are not exported to OpenTelemetry yet;"
                    + " drop --runners or --otel-url");
        }
        if (runners > 1) return new LocalDistributedRun(spec, options, runners, System.out, System.err).run();
        return new ProfileRun(spec, options).labels(RunLabels.single(cli)).run();
    }

    /** The -f file, or null. */
    protected Path configFile() { return configFile; }

    /** The --runners value (validated), or null when not given. */
    protected Integer runnersOption() { return runtime.runners == null ? null : runtime.runners(); }

    /** The in-process mock's settings (--mock-server with the engine flags), or null without --mock-server. */
    MockServerOptions embeddedMock() {
        if (!runtime.embeddedMock) {
            List<String> given = mockEngine.given();
            if (!given.isEmpty()) throw new BadInputException(given.get(0) + " configures the built-in mock; add --mock-server");
            return null;
        }
        return new MockServerOptions().engine(mockEngine.config());
    }

    /** File, then flags, then validation of the benchmark; throws BadInputException naming the flag or the file position. */
    BenchmarkSpec buildSpec() {
        return buildEnvelope().benchmark();
    }

    /**
     * The config file's envelope (a bare benchmark file too; read with env substitution and templates) with every
     * flag applied; the sweep flags fill sweep/multi_run.
     */
    ConfigEnvelope buildEnvelope() {
        SpecBuilder builder = new SpecBuilder(groups(), commandSpec);
        ConfigEnvelope env = builder.build(configFile);
        BenchmarkSpec spec = env.benchmark();
        if (runtime.embeddedMock && (spec.getModels() == null || spec.getModels().isEmpty())) {
            spec.setModels(List.of("mock-model"));
        }
        if (dataset.randomSeed != null) env.setRandomSeed(null); // --random-seed overrides the file's random_seed
        builder.validate(spec);
        experiment.applyTo(env, commandSpec);
        checkListValues(env);
        return env;
    }

    /** Every value of a command-line list is a valid benchmark on its own; else one line naming the flag. */
    private void checkListValues(ConfigEnvelope env) {
        experiment.lists.lists().forEach((flag, values) -> {
            for (Object v : values) {
                BenchmarkSpec one = dev.redline.plan.SpecTree.copy(env.benchmark());
                try {
                    dev.redline.plan.SweepPlanner.variation(one, 0, Map.of(MagicLists.SWEEPABLE.get(flag), v), null, null, flag);
                } catch (dev.redline.api.config.SpecException e) {
                    String why = e.getMessage().replaceFirst("^.*?\\): ", "");
                    throw new BadInputException(flag + " " + v + ": " + why);
                }
            }
        });
    }

    List<SpecOptions> groups() {
        return List.of(endpoint, load, dataset, media, telemetry, networkLatency, output, otel, mlflow, runtime);
    }
}
