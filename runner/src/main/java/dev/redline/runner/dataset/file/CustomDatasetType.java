package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.dataset.DatasetFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The --custom-dataset-type values and whether each replays a schedule (a trace), and for the SPEED-Bench types the
 * split file and category their one loader reads; the loader of each is in the plugin registry ({@link DatasetPlugins}).
 */
public enum CustomDatasetType {
    SINGLE_TURN(false),
    MULTI_TURN(false),
    RANDOM_POOL(false),
    MOONCAKE_TRACE(true),
    BAILIAN_TRACE(true),
    BURST_GPT_TRACE(true),
    SAGEMAKER_DATA_CAPTURE(true),
    RAW_PAYLOAD(false),
    INPUTS_JSON(false),
    // SPEED-Bench (AIPerf 0.13's speed_bench_* loaders): the split file each reads and the category it keeps (null: all)
    SPEED_BENCH_QUALITATIVE("qualitative.jsonl", null),
    SPEED_BENCH_CODING("qualitative.jsonl", "coding"),
    SPEED_BENCH_HUMANITIES("qualitative.jsonl", "humanities"),
    SPEED_BENCH_MATH("qualitative.jsonl", "math"),
    SPEED_BENCH_MULTILINGUAL("qualitative.jsonl", "multilingual"),
    SPEED_BENCH_QA("qualitative.jsonl", "qa"),
    SPEED_BENCH_RAG("qualitative.jsonl", "rag"),
    SPEED_BENCH_REASONING("qualitative.jsonl", "reasoning"),
    SPEED_BENCH_ROLEPLAY("qualitative.jsonl", "roleplay"),
    SPEED_BENCH_STEM("qualitative.jsonl", "stem"),
    SPEED_BENCH_SUMMARIZATION("qualitative.jsonl", "summarization"),
    SPEED_BENCH_WRITING("qualitative.jsonl", "writing"),
    SPEED_BENCH_THROUGHPUT_1K("throughput_1k.jsonl", null),
    SPEED_BENCH_THROUGHPUT_1K_LOW_ENTROPY("throughput_1k.jsonl", "low_entropy"),
    SPEED_BENCH_THROUGHPUT_1K_MIXED("throughput_1k.jsonl", "mixed"),
    SPEED_BENCH_THROUGHPUT_1K_HIGH_ENTROPY("throughput_1k.jsonl", "high_entropy"),
    SPEED_BENCH_THROUGHPUT_2K("throughput_2k.jsonl", null),
    SPEED_BENCH_THROUGHPUT_2K_LOW_ENTROPY("throughput_2k.jsonl", "low_entropy"),
    SPEED_BENCH_THROUGHPUT_2K_MIXED("throughput_2k.jsonl", "mixed"),
    SPEED_BENCH_THROUGHPUT_2K_HIGH_ENTROPY("throughput_2k.jsonl", "high_entropy"),
    SPEED_BENCH_THROUGHPUT_8K("throughput_8k.jsonl", null),
    SPEED_BENCH_THROUGHPUT_8K_LOW_ENTROPY("throughput_8k.jsonl", "low_entropy"),
    SPEED_BENCH_THROUGHPUT_8K_MIXED("throughput_8k.jsonl", "mixed"),
    SPEED_BENCH_THROUGHPUT_8K_HIGH_ENTROPY("throughput_8k.jsonl", "high_entropy"),
    SPEED_BENCH_THROUGHPUT_16K("throughput_16k.jsonl", null),
    SPEED_BENCH_THROUGHPUT_16K_LOW_ENTROPY("throughput_16k.jsonl", "low_entropy"),
    SPEED_BENCH_THROUGHPUT_16K_MIXED("throughput_16k.jsonl", "mixed"),
    SPEED_BENCH_THROUGHPUT_16K_HIGH_ENTROPY("throughput_16k.jsonl", "high_entropy"),
    SPEED_BENCH_THROUGHPUT_32K("throughput_32k.jsonl", null),
    SPEED_BENCH_THROUGHPUT_32K_LOW_ENTROPY("throughput_32k.jsonl", "low_entropy"),
    SPEED_BENCH_THROUGHPUT_32K_MIXED("throughput_32k.jsonl", "mixed"),
    SPEED_BENCH_THROUGHPUT_32K_HIGH_ENTROPY("throughput_32k.jsonl", "high_entropy");

