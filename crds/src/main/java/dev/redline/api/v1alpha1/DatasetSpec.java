package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.List;
import java.util.Map;

/** Where prompts come from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.customDatasetType) || has(self.inputFile)",
        message = "a dataset type needs a file; set inputFile", fieldPath = ".customDatasetType")
@ValidationRule(value = "!(has(self.customDatasetType) && has(self.publicDataset))",
        message = "a public dataset has its own format; remove customDatasetType or publicDataset", fieldPath = ".customDatasetType")
public class DatasetSpec {
    public static final int DEFAULT_ENTRIES = 100;

    @JsonPropertyDescription("synthetic (default), file (inputFile) or public (publicDataset).")
    private String type;

    @JsonPropertyDescription("Number of distinct dataset entries generated (--num-dataset-entries). Default 100.")
    @Min(1)
    @Max(1000000)
    private Integer entries;

    @JsonPropertyDescription("Synthetic prompt lengths.")
    private PromptSpec prompts;

    @JsonPropertyDescription("Path of a dataset file or directory (--input-file).")
    @JsonAlias("path")
    private String inputFile;

    @JsonPropertyDescription("Format of inputFile: single_turn, multi_turn, random_pool, mooncake_trace, bailian_trace, burst_gpt_trace, sagemaker_data_capture, raw_payload, inputs_json, speed_bench_qualitative, speed_bench_CATEGORY (coding, humanities, math, multilingual, qa, rag, reasoning, roleplay, stem, summarization, writing), speed_bench_throughput_ISL (1k, 2k, 8k, 16k, 32k) and speed_bench_throughput_ISL_TIER (low_entropy, mixed, high_entropy). Inferred when unset (except SPEED-Bench).")
    @JsonAlias("format")
    @Pattern("^(?i)(single[_-]turn|multi[_-]turn|random[_-]pool|mooncake[_-]trace|bailian[_-]trace|burst[_-]gpt[_-]trace|sagemaker[_-]data[_-]capture|raw[_-]payload|inputs[_-]json|speed[_-]bench[_-](qualitative|coding|humanities|math|multilingual|qa|rag|reasoning|roleplay|stem|summarization|writing|throughput[_-](1k|2k|8k|16k|32k)([_-](low[_-]entropy|mixed|high[_-]entropy))?))$")
    private String customDatasetType;

    @JsonPropertyDescription("Name of a public dataset (--public-dataset): sharegpt, instruct_coder, aimo, aimo_aime, aimo_numina_cot, aimo_numina_1_5, spec_al_gsm8k, spec_al_math500, spec_al_humaneval, spec_al_mbpp, spec_al_mtbench, blazedit_5k, blazedit_10k, spec_bench or mmstar. Read from publicDatasetPath, else the Hugging Face cache, else downloaded once.")
    @JsonAlias("dataset")
    @Pattern("^(?i)(sharegpt|instruct[_-]coder|aimo|aimo[_-]aime|aimo[_-]numina[_-]cot|aimo[_-]numina[_-]1[_-]5|spec[_-]al[_-]gsm8k|spec[_-]al[_-]math500|spec[_-]al[_-]humaneval|spec[_-]al[_-]mbpp|spec[_-]al[_-]mtbench|blazedit[_-]5k|blazedit[_-]10k|spec[_-]bench|mmstar)$")
    private String publicDataset;

    @JsonPropertyDescription("Local copy of the public dataset (--public-dataset-path): its file, or the split as Parquet, JSON or JSONL (a file or a directory of them), used instead of the Hugging Face cache and hub.")
    private String publicDatasetPath;

    @JsonPropertyDescription("Subset (config) of a Hugging Face public dataset, instead of its default (--hf-subset).")
    private String hfSubset;

    @JsonPropertyDescription("Dataset-specific filters, key to value (--dataset-filter key=value), as AIPerf's public-dataset filters. Only a public dataset that declares filters takes them; none of those Redline runs declares any, so a filter on them is refused as AIPerf refuses it.")
    private Map<String, String> filters;

    @JsonPropertyDescription("Order entries are used in: sequential, random (with replacement) or shuffle (re-shuffled each pass). Default shuffle for synthetic and public datasets, sequential for files and traces.")
    @JsonAlias("sampling")
    @Pattern("^(?i)(sequential|random|shuffle)$")
    private String samplingStrategy;

    @JsonPropertyDescription("Cache-bust markers in each session's prompt, to defeat the server's prefix cache (AIPerf's cache_bust, --cache-bust).")
    private CacheBustSpec cacheBust;

    @JsonPropertyDescription("System prompt text sent verbatim as the first message of every conversation (--system-prompt).")
    private String systemPrompt;

    @JsonPropertyDescription("UTF-8 file holding the system prompt (--system-prompt-file); exclusive with systemPrompt.")
    private String systemPromptFile;

    @JsonPropertyDescription("Reshaping of a trace dataset before replay: timestamps, prefix and prompt lengths, filters (--synthesis-*).")
    private SynthesisSpec synthesis;

    @JsonPropertyDescription("Drop the timestamps and delays of a trace, so it is sent back to back under the phase's own pacing (--ignore-trace-delays).")
    private Boolean ignoreTraceDelays;

    @JsonPropertyDescription("Inline records in single_turn form (text or texts, output_length, timestamp or delay, extra), used instead of a file. Keep it under 500 records.")
    private List<Map<String, Object>> records;

    @JsonPropertyDescription("Synthetic ranking requests (a query and passages) for the rankings endpoint types.")
    private RankingsSpec rankings;

    @JsonPropertyDescription("Synthetic images sent with each request (chat and other image-taking endpoints).")
    private ImagesSpec images;

    @JsonPropertyDescription("Synthetic audio clips sent with each request (chat, audio_transcription).")
    private AudioSpec audio;

    @JsonPropertyDescription("Synthetic video clips sent with each request (chat); needs ffmpeg on PATH.")
    private VideoSpec video;

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public Integer getEntries() { return entries; }
    public void setEntries(Integer entries) { this.entries = entries; }
    public CacheBustSpec getCacheBust() { return cacheBust; }
    public void setCacheBust(CacheBustSpec cacheBust) { this.cacheBust = cacheBust; }
    public CacheBustTarget resolvedCacheBust() { return cacheBust == null ? CacheBustTarget.NONE : cacheBust.resolvedTarget(); }
    public PromptSpec getPrompts() { return prompts; }
    public void setPrompts(PromptSpec prompts) { this.prompts = prompts; }
    public String getInputFile() { return inputFile; }
    public void setInputFile(String inputFile) { this.inputFile = inputFile; }
    public String getCustomDatasetType() { return customDatasetType; }
    public void setCustomDatasetType(String customDatasetType) { this.customDatasetType = customDatasetType; }
    public String getPublicDataset() { return publicDataset; }
    public void setPublicDataset(String publicDataset) { this.publicDataset = publicDataset; }
    public String getHfSubset() { return hfSubset; }
    public void setHfSubset(String hfSubset) { this.hfSubset = hfSubset; }
    public Map<String, String> getFilters() { return filters; }
    public void setFilters(Map<String, String> filters) { this.filters = filters; }
    public String getSamplingStrategy() { return samplingStrategy; }
    public void setSamplingStrategy(String samplingStrategy) { this.samplingStrategy = samplingStrategy; }
    public String getPublicDatasetPath() { return publicDatasetPath; }
    public void setPublicDatasetPath(String publicDatasetPath) { this.publicDatasetPath = publicDatasetPath; }
    public String getSystemPrompt() { return systemPrompt; }
    public void setSystemPrompt(String systemPrompt) { this.systemPrompt = systemPrompt; }
    public String getSystemPromptFile() { return systemPromptFile; }
    public void setSystemPromptFile(String systemPromptFile) { this.systemPromptFile = systemPromptFile; }
    public SynthesisSpec getSynthesis() { return synthesis; }
    public void setSynthesis(SynthesisSpec synthesis) { this.synthesis = synthesis; }
    public Boolean getIgnoreTraceDelays() { return ignoreTraceDelays; }
    public void setIgnoreTraceDelays(Boolean ignoreTraceDelays) { this.ignoreTraceDelays = ignoreTraceDelays; }
    public List<Map<String, Object>> getRecords() { return records; }
    public void setRecords(List<Map<String, Object>> records) { this.records = records; }

    public boolean isIgnoreTraceDelays() { return Boolean.TRUE.equals(ignoreTraceDelays); }
    public RankingsSpec getRankings() { return rankings; }
    public void setRankings(RankingsSpec rankings) { this.rankings = rankings; }

    public RankingsSpec rankings() {
        if (rankings == null) rankings = new RankingsSpec();
        return rankings;
    }

    public ImagesSpec getImages() { return images; }
    public void setImages(ImagesSpec images) { this.images = images; }
    public AudioSpec getAudio() { return audio; }
    public void setAudio(AudioSpec audio) { this.audio = audio; }
    public VideoSpec getVideo() { return video; }
    public void setVideo(VideoSpec video) { this.video = video; }

    public ImagesSpec images() {
        if (images == null) images = new ImagesSpec();
        return images;
    }

    public AudioSpec audio() {
        if (audio == null) audio = new AudioSpec();
        return audio;
    }

    public VideoSpec video() {
        if (video == null) video = new VideoSpec();
        return video;
    }

    /** Whether any synthetic media is configured to be sent. */
    public boolean mediaEnabled() {
        return (images != null && images.enabled()) || (audio != null && audio.enabled()) || (video != null && video.enabled());
    }

    public int resolvedEntries() { return entries == null ? DEFAULT_ENTRIES : entries; }
    public PromptSpec resolvedPrompts() { return prompts == null ? new PromptSpec() : prompts; }
}
