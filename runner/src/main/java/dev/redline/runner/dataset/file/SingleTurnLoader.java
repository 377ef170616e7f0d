package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.Conversation;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** single_turn: one request per JSONL line, each its own session. */
final class SingleTurnLoader implements DatasetLoader {
    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        return fromRecords(JsonlRecords.read(path), ctx);
    }

    static List<Conversation> fromRecords(List<SourceRecord> records, LoadContext ctx) {
        return IntStream.range(0, records.size()).parallel()
                .mapToObj(i -> new Conversation("row-" + i, List.of(SingleTurnParser.parse(records.get(i), ctx, i))))
                .toList();
    }
}
