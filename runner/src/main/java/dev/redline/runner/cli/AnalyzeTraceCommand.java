package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.trace.TraceAnalysis;
import dev.redline.runner.dataset.trace.TraceAnalyzer;
import dev.redline.runner.dataset.trace.TraceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code redline analyze-trace <file>}: request count, ISL/OSL, arrivals and prefix-cache reuse of a mooncake-style trace. */
@Command(name = "analyze-trace", mixinStandardHelpOptions = true,
        description = "Statistics of a mooncake-style trace: ISL/OSL distributions, arrival rate over time, hash-block reuse and the theoretical prefix-cache hit rate.")
public class AnalyzeTraceCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Trace JSONL (timestamp, input_length, output_length, hash_ids).")
    Path file;

    @Option(names = "--input-file", paramLabel = "FILE", description = "The trace file, as AIPerf names it (instead of FILE).")
    Path inputFile;

    @Option(names = "--block-size", paramLabel = "TOKENS", defaultValue = "512",
            description = "Tokens per hash block, for token-weighted cache figures. Default 512.")
    int blockSize;

    @Option(names = "--window-seconds", paramLabel = "S", defaultValue = "60",
            description = "Width of the arrival-rate windows. Default 60.")
    double windowSeconds;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Also write the analysis as JSON to FILE.")
    Path outputFile;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (file != null && inputFile != null && !file.equals(inputFile)) {
            err.println("redline: give the trace once: FILE or --input-file, not both");
            return BAD_INPUT;
        }
        if (file == null) file = inputFile;
        if (file == null) {
            err.println("redline: analyze-trace needs a trace file: redline analyze-trace FILE (or --input-file FILE)");
            return BAD_INPUT;
        }
        try {
            if (!Files.isRegularFile(file)) {
                err.println("redline: trace file " + file.toAbsolutePath() + " not found; pass the path of a JSONL trace");
                return BAD_INPUT;
            }
            TraceAnalysis a = new TraceAnalyzer(blockSize, windowSeconds).analyze(file);
            PrintWriter out = spec.commandLine().getOut();
            out.print(TraceReport.console(a));
            out.flush(); // print() does not auto-flush, and main() exits without flushing picocli's writer
            if (outputFile != null) {
                Path parent = outputFile.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                JSON.writeValue(outputFile.toFile(), a);
                out.println("JSON written to " + outputFile);
            }
            return 0;
        } catch (DatasetFormatException | IllegalArgumentException e) {
            err.println("redline: " + SynthesizeCommand.oneLine(e.getMessage()));
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("redline: cannot write " + outputFile + ": " + SynthesizeCommand.oneLine(e.getMessage()));
            return BAD_INPUT;
        }
    }
}
