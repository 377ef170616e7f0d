package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.v1alpha1.RankingsSpec;
import dev.redline.api.v1alpha1.SynthesisSpec;
import dev.redline.api.v1alpha1.TokenizerSpec;
import dev.redline.runner.BadInputException;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Dataset, prompt-length and tokenizer flags of {@code redline profile} and {@code redline synthesize} (AIPerf names). */
public class DatasetOptions implements SpecOptions {
    @Option(names = {"--isl", "--synthetic-input-tokens-mean", "--prompt-input-tokens-mean"}, paramLabel = "TOKENS",
            description = "Mean prompt length in tokens of the tokenizer; every prompt hits its drawn length exactly. Default 550.")
    Integer islMean;

    @Option(names = {"--isl-stddev", "--synthetic-input-tokens-stddev", "--prompt-input-tokens-stddev"}, paramLabel = "TOKENS",
            description = "Standard deviation of the prompt length (needs --isl). Default 0.")
    Double islStddev;

    @Option(names = {"--osl", "--output-tokens-mean", "--prompt-output-tokens-mean"}, paramLabel = "TOKENS",
            description = "Mean output length, sent as max_completion_tokens/max_tokens. Unset: no limit is sent.")
    Integer oslMean;

    @Option(names = {"--osl-stddev", "--output-tokens-stddev", "--prompt-output-tokens-stddev"}, paramLabel = "TOKENS",
            description = "Standard deviation of the output length (needs --osl). Default 0.")
    Double oslStddev;

    @Option(names = {"--num-dataset-entries", "--num-prompts"}, paramLabel = "N",
            description = "Number of distinct prompts generated. Default 100.")
    Integer entries;

    @Option(names = "--tokenizer", paramLabel = "NAME|PATH",
            description = "Hugging Face model id (downloaded once into the cache), a directory with tokenizer.json, a tokenizer.json, or builtin (o200k_base). Default: the model name.")
    String tokenizer;

    @Option(names = "--tokenizer-revision", paramLabel = "REV",
            description = "Branch, tag or commit of a Hugging Face tokenizer. Default main.")
    String tokenizerRevision;

