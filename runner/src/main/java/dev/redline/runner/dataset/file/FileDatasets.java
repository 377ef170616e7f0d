package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Entry point for --input-file datasets and inline {@code dataset.records}. */
public final class FileDatasets {
    private static final Logger LOG = LoggerFactory.getLogger(FileDatasets.class);
    static final int INLINE_WARN_ABOVE = 500;

    private FileDatasets() { }

    /** The conversations of {@code path} and the type used (given, or inferred from the file). */
    public record Loaded(CustomDatasetType type, List<Conversation> conversations) { }

    public static Loaded load(Path path, String type, LoadContext ctx) {
        if (!Files.exists(path)) {
            throw new DatasetFormatException("dataset file " + path.toAbsolutePath() + " not found (--input-file); check the path");
        }
        CustomDatasetType t = type == null || type.isBlank() ? CustomDatasetType.infer(path) : CustomDatasetType.parse(type);
        if (Files.isDirectory(path) && t != CustomDatasetType.RANDOM_POOL && t != CustomDatasetType.SAGEMAKER_DATA_CAPTURE
                && t != CustomDatasetType.RAW_PAYLOAD) {
            throw new DatasetFormatException(path + " is a directory; " + t.wireName()
                    + " reads one file (directories are for random_pool, sagemaker_data_capture and raw_payload)");
        }
        if (ctx.synthesis() != null && t != CustomDatasetType.MOONCAKE_TRACE) {
            throw new DatasetFormatException("--synthesis-*: trace synthesis applies to mooncake_trace files, not " + t.wireName()
                    + "; remove the synthesis settings or use a mooncake_trace file");
        }
        List<Conversation> conversations = DatasetPlugins.fileLoader(t).load(path, ctx);
        if (conversations.isEmpty()) throw new DatasetFormatException(path + ": the dataset has no entries");
        return new Loaded(t, conversations);
    }

    /** Inline records in single_turn form ({@code dataset.records}); large lists belong in a file. */
    public static List<Conversation> inline(List<Map<String, Object>> records, LoadContext ctx) {
        if (records.isEmpty()) throw new DatasetFormatException("dataset.records is empty; add records or remove the field");
        if (records.size() > INLINE_WARN_ABOVE) {
            LOG.warn("dataset.records holds {} records; above {} put them in a JSONL file and use --input-file", records.size(), INLINE_WARN_ABOVE);
        }
        List<SourceRecord> recs = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode node = JsonlRecords.JSON.valueToTree(records.get(i));
            String where = "dataset.records[" + i + "]";
            if (!(node instanceof ObjectNode obj)) throw new DatasetFormatException(where + ": must be an object with 'text'");
            recs.add(new SourceRecord(where, obj));
        }
        return SingleTurnLoader.fromRecords(recs, ctx);
    }
}
