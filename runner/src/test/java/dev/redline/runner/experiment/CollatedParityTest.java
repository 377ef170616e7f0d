package dev.redline.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.plan.aggregate.AggregateJson;
import dev.redline.plan.aggregate.CollatedAggregate;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The collated export recomputed from AIPerf 0.13's four profile_export.jsonl equals AIPerf's own (resources/aiperf-0.13/converge-4). */
class CollatedParityTest {
    @Test
    void pooledPercentilesEqualAiperfs() throws Exception {
        Map<String, Map<String, double[]>> samples = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) samples.put("run_000" + i, RequestSamples.all(resource("run_000" + i + ".jsonl")));
        JsonNode ours = AggregateJson.collated(CollatedAggregate.of(samples), 4, List.of(), 0.0, "test");
        JsonNode ref = new ObjectMapper().readTree(resource("collated.json").toFile());
        assertEquals(names(ref.get("metrics")), names(ours.get("metrics")));
        ref.get("metrics").properties().forEach(e -> {
            JsonNode mine = ours.get("metrics").get(e.getKey());
            e.getValue().get("combined").properties().forEach(s -> assertEquals(s.getValue().asDouble(),
                    mine.at("/combined/" + s.getKey()).asDouble(), Math.abs(s.getValue().asDouble()) * 1e-9 + 1e-12, e.getKey() + "." + s.getKey()));
            assertEquals(e.getValue().get("per_run").size(), mine.get("per_run").size());
            assertEquals(e.getValue().at("/per_run/3/count"), mine.at("/per_run/3/count"));
        });
        TreeSet<String> top = names(ref);
        top.remove("aiperf_version");
        top.add("redline_version");
        assertEquals(top, names(ours));
        assertEquals(names(ref.get("metadata")), names(ours.get("metadata")));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CollatedParityTest.class.getResource("/aiperf-0.13/converge-4/" + name).toURI());
    }

    private static TreeSet<String> names(JsonNode n) {
        TreeSet<String> out = new TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
