package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.distributed.LocalDistributedRun;
import dev.redline.runner.profile.ProfileRun;
import dev.redline.runner.profile.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code redline profile}: one benchmark run from flags and/or a YAML file (flags override the file). */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark an OpenAI-compatible inference server and write AIPerf-compatible exports.")
public class ProfileCommand implements Callable<Integer> {
    @Option(names = {"-f", "--config"}, paramLabel = "FILE", description = "Benchmark spec YAML/JSON; flags override it.")
    Path configFile;

    @Mixin EndpointOptions endpoint = new EndpointOptions();
    @Mixin LoadOptions load = new LoadOptions();
    @Mixin DatasetOptions dataset = new DatasetOptions();
    @Mixin TelemetryOptions telemetry = new TelemetryOptions();
    @Mixin OutputOptions output = new OutputOptions();
    @Mixin RuntimeOptions runtime = new RuntimeOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws java.io.IOException {
        BenchmarkSpec spec = buildSpec();
        RunOptions options = runtime.toRunOptions(spec).withVariables(variables);
        int runners = runtime.runners();
        if (runners > 1) return new LocalDistributedRun(spec, options, runners, System.out, System.err).run();
        return new ProfileRun(spec, options).run();
    }

    /** The config file's resolved variables (empty without a file), for run-time templates. */
    private java.util.Map<String, Object> variables = java.util.Map.of();

    /** File, then flags, then validation; throws BadInputException naming the flag or the file position. */
    BenchmarkSpec buildSpec() {
        SpecBuilder builder = new SpecBuilder(groups(), command);
        BenchmarkSpec spec = builder.build(configFile);
        if (builder.loaded() != null) variables = builder.loaded().variables();
        if (builder.loaded() != null && !builder.loaded().document().experiment().isEmpty()) {
            throw new BadInputException(configFile + ": " + String.join(", ", builder.loaded().document().experiment().keySet())
                    + ": this build runs one benchmark per profile; sweeps and multi-run need the experiment layer"
                    + " (redline config validate reads the file; remove the section to run the benchmark once)");
        }
        if (runtime.embeddedMock && (spec.getModels() == null || spec.getModels().isEmpty())) {
            spec.setModels(List.of("mock-model"));
        }
        builder.validate(spec);
        return spec;
    }

    List<SpecOptions> groups() {
        return List.of(endpoint, load, dataset, telemetry, output, runtime);
    }
}
