package dev.redline.runner.dataset.hub;

import dev.redline.api.validate.PublicDatasetNames;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.file.LoadContext;
import dev.redline.runner.dataset.hub.PromptRows.Shape;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The --public-dataset values, one row each as AIPerf 0.13's plugin registry declares them: the hub repository,
 * split, default subset, and the column (or template) a request is made of. Where a set comes from:
 * {@link Source#HUB_FILE} one file of the repository (ShareGPT), {@link Source#URL} one file elsewhere (SpecBench on
 * GitHub), {@link Source#SPLIT} the split's Parquet/JSON files in the hub cache, else its rows through the hub's rows
 * API.
 */
public enum PublicDataset {
    SHAREGPT("anon8231489123/ShareGPT_Vicuna_unfiltered", Source.HUB_FILE, "ShareGPT_V3_unfiltered_cleaned_split.json", null, null, null, null, null,
            "ShareGPT (Vicuna, unfiltered): each human/gpt pair a turn"),
    INSTRUCT_CODER("likaixin/InstructCoder", "train", null, Shape.PROMPT, "instruction", "InstructCoder code instructions"),
    AIMO("AI-MO/NuminaMath-TIR", "train", null, Shape.PROMPT, "problem", "NuminaMath-TIR competition math"),
    AIMO_AIME("AI-MO/aimo-validation-aime", "train", null, Shape.PROMPT, "problem", "AIMO validation AIME problems (90)"),
    AIMO_NUMINA_COT("AI-MO/NuminaMath-CoT", "train", null, Shape.PROMPT, "problem", "NuminaMath chain-of-thought math"),
    AIMO_NUMINA_1_5("AI-MO/NuminaMath-1.5", "train", null, Shape.PROMPT, "problem", "NuminaMath 1.5 math"),
    SPEC_AL_GSM8K("openai/gsm8k", "test", "main", Shape.PROMPT, "question", "GSM8K grade-school math (1319)"),
    SPEC_AL_MATH500("HuggingFaceH4/MATH-500", "test", null, Shape.PROMPT, "problem", "MATH-500 competition math (500)"),
    SPEC_AL_HUMANEVAL("openai/openai_humaneval", "test", null, Shape.PROMPT, "prompt", "HumanEval Python completions (164)"),
    SPEC_AL_MBPP("google-research-datasets/mbpp", "test", "full", Shape.PROMPT, "text", "MBPP Python tasks (500)"),
    SPEC_AL_MTBENCH("HuggingFaceH4/mt_bench_prompts", "train", null, Shape.TURNS, "prompt", "MT-Bench two-turn chats (80), one session per row"),
    BLAZEDIT_5K("vdaita/edit_5k_char", Source.SPLIT, null, "train", null, Shape.PROMPT, "change_request", Template.BLAZEDIT,
            "Blazedit ~5k-character code edits (code + change request)"),
    BLAZEDIT_10K("vdaita/edit_10k_char", Source.SPLIT, null, "train", null, Shape.PROMPT, "change_request", Template.BLAZEDIT,
            "Blazedit ~10k-character code edits (code + change request)"),
    SPEC_BENCH("hemingkx/Spec-Bench", Source.URL, "question.jsonl", "train", null, Shape.FIRST_TURN, "turns", null,
            "SpecBench questions (GitHub), the first turn of each"),
    MMSTAR("Lin-Chen/MMStar", "val", null, Shape.PROMPT, "question", "MMStar visual questions with their image") {
        @Override
        String imageColumn() {
            return "image";
        }
    };

    /** Where a set's rows come from. */
    enum Source { HUB_FILE, URL, SPLIT }

    /** AIPerf's (after vLLM's BlazeditDataset) prompt over the row's {@code code} and {@code change_request}. */
    private static final class Template {
        static final String BLAZEDIT = "Given a code file, please apply the change requests and generate the new file.\n\n"
                + "Original file:\n```python\n{code}\n```\n\nChange request:\n{change_request}\n\n"
                + "Please generate the new code file in the \"New file\" section below.";
    }

    /** SpecBench's question file, pinned to the commit AIPerf reads. */
    static final String SPEC_BENCH_URL = "https://raw.githubusercontent.com/hemingkx/Spec-Bench/fd2c1cd7d2201ef71db4c5f4e455008f017967bf/data/spec_bench/question.jsonl";

    final String repo;
    final Source source;
    final String file;
    final String split;
    final String subset;
    final Shape shape;
    final String column;
    final String template;
    private final String title;

    PublicDataset(String repo, String split, String subset, Shape shape, String column, String title) {
        this(repo, Source.SPLIT, null, split, subset, shape, column, null, title);
    }

    PublicDataset(String repo, Source source, String file, String split, String subset, Shape shape, String column,
                  String template, String title) {
        this.repo = repo;
        this.source = source;
        this.file = file;
        this.split = split;
        this.subset = subset;
        this.shape = shape;
        this.column = column;
        this.template = template;
        this.title = title;
    }

    /** The column holding each row's image (an HF Image: {bytes, path}), or null for text-only sets. */
    String imageColumn() {
        return null;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The subset read: --hf-subset, else the registry's default (AIPerf's order). */
    String subset(String requested) {
        return requested != null && !requested.isBlank() ? requested.trim() : subset;
    }

    /** A user's copy (--public-dataset-path): a file, or a directory of the split's files. */
    public static List<Path> localCopy(Path path, PublicDataset ds) {
        if (Files.isRegularFile(path)) return List.of(path);
        List<Path> files = Files.isDirectory(path) ? HubSnapshot.dataFiles(path) : List.of();
        if (files.isEmpty()) {
            throw new DatasetFormatException("public dataset '" + ds.wireName() + "': " + path.toAbsolutePath()
                    + " not found (--public-dataset-path); give the path of your " + ds.expectedFiles());
        }
        return files;
    }

    /** What a copy of the set is, for error messages. */
    String expectedFiles() {
        return file != null ? file : split + " split (Parquet, JSON or JSONL rows with '" + column + "')";
    }

    /** Conversations from local copies (the cache, a download or --public-dataset-path). */
    public List<Conversation> read(List<Path> files, LoadContext ctx) {
        if (this == SHAREGPT) return ShareGptReader.read(files.get(0), ctx);
        return PromptRows.read(files, this, ctx);
    }

    /** A one-line description for {@code redline plugins}. */
    public String describe() {
        String from = switch (source) {
            case HUB_FILE -> repo + ", file " + file;
            case URL -> "GitHub " + repo + ", " + file;
            case SPLIT -> repo + (subset == null ? "" : ", subset " + subset) + ", " + split + " split, "
                    + (template != null ? "template over " + String.join(", ", PromptRows.templateFields(template)) : "column " + column)
                    + (imageColumn() == null ? "" : ", image column " + imageColumn());
        };
        return title + "; " + from;
    }

    public static PublicDataset parse(String value) {
        PublicDataset d = dev.redline.runner.dataset.file.DatasetPlugins.publicDataset(value);
        if (d != null) return d;
        String why = PublicDatasetNames.whyNotSupported(value);
        if (why != null) throw new DatasetFormatException("public dataset '" + value + "' (--public-dataset) is not supported: " + why);
        throw new DatasetFormatException("unknown public dataset '" + value + "' (--public-dataset); use one of "
                + Arrays.stream(values()).map(PublicDataset::wireName).collect(Collectors.joining(", ")));
    }
}
