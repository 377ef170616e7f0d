package dev.redline.operator.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.Search;
import dev.redline.operator.children.ChildLabels;
import dev.redline.operator.children.ExperimentChildren;
import dev.redline.operator.children.Owner;
import dev.redline.plan.PlannedRun;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The objects a Search owns: one Benchmark per iteration and trial, named {@code <search>-<iteration>}
 * ({@code <search>-<iteration>-<trial>} with several trials per iteration) and labelled with both, with
 * the probed knob values in an annotation; and the {@code <search>-search} ConfigMap with
 * {@code search_history.json} (and a grid recipe's derived file). Deterministic names make creating them idempotent.
 */
final class SearchChildren {
    static final String SEARCH_KEY = "redline.dev/search";
    static final String ITERATION_KEY = "redline.dev/search-iteration";
    static final String TRIAL_KEY = "redline.dev/search-trial";
    /** The knob values of the iteration (JSON object, dot-path -> number): the search's state. */
    static final String VALUES_ANNOTATION = "redline.dev/search-values";
    static final String HISTORY_KEY = dev.redline.plan.search.SearchHistoryJson.FILE;
    /** Benchmark names stay within ResourceValidator's 52 with "-199-9" appended. */
    static final int MAX_NAME_LENGTH = 46;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchChildren() { }

    static String benchmarkName(Search s, int iteration, int trial, int trials) {
        String base = s.getMetadata().getName() + "-" + iteration;
        return trials > 1 ? base + "-" + trial : base;
    }

    static String historyConfigMap(Search s) { return s.getMetadata().getName() + "-search"; }

    /** The child Benchmark of one trial of one iteration ({@link ExperimentChildren}), with the probed values annotated. */
    static Benchmark benchmark(Search s, PlannedRun run, int trials) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SEARCH_KEY, s.getMetadata().getName());
        labels.put(ChildLabels.COMPONENT_KEY, "search");
        labels.put(ITERATION_KEY, Integer.toString(run.variation().index()));
        labels.put(TRIAL_KEY, Integer.toString(run.trial()));
        return ExperimentChildren.child(s, s.getSpec().getTemplate(), run, benchmarkName(s, run.variation().index(), run.trial(), trials),
                labels, Map.of(VALUES_ANNOTATION, valuesJson(run.variation().values())));
    }

    /** The results ConfigMap with these files (search_history.json, a fixed recipe's derived file). */
    static ConfigMap history(Search s, Map<String, String> files) {
        ObjectMeta meta = new ObjectMetaBuilder().withName(historyConfigMap(s)).withNamespace(s.getMetadata().getNamespace())
                .withLabels(labels(s)).withOwnerReferences(Owner.reference(s)).build();
        return new ConfigMapBuilder().withMetadata(meta).withData(files).build();
    }

    static Map<String, String> labels(Search s) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "redline");
        labels.put(ChildLabels.MANAGED_BY_KEY, ChildLabels.MANAGED_BY_VALUE);
        labels.put(SEARCH_KEY, s.getMetadata().getName());
        labels.put(ChildLabels.COMPONENT_KEY, "search");
        return labels;
    }

    static String valuesJson(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The knob values a child was created with, or null when the annotation is missing or broken. */
    static Map<String, Object> values(Benchmark child) {
        Map<String, String> a = child.getMetadata().getAnnotations();
        String json = a == null ? null : a.get(VALUES_ANNOTATION);
        if (json == null) return null;
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static int label(Benchmark child, String key) {
        Map<String, String> l = child.getMetadata().getLabels();
        try {
            return l == null || l.get(key) == null ? -1 : Integer.parseInt(l.get(key));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
