package dev.redline.runner.telemetry.prometheus;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The result of parsing one scrape: families by name in order of appearance, how many lines were
 * malformed (skipped), and the first few problems with their line numbers for the report.
 */
public record ParsedExposition(Map<String, MetricFamily> families, int malformedLines, List<String> problems) {
    public ParsedExposition {
        families = Collections.unmodifiableMap(families);
        problems = List.copyOf(problems);
    }

    public MetricFamily family(String name) {
        return families.get(name);
    }

    public int sampleCount() {
        int n = 0;
        for (MetricFamily f : families.values()) n += f.samples().size();
        return n;
    }
}
