package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.dataset.file.SingleTurnParser.Content;
import dev.redline.runner.dataset.media.MediaParts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * random_pool (AIPerf's): a file, or a directory whose JSONL files are each a pool of rows ({@code text}/{@code texts}
 * and media columns {@code image(s)}, {@code audio(s)}, {@code video(s)}, as single_turn takes them). Each of the
 * --num-dataset-entries requests takes one seeded random row from every pool (pools in file-name order) and sends
 * their texts and media together. With a batch size other than 1 for a modality the rows hold (--batch-size-text,
 * --image-batch-size, ...), AIPerf flattens the one pool per modality and draws that many items of each, with
 * replacement; that breaks the pairing of a row's text and media, and is refused for several named pools.
 */
final class RandomPoolLoader implements DatasetLoader {
    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        List<Path> files = Files.isDirectory(path) ? CustomDatasetType.files(path, ".jsonl") : List.of(path);
        if (files.isEmpty()) throw new DatasetFormatException(path + ": the random_pool directory has no .jsonl files; add one file per pool");
        List<List<Content>> pools = new ArrayList<>();
        for (Path f : files) {
            pools.add(JsonlRecords.read(f).stream().map(r -> Content.of(r, ctx)).toList());
        }
        LoadContext.BatchSizes batch = ctx.batchSizes();
        if (batched(pools, batch)) {
            if (pools.size() > 1) {
                throw new DatasetFormatException(path + ": random_pool batch sizes other than 1 are not supported for "
                        + pools.size() + " named pools; drop the batch-size flags or use one pool file");
            }
            if (pools.get(0).stream().anyMatch(r -> !r.media().imageUuids().isEmpty())) {
                throw new DatasetFormatException(path + ": random_pool batch sizes other than 1 are not supported when rows carry "
                        + "image cache uuids (batching unpairs them); drop the batch-size flags or the uuids");
            }
            return flattened(pools.get(0), batch, ctx);
        }
        return IntStream.range(0, ctx.entries()).parallel().mapToObj(i -> {
            Random rnd = ctx.seeds().stream("random_pool", i);
            List<Content> picked = new ArrayList<>(pools.size());
            for (List<Content> pool : pools) picked.add(pool.get(rnd.nextInt(pool.size())));
            return conversation(i, merge(picked), ctx);
        }).toList();
    }

    /** Batching applies only to a modality the rows hold (AIPerf: --image-batch-size 0 on a text pool changes nothing). */
    private static boolean batched(List<List<Content>> pools, LoadContext.BatchSizes b) {
        boolean texts = false, images = false, audios = false, videos = false;
        for (List<Content> pool : pools) {
            for (Content r : pool) {
                texts |= !r.texts().isEmpty();
                images |= !r.media().images().isEmpty();
                audios |= !r.media().audios().isEmpty();
                videos |= !r.media().videos().isEmpty();
            }
        }
        return texts && b.text() != 1 || images && b.image() != 1 || audios && b.audio() != 1 || videos && b.video() != 1;
    }

    /** One flat pool per modality, {@code batch} items of each drawn per request with replacement. */
    private static List<Conversation> flattened(List<Content> rows, LoadContext.BatchSizes b, LoadContext ctx) {
        List<String> texts = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<String> videos = new ArrayList<>();
        List<Content> audioRows = new ArrayList<>(); // a drawn clip counts its row's length, shared evenly by the row's clips (exact for one clip per row)
        for (Content r : rows) {
            texts.addAll(r.texts());
            images.addAll(r.media().images());
            videos.addAll(r.media().videos());
            for (int k = 0; k < r.media().audios().size(); k++) audioRows.add(r);
        }
        return IntStream.range(0, ctx.entries()).parallel().mapToObj(i -> {
            Random rnd = ctx.seeds().stream("random_pool.batch", i);
            List<String> t = draw(texts, b.text(), rnd);
            List<String> im = draw(images, b.image(), rnd);
            List<String> v = draw(videos, b.video(), rnd);
            List<String> a = new ArrayList<>();
            double seconds = 0;
            for (int k = 0; k < b.audio() && !audioRows.isEmpty(); k++) {
                Content r = audioRows.get(rnd.nextInt(audioRows.size()));
                a.add(r.media().audios().get(rnd.nextInt(r.media().audios().size())));
                seconds += r.media().audioSeconds() / r.media().audios().size();
            }
            MediaParts media = im.isEmpty() && a.isEmpty() && v.isEmpty() ? MediaParts.NONE : new MediaParts(im, a, v, seconds);
            return conversation(i, new Content(t, media), ctx);
        }).toList();
    }

    private static List<String> draw(List<String> pool, int n, Random rnd) {
        if (pool.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) out.add(pool.get(rnd.nextInt(pool.size())));
        return out;
    }

    private static Conversation conversation(int i, Content row, LoadContext ctx) {
        Turn turn = new Turn(row.texts(), null, ctx.defaultMaxTokens(i), ctx.count(row.texts()), null, null, null, row.media());
        return new Conversation("pool-" + i, List.of(turn));
    }

    /** One row of every pool, sent together: their texts and media in pool order. */
    private static Content merge(List<Content> rows) {
        if (rows.size() == 1) return rows.get(0);
        List<String> texts = new ArrayList<>();
        for (Content r : rows) texts.addAll(r.texts());
        return new Content(texts, MediaParts.concat(rows.stream().map(Content::media).toList()));
    }
}
