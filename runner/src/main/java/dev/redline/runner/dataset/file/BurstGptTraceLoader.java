package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * burst_gpt_trace: the BurstGPT CSV. Columns {@code Timestamp} (seconds), {@code Request tokens} and
 * {@code Response tokens} are used (others ignored); each row is its own session with an exact synthetic prompt of
 * the request token count. Rows with 0 request tokens (failed requests in the trace) are skipped.
 */
final class BurstGptTraceLoader implements DatasetLoader {
    private record Row(long timestampMs, int requestTokens, Integer responseTokens) { }

    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        List<Row> rows = read(path);
        return IntStream.range(0, rows.size()).parallel().mapToObj(i -> {
            Row r = rows.get(i);
            String text = ctx.generator().generate(r.requestTokens, ctx.seeds().stream("trace.prompt", i));
            Integer maxTokens = r.responseTokens != null ? r.responseTokens : ctx.defaultMaxTokens(i);
            Turn turn = new Turn(List.of(text), null, maxTokens, r.requestTokens, r.timestampMs, null, null);
            return new Conversation("row-" + i, List.of(turn));
        }).toList();
    }

    private static List<Row> read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetFormatException("cannot read dataset file " + path + ": " + e.getMessage(), e);
        }
        int headerAt = 0;
        while (headerAt < lines.size() && lines.get(headerAt).isBlank()) headerAt++;
        if (headerAt == lines.size()) throw new DatasetFormatException(path + ": the dataset file is empty; add a header row and data rows");
        String[] header = lines.get(headerAt).split(",", -1);
        int ts = column(header, "timestamp", path);
        int req = column(header, "request tokens", path);
        int resp = column(header, "response tokens", path);
        List<Row> rows = new ArrayList<>();
        for (int i = headerAt + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            String where = path + ":" + (i + 1);
            String[] cells = line.split(",", -1);
            if (cells.length < header.length) {
                throw new DatasetFormatException(where + ": expected " + header.length + " columns, got " + cells.length);
            }
            double seconds = number(cells[ts], where, "Timestamp");
            long requestTokens = Math.round(number(cells[req], where, "Request tokens"));
            long responseTokens = Math.round(number(cells[resp], where, "Response tokens"));
            if (requestTokens < 1) continue;
            rows.add(new Row(Math.round(seconds * 1000), (int) requestTokens, responseTokens > 0 ? (int) responseTokens : null));
        }
        if (rows.isEmpty()) throw new DatasetFormatException(path + ": no rows with request tokens; the trace is empty");
        return rows;
    }

    private static int column(String[] header, String name, Path path) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().toLowerCase(Locale.ROOT).equals(name)) return i;
        }
        throw new DatasetFormatException(path + ":1: missing column '" + name + "' in the CSV header; BurstGPT needs Timestamp, Request tokens, Response tokens");
    }

    private static double number(String cell, String where, String column) {
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(where + ": column '" + column + "' must be a number, got '" + cell.trim() + "'");
        }
    }
}
