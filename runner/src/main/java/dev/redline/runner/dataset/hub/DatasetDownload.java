package dev.redline.runner.dataset.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Fetching a public dataset that is not cached: one file by URL (the hub's resolve URL, or SpecBench's pinned GitHub
 * file), or a split's first {@value #ROWS_TO_FETCH} rows through the hub's rows API, written as JSONL.
 */
final class DatasetDownload {
    /** How many rows are fetched through the rows API: enough variety for a benchmark, small to download. */
    static final int ROWS_TO_FETCH = 1000;
    private static final int ROWS_PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetDownload() { }

    static URI source(PublicDataset ds, URI hub, URI rows, String subset) {
        return switch (ds.source) {
            case HUB_FILE -> URI.create(trim(hub) + "/datasets/" + ds.repo + "/resolve/main/" + ds.file);
            case URL -> URI.create(PublicDataset.SPEC_BENCH_URL);
            case SPLIT -> {
                String config = ds.subset(subset);
                yield URI.create(trim(rows) + "/rows?dataset=" + URLEncoder.encode(ds.repo, StandardCharsets.UTF_8)
                        + "&config=" + URLEncoder.encode(config == null ? "default" : config, StandardCharsets.UTF_8)
                        + "&split=" + URLEncoder.encode(ds.split, StandardCharsets.UTF_8));
            }
        };
    }

    static void download(HubDatasetCache cache, PublicDataset ds, URI source, Path target) throws IOException {
        if (ds.source != PublicDataset.Source.SPLIT) {
            try (InputStream in = cache.get(source)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
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

    private static String trim(URI u) {
        return u.toString().replaceAll("/+$", "");
    }
}
