package dev.redline.runner.telemetry.series;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One time series: the endpoint it was scraped from, the family name and its labels (sorted, without
 * the {@code le}/{@code quantile} labels that only split a histogram or summary into samples).
 */
public record SeriesId(String endpoint, String name, Map<String, String> labels) {
    public SeriesId {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public String labelsText() {
        if (labels.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        labels.forEach((k, v) -> {
            if (sb.length() > 0) sb.append(',');
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }
}