    @Option(names = "--tokenizer-trust-remote-code", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Accepted for AIPerf compatibility; tokenizer.json files run no remote code, so it has no effect.")
    Boolean trustRemoteCode;

    @Option(names = {"--num-prefix-prompts", "--prompt-prefix-pool-size", "--prefix-prompt-pool-size"}, paramLabel = "K",
            description = "Number of shared prefixes; each entry starts with a seeded choice of one (needs --prefix-prompt-length).")
    Integer prefixPromptCount;

    @Option(names = {"--prefix-prompt-length", "--prompt-prefix-length"}, paramLabel = "TOKENS",
            description = "Length of each shared prefix in tokens; it is added to the entry's ISL.")
    Integer prefixPromptLength;

    @Option(names = {"--prompt-input-tokens-block-size", "--isl-block-size", "--synthetic-input-tokens-block-size"}, paramLabel = "TOKENS",
            description = "Tokens per hash_ids block in traces. Default 512 (mooncake_trace), 16 (bailian_trace).")
    Integer blockSize;

    @Option(names = "--dataset-sampling-strategy", paramLabel = "sequential|random|shuffle",
            description = "Order entries are used in. Default shuffle for synthetic and public data, sequential for files and traces.")
    String samplingStrategy;

    @Option(names = {"--prompt-batch-size", "--batch-size-text", "--batch-size", "-b"}, paramLabel = "N",
            description = "Texts per request for batch endpoints (embeddings inputs). Default 1.")
    Integer batchSize;

    @Option(names = "--rankings-passages-mean", paramLabel = "N",
            description = "Mean passages per ranking request (rankings endpoint types). Default 1.")
    Integer rankingsPassagesMean;

    @Option(names = "--rankings-passages-stddev", paramLabel = "N", description = "Standard deviation of the passages per request. Default 0.")
    Double rankingsPassagesStddev;

    @Option(names = "--rankings-passages-prompt-token-mean", paramLabel = "TOKENS", description = "Mean tokens per passage. Default 550.")
    Integer rankingsPassageTokensMean;

    @Option(names = "--rankings-passages-prompt-token-stddev", paramLabel = "TOKENS", description = "Standard deviation of the passage length. Default 0.")
    Double rankingsPassageTokensStddev;

    @Option(names = "--rankings-query-prompt-token-mean", paramLabel = "TOKENS", description = "Mean tokens of the query. Default 550.")
    Integer rankingsQueryTokensMean;

    @Option(names = "--rankings-query-prompt-token-stddev", paramLabel = "TOKENS", description = "Standard deviation of the query length. Default 0.")
    Double rankingsQueryTokensStddev;

    @Option(names = "--input-file", paramLabel = "PATH",
            description = "Dataset file (or directory for random_pool / sagemaker_data_capture / raw_payload), or a local copy of a --public-dataset.")
    String inputFile;

    @Option(names = "--custom-dataset-type", paramLabel = "TYPE",
            description = "Format of --input-file: single_turn, multi_turn, random_pool, mooncake_trace, bailian_trace, burst_gpt_trace, sagemaker_data_capture, raw_payload, inputs_json, speed_bench_qualitative, speed_bench_CATEGORY (coding, humanities, math, multilingual, qa, rag, reasoning, roleplay, stem, summarization, writing), speed_bench_throughput_ISL (1k, 2k, 8k, 16k, 32k) and speed_bench_throughput_ISL_TIER (low_entropy, mixed, high_entropy). Inferred when unset (except SPEED-Bench).")
    String customDatasetType;

    @Option(names = "--public-dataset", paramLabel = "NAME",
            description = "AIPerf's public dataset (sharegpt, instruct_coder, aimo, aimo_aime, aimo_numina_cot, aimo_numina_1_5, spec_al_gsm8k, spec_al_math500, spec_al_humaneval, spec_al_mbpp, spec_al_mtbench, blazedit_5k, blazedit_10k, spec_bench, mmstar; `redline plugins` lists them): read from --public-dataset-path, else the Hugging Face cache (HF_HOME, HF_HUB_CACHE; Parquet/JSON/JSONL), else downloaded once unless HF_HUB_OFFLINE=1.")
    String publicDataset;

    @Option(names = "--public-dataset-path", paramLabel = "FILE",
            description = "Local copy of the public dataset: its file (e.g. ShareGPT_V3_unfiltered_cleaned_split.json), or the split as Parquet, JSON or JSONL (a file or a directory of shards); no cache or network used.")
    String publicDatasetPath;

    @Option(names = {"--seq-dist", "--sequence-distribution"}, paramLabel = "ISL,OSL:PCT;...",
            description = "Mixture of (ISL, OSL) pairs with percentages adding up to 100, e.g. \"256,128:40;512,256:60\" (ISL|SD for a spread; also [(256,128):40,...] or JSON {\"pairs\": [...]}).")
    String sequenceDistribution;

    @Option(names = "--prompt-corpus", paramLabel = "sonnet",
            description = "Source text of synthetic prompts: sonnet (Shakespeare's sonnets, the default; AIPerf's coding and random corpora are not available).")
    String corpus;

    @Option(names = "--cache-bust", paramLabel = "TARGET", converter = CacheBustConverter.class,
            description = "Marker in each session's prompt against the server's prefix cache: none (default), system_prefix, system_suffix, first_turn_prefix, first_turn_suffix (a per-session [rid:...] digest), warmup_isolation_system, warmup_isolation_first_turn (a [warmup] marker in warmup requests only).")
    dev.redline.api.v1alpha1.CacheBustTarget cacheBust;

    @Option(names = "--random-range-ratio", paramLabel = "R|{\"input\":R,\"output\":R}",
            description = "Draw each prompt's ISL and OSL uniformly from a window around --isl/--osl (both needed, without stddev): a ratio for both or a JSON object for each; see --random-corpus-style.")
    String rangeRatio;

    @Option(names = "--random-corpus-style", paramLabel = "vllm|sglang",
            description = "Window of --random-range-ratio: vllm (default) [floor(m(1-r)), ceil(m(1+r))], r in [0, 1); sglang [max(1, int(m r)), m], r in [0, 1].")
    String rangeStyle;

    @Option(names = "--system-prompt", paramLabel = "TEXT",
            description = "System prompt sent verbatim as the first message of every conversation (before a dataset's own).")
    String systemPrompt;

    @Option(names = "--system-prompt-file", paramLabel = "FILE", description = "UTF-8 file holding the system prompt.")
    String systemPromptFile;

    @Option(names = "--ignore-trace-delays",
            description = "Drop a trace's timestamps and delays: its requests go back to back under --concurrency/--request-rate.")
    Boolean ignoreTraceDelays;

    // ---- trace synthesis (mooncake_trace)
    @Option(names = "--synthesis-speedup-ratio", paramLabel = "R", description = "Divide trace timestamps by R (2 = twice as fast). Default 1.")
    Double synthesisSpeedup;

    @Option(names = "--synthesis-prefix-len-multiplier", paramLabel = "M", description = "Scale the shared prefix blocks of each request. Default 1.")
    Double synthesisPrefixLen;

    @Option(names = "--synthesis-prefix-root-multiplier", paramLabel = "N", description = "Spread requests over N independent copies of the prefix tree. Default 1.")
    Integer synthesisPrefixRoot;

    @Option(names = "--synthesis-prompt-len-multiplier", paramLabel = "M", description = "Scale each request's unique prompt tail. Default 1.")
    Double synthesisPromptLen;

    @Option(names = "--synthesis-output-len-multiplier", paramLabel = "M", description = "Scale output lengths. Default 1.")
    Double synthesisOutputLen;

    @Option(names = "--synthesis-max-isl", paramLabel = "TOKENS", description = "Skip trace requests whose input_length exceeds this.")
    Integer synthesisMaxIsl;

    @Option(names = "--synthesis-max-osl", paramLabel = "TOKENS", description = "Cap output lengths at this.")
    Integer synthesisMaxOsl;

    @Option(names = "--dataset-filter", paramLabel = "KEY=VALUE", arity = "1..*",
            description = "Dataset-specific filter of a public dataset (repeatable), as AIPerf's; none of the public datasets Redline runs declares filters, so they refuse it as AIPerf does.")
    List<String> datasetFilters;

    @Option(names = "--hf-subset", paramLabel = "NAME", description = "Subset (config) of a Hugging Face public dataset, instead of its default (e.g. socratic for spec_al_gsm8k).")
    String hfSubset;

    @Option(names = "--random-seed", paramLabel = "SEED",
            description = "Seed for prompts, lengths and sampling (and every other random choice); same seed, same run.")
    Long randomSeed;

    @Override
    public void applyTo(BenchmarkSpec spec) {
        if (randomSeed != null) spec.setRandomSeed(randomSeed);
        if (tokenizer != null || tokenizerRevision != null || trustRemoteCode != null) {
            TokenizerSpec t = spec.tokenizer();
            if (tokenizer != null) t.setName(tokenizer);
            if (tokenizerRevision != null) t.setRevision(tokenizerRevision);
            if (trustRemoteCode != null) t.setTrustRemoteCode(trustRemoteCode);
        }
        if (entries != null) spec.dataset().setEntries(entries);
        if (samplingStrategy != null) spec.dataset().setSamplingStrategy(samplingStrategy);
        if (inputFile != null) spec.dataset().setInputFile(inputFile);
        if (customDatasetType != null) spec.dataset().setCustomDatasetType(customDatasetType);
        if (publicDataset != null) spec.dataset().setPublicDataset(publicDataset);
        if (publicDatasetPath != null) spec.dataset().setPublicDatasetPath(publicDatasetPath);
        if (systemPrompt != null) spec.dataset().setSystemPrompt(systemPrompt);
        if (systemPromptFile != null) spec.dataset().setSystemPromptFile(systemPromptFile);
        if (ignoreTraceDelays != null) spec.dataset().setIgnoreTraceDelays(ignoreTraceDelays);
        if (sequenceDistribution != null) prompts(spec).setSequenceDistribution(SequenceDistributionParser.parse(sequenceDistribution));
        if (corpus != null) prompts(spec).setCorpus(corpus.trim().toLowerCase(java.util.Locale.ROOT));
        if (cacheBust != null) {
            dev.redline.api.v1alpha1.CacheBustSpec c = new dev.redline.api.v1alpha1.CacheBustSpec();
            c.setTarget(cacheBust);
            spec.dataset().setCacheBust(c);
        }
        if (rangeStyle != null) prompts(spec).setRandomCorpusStyle(rangeStyle.trim().toLowerCase(java.util.Locale.ROOT));
        if (rangeRatio != null) prompts(spec).setRandomRangeRatio(RangeRatioParser.parse(rangeRatio, prompts(spec).resolvedRandomCorpusStyle()));
        applySynthesis(spec);
        if (hfSubset != null) spec.dataset().setHfSubset(hfSubset);
        if (datasetFilters != null) spec.dataset().setFilters(parseFilters(datasetFilters));
        if (prefixPromptCount != null) prompts(spec).setPrefixPromptCount(prefixPromptCount);
        if (prefixPromptLength != null) prompts(spec).setPrefixPromptLength(prefixPromptLength);
        if (blockSize != null) prompts(spec).setBlockSize(blockSize);
        if (batchSize != null) prompts(spec).setBatchSize(batchSize);
        rankings(spec);
        if (islMean != null || islStddev != null) {
            LengthSpec isl = length(prompts(spec)::getIsl, prompts(spec)::setIsl);
            if (islMean != null) isl.setMean(islMean);
            if (islStddev != null) isl.setStddev(islStddev);
        }
        if (oslMean != null || oslStddev != null) {
            LengthSpec osl = length(prompts(spec)::getOsl, prompts(spec)::setOsl);
            if (oslMean != null) osl.setMean(oslMean);
            if (oslStddev != null) osl.setStddev(oslStddev);
        }
    }

    /** key=value pairs, each key once (AIPerf's grammar: split at the first '=', both sides trimmed and non-empty). */
    static Map<String, String> parseFilters(List<String> values) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String item : values) {
            int eq = item.indexOf('=');
            String key = eq < 0 ? "" : item.substring(0, eq).trim();
            String value = eq < 0 ? "" : item.substring(eq + 1).trim();
            if (key.isEmpty() || value.isEmpty()) {
                throw new BadInputException("--dataset-filter '" + item + "': expected a non-empty key=value, e.g. harness=claude_code");
            }
            if (filters.put(key, value) != null) {
                throw new BadInputException("--dataset-filter: key '" + key + "' is given twice; keep one value per key");
            }
        }
        return filters;
    }

    private void applySynthesis(BenchmarkSpec spec) {
        if (synthesisSpeedup == null && synthesisPrefixLen == null && synthesisPrefixRoot == null && synthesisPromptLen == null
                && synthesisOutputLen == null && synthesisMaxIsl == null && synthesisMaxOsl == null) return;
        DatasetSpec ds = spec.dataset();
        SynthesisSpec s = ds.getSynthesis() == null ? new SynthesisSpec() : ds.getSynthesis();
        if (synthesisSpeedup != null) s.setSpeedupRatio(synthesisSpeedup);
        if (synthesisPrefixLen != null) s.setPrefixLenMultiplier(synthesisPrefixLen);
        if (synthesisPrefixRoot != null) s.setPrefixRootMultiplier(synthesisPrefixRoot);
        if (synthesisPromptLen != null) s.setPromptLenMultiplier(synthesisPromptLen);
        if (synthesisOutputLen != null) s.setOutputLenMultiplier(synthesisOutputLen);
        if (synthesisMaxIsl != null) s.setMaxIsl(synthesisMaxIsl);
        if (synthesisMaxOsl != null) s.setMaxOsl(synthesisMaxOsl);
        ds.setSynthesis(s);
    }

    @Override
    public Map<String, String> flagsByField() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("randomSeed", "--random-seed");
        m.put("tokenizer.name", "--tokenizer");
        m.put("tokenizer.revision", "--tokenizer-revision");
        m.put("tokenizer.trustRemoteCode", "--tokenizer-trust-remote-code");
        m.put("dataset.entries", "--num-dataset-entries");
        m.put("dataset.samplingStrategy", "--dataset-sampling-strategy");
        m.put("dataset.inputFile", "--input-file");
        m.put("dataset.customDatasetType", "--custom-dataset-type");
        m.put("dataset.publicDataset", "--public-dataset");
        m.put("dataset.hfSubset", "--hf-subset");
        m.put("dataset.filters", "--dataset-filter");
        m.put("dataset.filters.*", "--dataset-filter");
        m.put("dataset.publicDatasetPath", "--public-dataset-path");
        m.put("dataset.systemPrompt", "--system-prompt");
        m.put("dataset.systemPromptFile", "--system-prompt-file");
        m.put("dataset.ignoreTraceDelays", "--ignore-trace-delays");
        m.put("dataset.prompts.sequenceDistribution", "--seq-dist");
        m.put("dataset.prompts.sequenceDistribution[*]", "--seq-dist");
        m.put("dataset.prompts.sequenceDistribution[*].*", "--seq-dist");
        m.put("dataset.prompts.corpus", "--prompt-corpus");
        m.put("dataset.cacheBust.target", "--cache-bust");
        m.put("dataset.prompts.randomRangeRatio", "--random-range-ratio");
        m.put("dataset.prompts.randomRangeRatio.*", "--random-range-ratio");
        m.put("dataset.prompts.randomCorpusStyle", "--random-corpus-style");
        m.put("dataset.synthesis.speedupRatio", "--synthesis-speedup-ratio");
        m.put("dataset.synthesis.prefixLenMultiplier", "--synthesis-prefix-len-multiplier");
        m.put("dataset.synthesis.prefixRootMultiplier", "--synthesis-prefix-root-multiplier");
        m.put("dataset.synthesis.promptLenMultiplier", "--synthesis-prompt-len-multiplier");
        m.put("dataset.synthesis.outputLenMultiplier", "--synthesis-output-len-multiplier");
        m.put("dataset.synthesis.maxIsl", "--synthesis-max-isl");
        m.put("dataset.synthesis.maxOsl", "--synthesis-max-osl");
        m.put("dataset.synthesis", "--synthesis-*");
        m.put("dataset.prompts.prefixPromptCount", "--num-prefix-prompts");
        m.put("dataset.prompts.prefixPromptLength", "--prefix-prompt-length");
        m.put("dataset.prompts.blockSize", "--isl-block-size");
        m.put("dataset.prompts.batchSize", "--prompt-batch-size");
        m.put("dataset.prompts.isl", "--isl");
        m.put("dataset.prompts.isl.mean", "--isl");
        m.put("dataset.prompts.isl.stddev", "--isl-stddev");
        m.put("dataset.prompts.osl", "--osl");
        m.put("dataset.prompts.osl.mean", "--osl");
        m.put("dataset.prompts.osl.stddev", "--osl-stddev");
        m.put("dataset.rankings", "--rankings-passages-mean");
        m.put("dataset.rankings.passages.mean", "--rankings-passages-mean");
        m.put("dataset.rankings.passages.stddev", "--rankings-passages-stddev");
        m.put("dataset.rankings.passageTokens.mean", "--rankings-passages-prompt-token-mean");
        m.put("dataset.rankings.passageTokens.stddev", "--rankings-passages-prompt-token-stddev");
        m.put("dataset.rankings.queryTokens.mean", "--rankings-query-prompt-token-mean");
        m.put("dataset.rankings.queryTokens.stddev", "--rankings-query-prompt-token-stddev");
        return m;
    }

    private void rankings(BenchmarkSpec spec) {
        if (rankingsPassagesMean == null && rankingsPassagesStddev == null && rankingsPassageTokensMean == null
                && rankingsPassageTokensStddev == null && rankingsQueryTokensMean == null && rankingsQueryTokensStddev == null) return;
        RankingsSpec r = spec.dataset().rankings();
        fill(r::getPassages, r::setPassages, rankingsPassagesMean, rankingsPassagesStddev);
        fill(r::getPassageTokens, r::setPassageTokens, rankingsPassageTokensMean, rankingsPassageTokensStddev);
        fill(r::getQueryTokens, r::setQueryTokens, rankingsQueryTokensMean, rankingsQueryTokensStddev);
    }

    private static void fill(Supplier<LengthSpec> get, Consumer<LengthSpec> set, Integer mean, Double stddev) {
        if (mean == null && stddev == null) return;
        LengthSpec l = length(get, set);
        if (mean != null) l.setMean(mean);
        if (stddev != null) l.setStddev(stddev);
    }

    static PromptSpec prompts(BenchmarkSpec spec) {
        DatasetSpec ds = spec.dataset();
        if (ds.getPrompts() == null) ds.setPrompts(new PromptSpec());
        return ds.getPrompts();
    }

    private static LengthSpec length(Supplier<LengthSpec> get, Consumer<LengthSpec> set) {
        LengthSpec l = get.get();
        if (l == null) {
            l = new LengthSpec();
            set.accept(l);
        }
        return l;
    }

    /** AIPerf's --cache-bust values, in any case. */
    public static final class CacheBustConverter implements picocli.CommandLine.ITypeConverter<dev.redline.api.v1alpha1.CacheBustTarget> {
        @Override
        public dev.redline.api.v1alpha1.CacheBustTarget convert(String value) {
            dev.redline.api.v1alpha1.CacheBustTarget t = dev.redline.api.v1alpha1.CacheBustTarget.fromName(value);
            if (t == null) {
                throw new picocli.CommandLine.TypeConversionException("unknown cache-bust target '" + value + "'; use one of "
                        + java.util.Arrays.stream(dev.redline.api.v1alpha1.CacheBustTarget.values())
                        .map(dev.redline.api.v1alpha1.CacheBustTarget::wireName).collect(java.util.stream.Collectors.joining(", ")));
            }
            return t;
        }
    }
}
