package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.dataset.media.MediaColumns;
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
        List<List<PoolRow>> pools = new ArrayList<>();
        for (Path f : files) {
            pools.add(JsonlRecords.read(f).stream().map(r -> PoolRow.parse(r, ctx)).toList());
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
            List<PoolRow> picked = new ArrayList<>(pools.size());
            for (List<PoolRow> pool : pools) picked.add(pool.get(rnd.nextInt(pool.size())));
            return conversation(i, PoolRow.merge(picked), ctx);
        }).toList();
    }

    /** Batching applies only to a modality the rows hold (AIPerf: --image-batch-size 0 on a text pool changes nothing). */
    private static boolean batched(List<List<PoolRow>> pools, LoadContext.BatchSizes b) {
        boolean texts = false, images = false, audios = false, videos = false;
        for (List<PoolRow> pool : pools) {
            for (PoolRow r : pool) {
                texts |= !r.texts().isEmpty();
                images |= !r.media().images().isEmpty();
                audios |= !r.media().audios().isEmpty();
                videos |= !r.media().videos().isEmpty();
            }
        }
        return texts && b.text() != 1 || images && b.image() != 1 || audios && b.audio() != 1 || videos && b.video() != 1;
    }

    /** One flat pool per modality, {@code batch} items of each drawn per request with replacement. */
    private static List<Conversation> flattened(List<PoolRow> rows, LoadContext.BatchSizes b, LoadContext ctx) {
        List<String> texts = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<String> videos = new ArrayList<>();
        List<PoolRow> audioRows = new ArrayList<>(); // an audio clip keeps its length (audio_duration, RTFx)
        for (PoolRow r : rows) {
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
                PoolRow r = audioRows.get(rnd.nextInt(audioRows.size()));
                a.add(r.media().audios().get(rnd.nextInt(r.media().audios().size())));
                seconds += r.media().audioSeconds() / r.media().audios().size();
            }
            MediaParts media = im.isEmpty() && a.isEmpty() && v.isEmpty() ? MediaParts.NONE : new MediaParts(im, a, v, seconds);
            return conversation(i, new PoolRow(t, media), ctx);
        }).toList();
    }

    private static List<String> draw(List<String> pool, int n, Random rnd) {
        if (pool.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) out.add(pool.get(rnd.nextInt(pool.size())));
        return out;
    }

    private static Conversation conversation(int i, PoolRow row, LoadContext ctx) {
        Turn turn = new Turn(row.texts(), null, ctx.defaultMaxTokens(i), ctx.count(row.texts()), null, null, null, row.media());
        return new Conversation("pool-" + i, List.of(turn));
    }

    /** A pool row: its texts (possibly none) and media (possibly none); at least one of the two. */
    private record PoolRow(List<String> texts, MediaParts media) {
        static PoolRow parse(SourceRecord rec, LoadContext ctx) {
            MediaParts media = MediaColumns.parse(rec.node(), rec.where(), ctx.mediaFiles());
            List<String> texts = media.isEmpty() || rec.has("text") || rec.has("texts") ? SingleTurnParser.texts(rec) : List.of();
            return new PoolRow(texts, media);
        }

        static PoolRow merge(List<PoolRow> rows) {
            if (rows.size() == 1) return rows.get(0);
            List<String> texts = new ArrayList<>();
            List<String> images = new ArrayList<>();
            List<String> uuids = new ArrayList<>();
            List<String> audios = new ArrayList<>();
            List<String> videos = new ArrayList<>();
            double seconds = 0;
            for (PoolRow r : rows) {
                texts.addAll(r.texts());
                images.addAll(r.media().images());
                for (int i = 0; i < r.media().images().size(); i++) uuids.add(r.media().imageUuid(i));
                audios.addAll(r.media().audios());
                videos.addAll(r.media().videos());
                seconds += r.media().audioSeconds();
            }
            MediaParts media = images.isEmpty() && audios.isEmpty() && videos.isEmpty() ? MediaParts.NONE
                    : new MediaParts(images, audios, videos, seconds, uuids.stream().allMatch(String::isEmpty) ? List.of() : uuids);
            return new PoolRow(texts, media);
        }
    }
}
