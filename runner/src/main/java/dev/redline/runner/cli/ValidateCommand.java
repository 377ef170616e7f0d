package dev.redline.runner.cli;

import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.file.TraceValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code redline validate mooncake-trace FILE}: AIPerf's artifact check, one line per bad row (at most 10). */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a benchmark artifact: mooncake-trace checks every row of a trace JSONL against the Mooncake row model (exit 1 when a row is refused).")
public class ValidateCommand implements Callable<Integer> {
    static final String MOONCAKE = "mooncake-trace";
    static final int MAX_ERRORS = 10;

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "Artifact format: mooncake-trace.")
    String target;

    @Parameters(index = "1", arity = "0..1", paramLabel = "INPUT", description = "Path to the artifact file.")
    Path input;

    @Option(names = "--target", paramLabel = "TARGET", description = "The artifact format, as an option (instead of TARGET).")
    String targetOption;

    @Option(names = "--input", paramLabel = "INPUT", description = "The artifact file, as an option (instead of INPUT).")
    Path inputOption;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // with --target given, a lone positional is the input (AIPerf's `validate --target T FILE`)
        if (targetOption != null && target != null && input == null) {
            input = Path.of(target);
            target = null;
        }
        String t = targetOption != null ? targetOption : target;
        Path file = inputOption != null ? inputOption : input;
        if (t == null || file == null || (targetOption != null && target != null) || (inputOption != null && input != null)) {
            err.println("redline: validate needs a target and a file, each once: redline validate mooncake-trace FILE");
            return AnalyzeTraceCommand.BAD_INPUT;
        }
        if (!MOONCAKE.equals(t)) {
            err.println("redline: validate: unknown target '" + t + "'; the target is mooncake-trace");
            return AnalyzeTraceCommand.BAD_INPUT;
        }
        if (!Files.isRegularFile(file)) {
            out.println("Validation failed: " + file + " is not a file.");
            return 1;
        }
        TraceValidation.Result r;
        try {
            r = TraceValidation.mooncake(file, MAX_ERRORS);
        } catch (DatasetFormatException e) {
            out.println("Validation failed: " + e.getMessage());
            return 1;
        }
        if (!r.errors().isEmpty()) {
            out.println("Validation failed with " + r.errors().size() + " error(s):");
            r.errors().forEach(e -> out.println("  " + e));
            return 1;
        }
        if (r.rows() == 0) {
            out.println("Validation failed: " + file + " has no rows; a trace has one JSON object per line.");
            return 1;
        }
        out.println("Validation passed: " + r.rows() + " rows are Mooncake-compatible.");
        return 0;
    }
}
