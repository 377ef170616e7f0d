package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.hub.PublicDataset;
import dev.redline.runner.plugin.PluginRegistry;

import java.util.function.Supplier;

/**
 * The dataset sources in the plugin registry: each --custom-dataset-type with its loader, and each
 * --public-dataset. File and public datasets are looked up here by name ({@link FileDatasets}, the dataset
 * factory); a new format or public set registers here.
 */
public final class DatasetPlugins {
    /** A file format's loader, or a public dataset. */
    public record Source(Supplier<DatasetLoader> fileLoader, PublicDataset publicSet) { }

    public static final PluginRegistry.Category<Source> DATASETS = PluginRegistry.category("dataset");

    static {
        file(CustomDatasetType.SINGLE_TURN, SingleTurnLoader::new, "JSONL, one request per line (text/texts, output_length, timestamp or delay)");
        file(CustomDatasetType.MULTI_TURN, MultiTurnLoader::new, "JSONL, one session per line (session_id, turns)");
        file(CustomDatasetType.RANDOM_POOL, RandomPoolLoader::new, "JSONL file or directory of pools; requests sampled from them");
        file(CustomDatasetType.MOONCAKE_TRACE, MooncakeTraceLoader::new, "trace JSONL: timestamp, input_length + hash_ids | text_input | messages, output_length");
        file(CustomDatasetType.BAILIAN_TRACE, BailianTraceLoader::new, "Bailian trace JSONL: chat_id, parent_chat_id, timestamp (s), hash_ids (16-token blocks)");
        file(CustomDatasetType.BURST_GPT_TRACE, BurstGptTraceLoader::new, "BurstGPT CSV: Timestamp, Request tokens, Response tokens");
        file(CustomDatasetType.SAGEMAKER_DATA_CAPTURE, SageMakerCaptureLoader::new, "SageMaker data-capture JSONL (file or directory) of chat bodies");
        file(CustomDatasetType.RAW_PAYLOAD, RawPayloadLoader::new, "JSONL of complete request bodies sent verbatim (a directory: one session per file)");
        file(CustomDatasetType.INPUTS_JSON, InputsJsonLoader::new, "an inputs.json ({data: [{session_id, payloads}]}) replayed verbatim");
        for (CustomDatasetType t : CustomDatasetType.values()) {
            if (t.speedBenchSplit() == null) continue;
            String rows = t.speedBenchCategory() == null ? "every row" : "the rows of category " + t.speedBenchCategory();
            file(t, () -> new SpeedBenchLoader(t), "SPEED-Bench " + t.speedBenchSplit() + " (question_id, category, messages): " + rows);
        }
        for (PublicDataset d : PublicDataset.values()) {
            DATASETS.register(d.wireName(), "public dataset (--public-dataset): " + d.describe(), new Source(null, d));
        }
    }

    private DatasetPlugins() { }

    private static void file(CustomDatasetType type, Supplier<DatasetLoader> loader, String description) {
        DATASETS.register(type.wireName(), "file (--custom-dataset-type): " + description, new Source(loader, null));
    }

    /** The loader registered for a file format. */
    static DatasetLoader fileLoader(CustomDatasetType type) {
        Source s = DATASETS.find(type.wireName());
        if (s == null || s.fileLoader() == null) throw new IllegalStateException("no loader registered for " + type.wireName());
        return s.fileLoader().get();
    }

    /** The public dataset registered as {@code name} (case and '-' insensitive), or null. */
    public static PublicDataset publicDataset(String name) {
        Source s = DATASETS.find(name.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
        return s == null ? null : s.publicSet();
    }
}
