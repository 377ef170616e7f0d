package dev.redline.runner.dataset.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A split's data files inside a Hugging Face hub snapshot, as {@code huggingface-cli download} lays them out: Parquet
 * (or JSON/JSONL) files named for the split ({@code data/train-00000-of-00001.parquet}, {@code test.jsonl}) or in a
 * folder named for it, under a folder named for the subset when there is one ({@code main/test-0000.parquet}); the
 * {@code refs/convert/parquet} branch's {@code <subset>/<split>/0000.parquet} matches the same rules. A dataset card
 * ({@code README.md}) whose front matter declares {@code configs: [{config_name, data_files: [{split, path}]}]} is
 * followed first, as the {@code datasets} library does (e.g. MMStar's {@code val} split in {@code mmstar.parquet}).
 */
final class HubSnapshot {
    private HubSnapshot() { }

    /** The split's files under {@code snapshot}, sorted (shards in order); empty when none. */
    static List<Path> splitFiles(Path snapshot, String split, String subset) {
        List<Path> declared = DatasetCard.splitFiles(snapshot, split, subset);
        if (!declared.isEmpty()) return declared;
        List<Path> out = new ArrayList<>();
        for (Path f : dataFiles(snapshot)) {
            List<String> parts = new ArrayList<>();
            snapshot.relativize(f).forEach(p -> parts.add(p.toString().toLowerCase(Locale.ROOT)));
            String name = parts.remove(parts.size() - 1);
            if (!(parts.contains(split.toLowerCase(Locale.ROOT)) || namesSplit(name, split))) continue;
            if (subset != null && !subset.equalsIgnoreCase("default") && !parts.contains(subset.toLowerCase(Locale.ROOT))) continue;
            out.add(f);
        }
        return out;
    }

    /** {@code train.parquet}, {@code train-00000-of-00002.parquet}, {@code train_0.jsonl}: the split, then a separator. */
    private static boolean namesSplit(String name, String split) {
        String s = split.toLowerCase(Locale.ROOT);
        return name.startsWith(s) && name.length() > s.length() && "-._0123456789".indexOf(name.charAt(s.length())) >= 0;
    }

    /** Parquet, JSON and JSONL files under {@code dir}, sorted by path. */
    static List<Path> dataFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(HubSnapshot::isData).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isData(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".parquet") || n.endsWith(".jsonl") || n.endsWith(".json");
    }
}
