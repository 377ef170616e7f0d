package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * random_pool: a file, or a directory whose JSONL files are each a pool of rows ({@code text}/{@code texts}). Each of
 * the --num-dataset-entries requests takes one seeded random row from every pool (pools in file-name order) and sends
 * their texts together.
 */
final class RandomPoolLoader implements DatasetLoader {
    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        List<Path> files = Files.isDirectory(path) ? CustomDatasetType.files(path, ".jsonl") : List.of(path);
        if (files.isEmpty()) throw new DatasetFormatException(path + ": the random_pool directory has no .jsonl files; add one file per pool");
        List<List<List<String>>> pools = new ArrayList<>();
        for (Path f : files) {
            pools.add(JsonlRecords.read(f).stream().map(SingleTurnParser::texts).toList());
        }
        return IntStream.range(0, ctx.entries()).parallel().mapToObj(i -> {
            Random rnd = ctx.seeds().stream("random_pool", i);
            List<String> texts = new ArrayList<>();
            for (List<List<String>> pool : pools) texts.addAll(pool.get(rnd.nextInt(pool.size())));
            Turn turn = new Turn(texts, null, ctx.defaultMaxTokens(i), ctx.count(texts), null, null, null);
            return new Conversation("pool-" + i, List.of(turn));
        }).toList();
    }
}
