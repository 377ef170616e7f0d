package dev.redline.runner.dataset.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.file.LoadContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The --public-dataset values: where each comes from on the hub and how its file is read. */
public enum PublicDataset {
    /** ShareGPT (Vicuna, unfiltered): human/gpt pairs become turns, the reply's length the turn's max_tokens. */
    SHAREGPT("anon8231489123/ShareGPT_Vicuna_unfiltered", "ShareGPT_V3_unfiltered_cleaned_split.json") {
        @Override
        URI source(URI hub, URI rows, String subset) {
            return URI.create(trim(hub) + "/datasets/" + repo + "/resolve/main/" + file);
        }

        @Override
        void download(HubDatasetCache cache, URI source, Path target) throws IOException {
            try (InputStream in = cache.get(source)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public List<Conversation> read(Path file, LoadContext ctx) {
            return ShareGptReader.read(file, ctx);
        }
    },
    /** InstructCoder (likaixin): the {@code instruction} column as single-turn prompts. */
    INSTRUCT_CODER("likaixin/InstructCoder", "train.jsonl") {
        @Override
        URI source(URI hub, URI rows, String subset) {
            return URI.create(trim(rows) + "/rows?dataset=" + URLEncoder.encode(repo, StandardCharsets.UTF_8)
                    + "&config=" + URLEncoder.encode(subset == null ? "default" : subset, StandardCharsets.UTF_8) + "&split=train");
        }

        @Override
        void download(HubDatasetCache cache, URI source, Path target) throws IOException {
            downloadRows(cache, source, target);
        }

        @Override
        public List<Conversation> read(Path file, LoadContext ctx) {
            return InstructionReader.read(file, "instruction", ctx);
        }
    };

    /** How many rows are fetched through the rows API: enough variety for a benchmark, small to download. */
    static final int ROWS_TO_FETCH = 1000;
    private static final int ROWS_PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    final String repo;
    final String file;

    PublicDataset(String repo, String file) {
        this.repo = repo;
        this.file = file;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String cacheFileName() {
        return file;
    }

    abstract URI source(URI hub, URI rows, String subset);

    /** Whether the dataset is one file of a hub repository (else it is read through the rows API). */
    boolean isHubFile() {
        return this == SHAREGPT;
    }

    /** A user's copy (--public-dataset-path): a missing file says where it was looked for. */
    public static Path localCopy(Path file, PublicDataset ds) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException("public dataset '" + ds.wireName() + "': " + file.toAbsolutePath()
                    + " not found (--public-dataset-path); give the path of your " + ds.cacheFileName());
        }
        return file;
    }

    abstract void download(HubDatasetCache cache, URI source, Path target) throws IOException;

    /** Conversations from a local copy (the cached download or the user's --input-file). */
    public abstract List<Conversation> read(Path file, LoadContext ctx);

    /** A one-line description for {@code redline plugins}. */
    public String describe() {
        return repo + (isHubFile() ? ", file " + file : ", train split through the rows API");
    }

    public static PublicDataset parse(String value) {
        PublicDataset d = dev.redline.runner.dataset.file.DatasetPlugins.publicDataset(value);
        if (d != null) return d;
        throw new DatasetFormatException("unknown public dataset '" + value + "' (--public-dataset); use one of "
                + Arrays.stream(values()).map(PublicDataset::wireName).collect(Collectors.joining(", ")));
    }

    private static String trim(URI u) {
        return u.toString().replaceAll("/+$", "");
    }

    /** Pages through the hub's rows API and writes each row as one JSONL line. */
    private static void downloadRows(HubDatasetCache cache, URI source, Path target) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            int written = 0;
            while (written < ROWS_TO_FETCH) {
                JsonNode page;
                try (InputStream in = cache.get(URI.create(source + "&offset=" + written + "&length=" + ROWS_PAGE))) {
                    page = JSON.readTree(in);
                }
                JsonNode rows = page.path("rows");
                if (!rows.isArray() || rows.isEmpty()) break;
                for (JsonNode r : rows) {
                    out.write(JSON.writeValueAsString(r.path("row")));
                    out.write('\n');
                    written++;
                }
                if (rows.size() < ROWS_PAGE) break;
            }
            if (written == 0) throw new IOException("the rows API returned no rows");
        }
    }
}