    private final boolean trace;
    private final String speedBenchSplit;
    private final String speedBenchCategory;

    CustomDatasetType(boolean trace) {
        this.trace = trace;
        this.speedBenchSplit = null;
        this.speedBenchCategory = null;
    }

    CustomDatasetType(String speedBenchSplit, String speedBenchCategory) {
        this.trace = false;
        this.speedBenchSplit = speedBenchSplit;
        this.speedBenchCategory = speedBenchCategory;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTrace() {
        return trace;
    }

    /** The SPEED-Bench split file this type is named for ({@code qualitative.jsonl}, {@code throughput_1k.jsonl}, ...), or null. */
    public String speedBenchSplit() {
        return speedBenchSplit;
    }

    /** The SPEED-Bench category this type keeps, or null for the whole split (or a non-SPEED-Bench type). */
    public String speedBenchCategory() {
        return speedBenchCategory;
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(CustomDatasetType::wireName).toList();
    }

    public static CustomDatasetType parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (CustomDatasetType t : values()) {
            if (t.wireName().equals(v)) return t;
        }
        throw new DatasetFormatException("unknown dataset type '" + value + "' (--custom-dataset-type); use one of "
                + String.join(", ", wireNames()));
    }

    /** An inputs.json: one JSON object whose {@code data} list holds {@code {session_id, payloads}} sessions. */
    private static boolean isInputsJson(Path path) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = JsonlRecords.JSON.readTree(path.toFile());
            return root != null && root.path("data").path(0).path("payloads").isArray();
        } catch (java.io.IOException e) {
            return false; // not one JSON document: JSONL or broken, inferred below
        }
    }

    /** Infers the type from the path: a CSV is a BurstGPT trace, a directory a random pool, JSONL by its first record's keys. */
    public static CustomDatasetType infer(Path path) {
        if (Files.isDirectory(path)) {
            Path first = firstJsonl(path);
            ObjectNode o = first == null ? null : JsonlRecords.firstObject(first);
            return o != null && o.has("captureData") ? SAGEMAKER_DATA_CAPTURE : RANDOM_POOL;
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) return BURST_GPT_TRACE;
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") && isInputsJson(path)) return INPUTS_JSON;
        ObjectNode o = JsonlRecords.firstObject(path);
        if (o == null) {
            // read fully for the precise error (empty file, malformed first line)
            JsonlRecords.read(path);
            throw new DatasetFormatException(path + ": cannot infer the dataset type; pass --custom-dataset-type");
        }
        if (o.has("captureData")) return SAGEMAKER_DATA_CAPTURE;
        // AIPerf does not infer SPEED-Bench either: every split has several types (whole split, one per category)
        if (o.has("question_id") && o.has("category") && o.has("messages")) {
            throw new DatasetFormatException(path + ":1: a SPEED-Bench row (question_id, category, messages); pass --custom-dataset-type "
                    + "speed_bench_qualitative, speed_bench_<category> or speed_bench_throughput_<1k|2k|8k|16k|32k>[_<entropy tier>]");
        }
        if (o.has("chat_id") || o.has("parent_chat_id")) return BAILIAN_TRACE;
        if (o.has("turns")) return MULTI_TURN;
        if (o.has("hash_ids") || o.has("input_length") || o.has("text_input") || o.has("messages")) return MOONCAKE_TRACE;
        if (o.has("text") || o.has("texts")) return SINGLE_TURN;
        Iterator<String> names = o.fieldNames();
        Iterable<String> it = () -> names;
        String keys = String.join(", ", it);
        throw new DatasetFormatException(path + ":1: cannot infer the dataset type from the keys [" + keys
                + "]; pass --custom-dataset-type (" + String.join(", ", wireNames()) + ")");
    }

    static Path firstJsonl(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".jsonl")).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new DatasetFormatException("cannot list dataset directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
