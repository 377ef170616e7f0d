package dev.redline.runner.cli;

import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import dev.redline.runner.BadInputException;
import dev.redline.runner.distributed.LocalDistributedRun;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.profile.ProfileRun;
import dev.redline.runner.profile.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    @Mixin MediaOptions media = new MediaOptions();
    @Mixin TelemetryOptions telemetry = new TelemetryOptions();
    @Mixin OutputOptions output = new OutputOptions();
    @Mixin RuntimeOptions runtime = new RuntimeOptions();
    @Mixin MockEngineOptions mockEngine = new MockEngineOptions();

    @Override
    public Integer call() throws java.io.IOException {
        BenchmarkSpec spec = buildSpec();
        RunOptions options = runtime.toRunOptions(embeddedMock());
        int runners = runtime.runners();
        if (runners > 1) return new LocalDistributedRun(spec, options, runners, System.out, System.err).run();
        return new ProfileRun(spec, options).run();
    }

    /** The in-process mock's settings (--mock-server with the engine flags), or null without --mock-server. */
    MockServerOptions embeddedMock() {
        if (!runtime.embeddedMock) {
            List<String> given = mockEngine.given();
            if (!given.isEmpty()) throw new BadInputException(given.get(0) + " configures the built-in mock; add --mock-server");
            return null;
        }
        return new MockServerOptions().engine(mockEngine.config());
    }

    /** File, then flags, then validation; throws BadInputException naming the flag or field. */
    BenchmarkSpec buildSpec() {
        BenchmarkSpec spec = configFile == null ? new BenchmarkSpec() : SpecReader.read(configFile);
        List<SpecOptions> groups = groups();
        for (SpecOptions g : groups) g.applyTo(spec);
        if (runtime.embeddedMock && (spec.getModels() == null || spec.getModels().isEmpty())) {
            spec.setModels(List.of("mock-model"));
        }
        List<Violation> violations = SpecValidator.validate(spec);
        if (!violations.isEmpty()) {
            throw new BadInputException(describe(violations.get(0), flagsByField(groups)));
        }
        return spec;
    }

    List<SpecOptions> groups() {
        return List.of(endpoint, load, dataset, media, telemetry, output);
    }

    private static Map<String, String> flagsByField(List<SpecOptions> groups) {
        Map<String, String> all = new LinkedHashMap<>();
        for (SpecOptions g : groups) all.putAll(g.flagsByField());
        return all;
    }

    /** "--concurrency (phases[1].concurrency): must be at least 1 ..." or the bare path when no flag maps. */
    static String describe(Violation v, Map<String, String> flags) {
        String generic = v.path().replaceAll("\\[\\d+]", "[*]");
        String flag = flags.get(generic);
        if (flag == null) {
            int dot = generic.lastIndexOf('.');
            if (dot > 0) flag = flags.get(generic.substring(0, dot) + ".*");
        }
        return flag == null ? v.toString() : flag + " (" + v.path() + "): " + v.message();
    }
}
