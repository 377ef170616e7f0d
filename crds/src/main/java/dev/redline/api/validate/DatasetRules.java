package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.v1alpha1.RankingsSpec;

import java.util.List;
import java.util.Locale;

/** Dataset source and synthetic prompt lengths. */
final class DatasetRules implements ValidationRule {
    static final List<String> SAMPLING = List.of("sequential", "random", "shuffle");
    // kept in step with the runner's CustomDatasetType and PublicDataset
    static final List<String> FILE_TYPES = List.of("single_turn", "multi_turn", "random_pool", "mooncake_trace",
            "bailian_trace", "burst_gpt_trace", "sagemaker_data_capture");
    static final List<String> PUBLIC = List.of("sharegpt", "instruct_coder");

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        DatasetSpec ds = spec.getDataset();
        if (ds == null) return;
        oneOf("dataset.samplingStrategy", ds.getSamplingStrategy(), SAMPLING, "--dataset-sampling-strategy", out);
        oneOf("dataset.customDatasetType", ds.getCustomDatasetType(), FILE_TYPES, "--custom-dataset-type", out);
        oneOf("dataset.publicDataset", ds.getPublicDataset(), PUBLIC, "--public-dataset", out);
        if (ds.getCustomDatasetType() != null && ds.getInputFile() == null) {
            out.add("dataset.customDatasetType", "a dataset type needs a file; set dataset.inputFile (CLI: --input-file)");
        }
        if (ds.getCustomDatasetType() != null && ds.getPublicDataset() != null) {
            out.add("dataset.customDatasetType", "a public dataset has its own format; remove customDatasetType or publicDataset");
        }
        if (ds.getRecords() != null && (ds.getInputFile() != null || ds.getPublicDataset() != null)) {
            out.add("dataset.records", "inline records cannot be combined with inputFile or publicDataset; keep one source");
        }
        rankings(spec, out);
        PromptSpec p = ds.getPrompts();
        if (p == null) return;
        length("dataset.prompts.isl", p.getIsl(), "--isl", out);
        length("dataset.prompts.osl", p.getOsl(), "--osl", out);
        if (p.getPrefixPromptCount() != null && p.getPrefixPromptLength() == null) {
            out.add("dataset.prompts.prefixPromptCount", "prefix prompts need a length; set dataset.prompts.prefixPromptLength (CLI: --prefix-prompt-length)");
        }
        if (p.getPrefixPromptLength() != null && p.getPrefixPromptCount() == null) {
            out.add("dataset.prompts.prefixPromptLength", "a prefix length needs a count; set dataset.prompts.prefixPromptCount (CLI: --num-prefix-prompts)");
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

    private static void length(String path, LengthSpec len, String meanFlag, Violations out) {
        if (len == null) return;
        if (len.getMean() == null && len.getStddev() != null) {
            out.add(path + ".stddev", "a standard deviation needs a mean; set " + path + ".mean too (CLI: " + meanFlag + ")");
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
