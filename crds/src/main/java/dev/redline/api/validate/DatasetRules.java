package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.api.v1alpha1.LengthPeak;
import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.v1alpha1.SequenceShare;
import dev.redline.api.v1alpha1.SessionsSpec;
import dev.redline.api.v1alpha1.RankingsSpec;

import java.util.List;
import java.util.Locale;

/** Dataset source and synthetic prompt lengths. */
final class DatasetRules implements ValidationRule {
    static final List<String> SAMPLING = List.of("sequential", "random", "shuffle");
    // kept in step with the runner's CustomDatasetType and PublicDataset
    static final List<String> FILE_TYPES = fileTypes();
    static final List<String> PUBLIC = PublicDatasetNames.SUPPORTED;

    private static List<String> fileTypes() {
        List<String> out = new java.util.ArrayList<>(List.of("single_turn", "multi_turn", "random_pool", "mooncake_trace",
                "bailian_trace", "burst_gpt_trace", "sagemaker_data_capture", "raw_payload", "inputs_json", "speed_bench_qualitative"));
        // SPEED-Bench: a type per qualitative category, per throughput split and per split and entropy tier (AIPerf 0.13)
        for (String c : List.of("coding", "humanities", "math", "multilingual", "qa", "rag", "reasoning", "roleplay", "stem",
                "summarization", "writing")) {
            out.add("speed_bench_" + c);
        }
        for (String isl : List.of("1k", "2k", "8k", "16k", "32k")) {
            out.add("speed_bench_throughput_" + isl);
            for (String tier : List.of("low_entropy", "mixed", "high_entropy")) out.add("speed_bench_throughput_" + isl + "_" + tier);
        }
        return List.copyOf(out);
    }

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        DatasetSpec ds = spec.getDataset();
        if (ds == null) return;
        oneOf("dataset.samplingStrategy", ds.getSamplingStrategy(), SAMPLING, "--dataset-sampling-strategy", out);
        oneOf("dataset.customDatasetType", ds.getCustomDatasetType(), FILE_TYPES, "--custom-dataset-type", out);
        String refused = ds.getPublicDataset() == null ? null : PublicDatasetNames.whyNotSupported(ds.getPublicDataset());
        if (refused != null) {
            out.add("dataset.publicDataset", "public dataset '" + ds.getPublicDataset() + "' is not supported: " + refused + " (CLI: --public-dataset)");
        } else {
            oneOf("dataset.publicDataset", ds.getPublicDataset(), PUBLIC, "--public-dataset", out);
        }
        if (ds.getCustomDatasetType() != null && ds.getInputFile() == null && ds.getRecords() == null) {
            out.add("dataset.customDatasetType", "a dataset type needs a file; set dataset.inputFile (CLI: --input-file)");
        }
        if (ds.getRecords() != null && ds.getCustomDatasetType() != null
                && !ds.getCustomDatasetType().trim().toLowerCase(Locale.ROOT).equals("single_turn")) {
            out.add("dataset.customDatasetType", "inline records are single_turn records; set format single_turn or put the "
                    + ds.getCustomDatasetType() + " records in a file (dataset.inputFile)");
        }
        if (ds.getCustomDatasetType() != null && ds.getPublicDataset() != null) {
            out.add("dataset.customDatasetType", "a public dataset has its own format; remove customDatasetType or publicDataset");
        }
        if (ds.getRecords() != null && (ds.getInputFile() != null || ds.getPublicDataset() != null)) {
            out.add("dataset.records", "inline records cannot be combined with inputFile or publicDataset; keep one source");
        }
        systemPrompt(spec, ds, out);
        cacheBust(spec, ds, out);
        if (ds.getPublicDatasetPath() != null && ds.getPublicDataset() == null) {
            out.add("dataset.publicDatasetPath", "a public dataset path needs the dataset's name; set publicDataset (CLI: --public-dataset)");
        }
        filters(ds, out);
        SynthesisRules.check(ds, out);
        rankings(spec, out);
        PromptSpec p = ds.getPrompts();
        if (p == null) return;
        length("dataset.prompts.isl", p.getIsl(), "--isl", out);
        length("dataset.prompts.osl", p.getOsl(), "--osl", out);
        if (p.getCorpus() != null && !p.getCorpus().equalsIgnoreCase("sonnet")) {
            out.add("dataset.prompts.corpus", "corpus '" + p.getCorpus() + "' is not available; Redline synthesizes prompts from"
                    + " sonnet (Shakespeare's sonnets) only (CLI: --prompt-corpus)");
        }
        sequenceDistribution(p, out);
        RangeRatioRules.check(p, out);
        if (p.getPrefixPromptCount() != null && p.getPrefixPromptLength() == null) {
            out.add("dataset.prompts.prefixPromptCount", "prefix prompts need a length; set dataset.prompts.prefixPromptLength (CLI: --prefix-prompt-length)");
        }
        if (p.getPrefixPromptLength() != null && p.getPrefixPromptCount() == null) {
            out.add("dataset.prompts.prefixPromptLength", "a prefix length needs a count; set dataset.prompts.prefixPromptCount (CLI: --num-prefix-prompts)");
        }
    }

    /**
     * --dataset-filter as AIPerf treats it: only a public dataset takes filters, and only one whose loader declares
     * them (in AIPerf the Exgentic agentic traces); none of the public datasets Redline runs declares any.
     */
    private static void filters(DatasetSpec ds, Violations out) {
        if (ds.getFilters() == null || ds.getFilters().isEmpty()) return;
        if (ds.getPublicDataset() == null) {
            out.add("dataset.filters", "dataset filters need a public dataset; set publicDataset (CLI: --public-dataset) or remove --dataset-filter");
        } else if (PUBLIC.contains(PublicDatasetNames.normalize(ds.getPublicDataset()))) {
            out.add("dataset.filters", "public dataset '" + ds.getPublicDataset() + "' does not support --dataset-filter (it declares"
                    + " no filters, as in AIPerf); remove the filter");
        }
    }

    /** AIPerf marks prompts only for the endpoints whose plugin says so: chat, responses and messages. */
    private static void cacheBust(BenchmarkSpec spec, DatasetSpec ds, Violations out) {
        if (ds.resolvedCacheBust() == dev.redline.api.v1alpha1.CacheBustTarget.NONE) return;
        dev.redline.api.v1alpha1.EndpointType type = spec.getEndpoint() == null ? dev.redline.api.v1alpha1.EndpointType.CHAT
                : spec.getEndpoint().resolvedType();
        if (type != dev.redline.api.v1alpha1.EndpointType.CHAT && type != dev.redline.api.v1alpha1.EndpointType.RESPONSES
                && type != dev.redline.api.v1alpha1.EndpointType.MESSAGES) {
            out.add("dataset.cacheBust.target", "cache-bust is not supported by endpoint " + type.wireName()
                    + "; use endpoint type chat, responses or messages, or --cache-bust none");
        }
        boolean synthetic = ds.getInputFile() == null && ds.getPublicDataset() == null && ds.getRecords() == null;
        boolean system = ds.getSystemPrompt() != null || ds.getSystemPromptFile() != null
                || spec.getSessions() != null && spec.getSessions().getSharedSystemPromptLength() != null;
        if (ds.resolvedCacheBust() == dev.redline.api.v1alpha1.CacheBustTarget.WARMUP_ISOLATION_SYSTEM && synthetic && !system) {
            // AIPerf: the marker would fall through to the user turn, indistinguishable from warmup_isolation_first_turn
            out.add("dataset.cacheBust.target", "warmup_isolation_system needs a system prompt on a synthetic dataset; set"
                    + " --shared-system-prompt-length or --system-prompt/--system-prompt-file, or use warmup_isolation_first_turn");
        }
    }

    /** --system-prompt / --system-prompt-file: one of them, and not with the synthetic system or prefix prompts (as AIPerf). */
    private static void systemPrompt(BenchmarkSpec spec, DatasetSpec ds, Violations out) {
        if (ds.getSystemPrompt() == null && ds.getSystemPromptFile() == null) return;
        String path = ds.getSystemPrompt() != null ? "dataset.systemPrompt" : "dataset.systemPromptFile";
        if (ds.getSystemPrompt() != null && ds.getSystemPromptFile() != null) {
            out.add("dataset.systemPromptFile", "systemPrompt and systemPromptFile are both set; keep one (CLI: --system-prompt vs --system-prompt-file)");
        }
        if (ds.getSystemPrompt() != null && ds.getSystemPrompt().isEmpty()) {
            out.add("dataset.systemPrompt", "the system prompt is empty; give its text or remove it");
        }
        SessionsSpec s = spec.getSessions();
        PromptSpec p = ds.getPrompts();
        if (s != null && s.getSharedSystemPromptLength() != null) {
            out.add(path, "a verbatim system prompt cannot be combined with a synthetic shared system prompt"
                    + " (--shared-system-prompt-length); keep one");
        }
        if (p != null && (p.getPrefixPromptCount() != null || p.getPrefixPromptLength() != null)) {
            out.add(path, "a verbatim system prompt cannot be combined with prefix prompts (--prefix-prompt-length); keep one");
        }
    }

    private static void sequenceDistribution(PromptSpec p, Violations out) {
        List<SequenceShare> shares = p.getSequenceDistribution();
        if (shares == null) return;
        if (shares.isEmpty()) {
            out.add("dataset.prompts.sequenceDistribution", "the sequence distribution is empty; give (isl, osl, probability) entries or remove it");
            return;
        }
        double total = 0;
        for (int i = 0; i < shares.size(); i++) {
            SequenceShare sh = shares.get(i);
            String at = "dataset.prompts.sequenceDistribution[" + i + "]";
            if (sh == null || sh.getIsl() == null || !sh.getIsl().configured() || sh.getOsl() == null || !sh.getOsl().configured()
                    || sh.getProbability() == null) {
                out.add(at, "each entry needs isl, osl and probability (CLI: --seq-dist ISL,OSL:PCT;...)");
                return;
            }
            length(at + ".isl", sh.getIsl(), "--seq-dist", out);
            length(at + ".osl", sh.getOsl(), "--seq-dist", out);
            if (!(sh.getProbability() >= 0 && sh.getProbability() <= 100)) {
                out.add(at + ".probability", "must be a percentage from 0 to 100, got " + sh.getProbability());
            }
            total += sh.getProbability();
        }
        if (Math.abs(total - 100) > 1e-6) {
            out.add("dataset.prompts.sequenceDistribution", "probabilities add up to " + total + "; they must add up to 100 (percent)");
        }
    }

    private static void rankings(BenchmarkSpec spec, Violations out) {
        RankingsSpec r = spec.getDataset().getRankings();
        if (r == null) return;
        length("dataset.rankings.passages", r.getPassages(), "--rankings-passages-mean", out);
        length("dataset.rankings.passageTokens", r.getPassageTokens(), "--rankings-passages-prompt-token-mean", out);
        length("dataset.rankings.queryTokens", r.getQueryTokens(), "--rankings-query-prompt-token-mean", out);
        EndpointType type = spec.getEndpoint() == null ? EndpointType.CHAT : spec.getEndpoint().resolvedType();
        if (type.output() != EndpointType.Output.RANKINGS) {
            out.add("dataset.rankings", "ranking queries and passages are for the rankings endpoint types; use --endpoint-type "
                    + "rankings, nim_rankings, hf_tei_rankings or cohere_rankings, or remove the --rankings-* flags");
        }
    }

    static void length(String path, LengthSpec len, String meanFlag, Violations out) {
        if (len == null) return;
        boolean peaks = len.getPeaks() != null && !len.getPeaks().isEmpty();
        boolean points = len.getPoints() != null;
        if (points) {
            if (len.getMean() != null || len.getStddev() != null || len.getMedian() != null || peaks) {
                out.add(path + ".points", "an empirical length has its values in points; remove mean/stddev/median/peaks beside points");
            }
            if (len.getPoints().isEmpty()) out.add(path + ".points", "an empirical distribution needs at least 1 point");
            for (int i = 0; i < len.getPoints().size(); i++) {
                dev.redline.api.v1alpha1.LengthPoint pt = len.getPoints().get(i);
                String at = path + ".points[" + i + "]";
                if (pt == null || pt.getValue() == null) out.add(at + ".value", "each point needs a value");
                else if (!(pt.getValue() >= 1)) out.add(at + ".value", "must be at least 1, got " + pt.getValue());
                if (pt != null && pt.getWeight() != null && !(pt.getWeight() > 0)) out.add(at + ".weight", "must be greater than 0, got " + pt.getWeight());
            }
        }
        if (len.getMean() == null && !peaks && (len.getStddev() != null || len.getMedian() != null)) {
            out.add(path + (len.getStddev() != null ? ".stddev" : ".median"), "a " + (len.getStddev() != null ? "standard deviation" : "median")
                    + " needs a mean; set " + path + ".mean too (CLI: " + meanFlag + ")");
            return;
        }
        if (len.getMedian() != null) {
            if (len.getStddev() != null) out.add(path + ".median", "give a stddev (normal) or a median (log-normal), not both");
            else if (!(len.getMedian() > 0)) out.add(path + ".median", "must be greater than 0, got " + len.getMedian());
            else if (len.getMean() != null && len.getMedian() > len.getMean()) {
                out.add(path + ".median", "median " + len.getMedian() + " exceeds mean " + len.getMean() + "; a log-normal length has median <= mean");
            }
        }
        if (len.getMin() != null && len.getMax() != null && len.getMin() > len.getMax()) {
            out.add(path + ".min", "min " + len.getMin() + " exceeds max " + len.getMax() + "; swap them");
        }
        if (peaks) {
            if (len.getMean() != null || len.getStddev() != null || len.getMedian() != null) {
                out.add(path + ".peaks", "a mixture has its lengths in peaks; remove mean/stddev/median beside peaks");
            }
            if (len.getPeaks().size() < 2) out.add(path + ".peaks", "a mixture needs at least 2 peaks, got " + len.getPeaks().size());
            for (int i = 0; i < len.getPeaks().size(); i++) {
                LengthPeak pk = len.getPeaks().get(i);
                String at = path + ".peaks[" + i + "]";
                if (pk == null || pk.getMean() == null) {
                    out.add(at + ".mean", "each peak needs a mean");
                    continue;
                }
                if (pk.getWeight() == null || !(pk.getWeight() > 0)) out.add(at + ".weight", "each peak needs a weight > 0");
                if (pk.getMedian() != null && !(pk.getMedian() > 0 && pk.getMedian() <= pk.getMean())) {
                    out.add(at + ".median", "must be > 0 and <= the peak's mean " + pk.getMean());
                }
            }
        }
    }

    static void oneOf(String path, String value, List<String> allowed, String flag, Violations out) {
        if (value == null) return;
        String v = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!allowed.contains(v)) {
            out.add(path, "unknown value '" + value + "'" + Suggestions.didYouMean(v, allowed)
                    + "; use one of " + String.join(", ", allowed) + " (CLI: " + flag + ")");
        }
    }
}
