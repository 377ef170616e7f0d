package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.DatasetFormatException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code redline validate mooncake-trace FILE}: every row of a trace checked against the Mooncake row model the
 * loader uses ({@link MooncakeTraceLoader#check}), without building prompts; each bad line is reported on its own.
 */
public final class TraceValidation {
    private TraceValidation() { }

    /** The rows read and up to {@code maxErrors} problems, each {@code "Line N: ..."}. */
    public record Result(int rows, List<String> errors) { }

    public static Result mooncake(Path file, int maxErrors) {
        List<String> errors = new ArrayList<>();
        int[] rows = {0};
        JsonlRecords.forEach(file, (line, record, problem) -> {
            rows[0]++;
            if (problem == null) {
                try {
                    MooncakeTraceLoader.check(record);
                } catch (DatasetFormatException e) {
                    problem = withoutPlace(e.getMessage(), record.where());
                }
            }
            if (problem != null) errors.add("Line " + line + ": " + problem);
            return errors.size() < maxErrors;
        });
        return new Result(rows[0], errors);
    }

    private static String withoutPlace(String message, String where) {
        return message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message;
    }
}
