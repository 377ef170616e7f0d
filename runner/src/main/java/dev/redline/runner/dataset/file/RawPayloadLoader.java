package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * raw_payload (AIPerf's): complete request bodies replayed verbatim. A file is one single-turn session per line; a
 * directory is one session per {@code .jsonl} file (in name order), its lines the turns in order, each sent as it is
 * (the body carries the whole context, so nothing is appended to it).
 */
final class RawPayloadLoader implements DatasetLoader {
    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        List<Conversation> out = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> files = CustomDatasetType.files(path, ".jsonl");
            if (files.isEmpty()) throw new DatasetFormatException(path + ": the raw_payload directory has no .jsonl files; add one file per session");
            for (Path f : files) {
                List<Turn> turns = JsonlRecords.read(f).stream().map(r -> RawPayloads.turn(r, ctx)).toList();
                String name = f.getFileName().toString();
                out.add(new Conversation(name.substring(0, name.length() - ".jsonl".length()), turns, true));
            }
            return out;
        }
        List<SourceRecord> records = JsonlRecords.read(path);
        for (int i = 0; i < records.size(); i++) {
            out.add(new Conversation("raw-" + i, List.of(RawPayloads.turn(records.get(i), ctx)), true));
        }
        return out;
    }
}
