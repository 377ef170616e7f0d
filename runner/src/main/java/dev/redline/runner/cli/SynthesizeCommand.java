package dev.redline.runner.cli;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.DatasetJsonlWriter;
import dev.redline.runner.dataset.SampledDataset;
import dev.redline.runner.tokenizer.Tokenizer;
import dev.redline.runner.tokenizer.TokenizerLoadException;
import dev.redline.runner.tokenizer.TokenizerLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code redline synthesize}: builds the dataset a {@code profile} with the same flags would use and writes it as
 * JSONL, so sweeps can generate once and replay it with {@code --input-file}.
 */
@Command(name = "synthesize", mixinStandardHelpOptions = true,
        description = "Write the dataset a profile run would use (same flags) to a JSONL file reusable with --input-file.")
public class SynthesizeCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;

    @Spec CommandSpec spec;

    @Mixin DatasetOptions dataset = new DatasetOptions();
    @Mixin MediaOptions media = new MediaOptions();

    @Option(names = {"-f", "--config"}, paramLabel = "FILE", description = "Benchmark YAML/JSON; flags override it.")
    Path config;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model name; the default tokenizer, as in profile.")
    String model;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "JSONL file to write.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            BenchmarkSpec bench = config == null ? new BenchmarkSpec() : new dev.redline.runner.config.ConfigLoader().load(config).spec();
            dataset.applyTo(bench);
            media.applyTo(bench);
            if (model != null) bench.setModels(List.of(model));
            Map<String, String> flags = new java.util.LinkedHashMap<>(dataset.flagsByField());
            flags.putAll(media.flagsByField());
            for (Violation v : SpecValidator.validate(bench)) {
                if (v.path().startsWith("dataset") || v.path().startsWith("tokenizer") || v.path().equals("randomSeed")) {
                    String flag = flags.get(v.path());
                    err.println("redline: " + (flag == null ? v.toString() : flag + " (" + v.path() + "): " + v.message()));
                    return BAD_INPUT;
                }
            }
            Tokenizer tok = TokenizerLoader.forSpec(bench);
            SampledDataset ds = DatasetFactory.build(bench, tok);
            String type = DatasetJsonlWriter.write(ds.conversations(), output);
            spec.commandLine().getOut().println("wrote " + ds.conversations().size() + " " + ds.source() + " entries to "
                    + output + " (replay with --input-file " + output + " --custom-dataset-type " + type + ")");
            return 0;
        } catch (TokenizerLoadException | DatasetFormatException | SpecException | IllegalArgumentException e) {
            err.println("redline: " + oneLine(e.getMessage()));
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("redline: cannot write " + output + ": " + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
