package dev.redline.operator.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.ProgressStatus;
import dev.redline.api.v1alpha1.ResultsSummary;
import dev.redline.operator.children.ConfigMapFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;

/** Reads what the coordinator runner wrote into the results ConfigMap. */
public final class ResultsReader {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A parsed summary, or the reason there is none. */
    public record Read<T>(T value, String problem) {
        static <T> Read<T> missing(String problem) { return new Read<>(null, problem); }
    }

    private ResultsReader() { }

    public static Read<ResultsSummary> summary(ConfigMap results) {
        return read(results, ConfigMapFactory.SUMMARY_JSON_KEY, ResultsSummary.class);
    }

    public static ProgressStatus progress(ConfigMap results) {
        return read(results, ConfigMapFactory.PROGRESS_KEY, ProgressStatus.class).value();
    }

    private static <T> Read<T> read(ConfigMap results, String key, Class<T> type) {
        if (results == null) return Read.missing("the results ConfigMap does not exist");
        String text = results.getData() == null ? null : results.getData().get(key);
        if (text == null || text.isBlank()) {
            return Read.missing("ConfigMap " + results.getMetadata().getName() + " has no " + key);
        }
        try {
            return new Read<>(JSON.readValue(text, type), null);
        } catch (JsonProcessingException e) {
            return Read.missing(key + " in ConfigMap " + results.getMetadata().getName() + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
