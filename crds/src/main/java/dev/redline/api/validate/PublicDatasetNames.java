package dev.redline.api.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The --public-dataset names (AIPerf 0.13's): those Redline runs (the runner's PublicDataset table, kept equal by its
 * test) and those it knows and refuses, each with the reason, so the CR, the YAML and the CLI refuse them alike.
 */
public final class PublicDatasetNames {
    public static final List<String> SUPPORTED = List.of("sharegpt", "instruct_coder", "aimo", "aimo_aime", "aimo_numina_cot",
            "aimo_numina_1_5", "spec_al_gsm8k", "spec_al_math500", "spec_al_humaneval", "spec_al_mbpp", "spec_al_mtbench",
            "blazedit_5k", "blazedit_10k", "spec_bench", "mmstar");

    private static final String AGENTIC = "it replays recorded agentic traces (messages, tools, timing), which Redline does"
            + " not load; use a text public dataset or --input-file with a trace format";
    private static final String MEDIA = "its requests carry the dataset's video, audio or multi-message conversations, which"
            + " Redline's public datasets do not read yet; use --input-file with the media, or another public dataset";
    /** Known and refused: name (or name prefix, for the dated Weka variants) to reason. */
    public static final Map<String, String> NOT_SUPPORTED = notSupported();

    private PublicDatasetNames() { }

    /** Lower case, '-' as '_', as the names are matched. */
    public static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Why Redline refuses this AIPerf name, or null when it is not one of those. */
    public static String whyNotSupported(String name) {
        String key = normalize(name);
        for (Map.Entry<String, String> e : NOT_SUPPORTED.entrySet()) {
            if (key.equals(e.getKey()) || e.getValue() == AGENTIC && key.startsWith(e.getKey() + "_")) return e.getValue();
        }
        return null;
    }

    private static Map<String, String> notSupported() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : List.of("exgentic", "exgentic_v2", "semianalysis_cc_traces_weka", "weka_hf")) m.put(n, AGENTIC);
        for (String n : List.of("mmvu", "vision_arena", "llava_onevision", "librispeech", "voxpopuli", "gigaspeech",
                "ami", "spgispeech")) m.put(n, MEDIA);
        return Collections.unmodifiableMap(m);
    }
}
