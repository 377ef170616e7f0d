package dev.redline.api.config;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.api.v1alpha1.RateSeriesPoint;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AIPerf's rate_series in a phase: every shorthand it accepts reads to the same points; bad series are refused. */
class RateSeriesReadTest {
    @TempDir
    Path dir;

    private static PhaseSpec profiling(String yaml) {
        BenchmarkSpec spec = SpecReader.read(yaml, "test.yaml");
        return spec.getPhases().get(spec.getPhases().size() - 1);
    }

    private static List<double[]> pairs(PhaseSpec p) {
        return p.getRateSeries().stream().map(x -> new double[] {x.getTimeS(), x.getQps()}).toList();
    }

    private static void assertSeries(PhaseSpec p) {
        List<double[]> got = pairs(p);
        assertEquals(3, got.size());
        assertEquals(List.of(0.0, 10.0, 20.0), got.stream().map(a -> a[0]).toList());
        assertEquals(List.of(1.0, 5.0, 2.5), got.stream().map(a -> a[1]).toList());
        assertEquals(1.0, p.resolvedRate(), "a series phase is named and ramped by its first qps");
    }

    @Test
    void inlineListObjectAndFileShorthandsReadAlike() throws Exception {
        String pts = "[{time_s: 0, qps: 1}, {timeS: 10, qps: 5}, {time_s: 20, qps: 2.5}]";
        assertSeries(profiling("benchmark:\n  models: [m]\n  profiling: {type: poisson, rate_series: " + pts + "}\n"));
        assertSeries(profiling("benchmark:\n  models: [m]\n  profiling: {type: constant, rateSeries: {points: " + pts + "}}\n"));
        Path json = dir.resolve("series.json");
        Files.writeString(json, "{\"points\": [{\"time_s\": 0, \"qps\": 1}, {\"time_s\": 10, \"qps\": 5}, {\"time_s\": 20, \"qps\": 2.5}]}");
        assertSeries(profiling("benchmark:\n  models: [m]\n  profiling: {rate_series: '" + json + "'}\n"));
        assertSeries(profiling("benchmark:\n  models: [m]\n  profiling: {rate_series: {path: '" + json + "'}}\n"));
        Files.writeString(json, "[{\"time_s\": 0, \"qps\": 1}, {\"timeS\": 10, \"qps\": 5}, {\"time_s\": 20, \"qps\": 2.5}]");
        PhaseSpec fromFile = new PhaseSpec(); // what --request-rate-series sets
        fromFile.setRateSeries(RateSeriesFile.read(json));
        assertSeries(fromFile);
    }

    @Test
    void malformedFilesSayWhatIsWrong() throws Exception {
        Path json = dir.resolve("bad.json");
        Files.writeString(json, "{\"points\": [], \"extra\": 1}");
        assertTrue(assertThrows(SpecException.class, () -> RateSeriesFile.read(json)).getMessage()
                .contains("must contain exactly one top-level key: points"));
        Files.writeString(json, "[{\"time_s\": 0, \"qps\": NaN}]");
        assertTrue(assertThrows(SpecException.class, () -> RateSeriesFile.read(json)).getMessage()
                .startsWith("invalid request-rate series JSON '" + json + "'"));
        Files.writeString(json, "[{\"time_s\": 0, \"rate\": 3}]");
        assertTrue(assertThrows(SpecException.class, () -> RateSeriesFile.read(json)).getMessage()
                .contains("point 0: unknown key 'rate'; a point has time_s and qps"));
        Files.writeString(json, "[{\"time_s\": \"soon\", \"qps\": 3}]");
        assertTrue(assertThrows(SpecException.class, () -> RateSeriesFile.read(json)).getMessage().contains("point 0.time_s must be a number"));
        assertTrue(assertThrows(SpecException.class, () -> RateSeriesFile.read(dir.resolve("none.json"))).getMessage()
                .startsWith("cannot read request-rate series JSON"));
        SpecException both = assertThrows(SpecException.class, () -> profiling(
                "benchmark:\n  models: [m]\n  profiling: {rate_series: {path: '" + json + "', points: []}}\n"));
        assertTrue(both.getMessage().contains("path and points are mutually exclusive"), both.getMessage());
    }

    private static String firstViolation(List<RateSeriesPoint> points, Double rate, String type) {
        BenchmarkSpec spec = SpecReader.read("models: [m]\nphases: [{kind: profiling" + (type == null ? "" : ", type: " + type) + "}]\n", "t.yaml");
        PhaseSpec p = spec.getPhases().get(0);
        p.setRateSeries(points);
        p.setRate(rate);
        List<Violation> v = SpecValidator.validate(spec);
        return v.isEmpty() ? null : v.get(0).toString();
    }

    private static RateSeriesPoint pt(double t, double q) { return new RateSeriesPoint(t, q); }

    @Test
    void seriesValuesAreValidatedAsAiperfDoes() {
        assertEquals(null, firstViolation(List.of(pt(0, 1), pt(5, 2)), null, null));
        assertTrue(firstViolation(List.of(pt(0, 1)), null, null).contains("at least"));
        assertTrue(firstViolation(List.of(pt(0, 1), pt(0, 2)), null, null).contains("strictly increasing"));
        assertTrue(firstViolation(List.of(pt(5, 1), pt(2, 2)), null, null).contains("strictly increasing"));
        assertTrue(firstViolation(List.of(pt(-1, 1), pt(2, 2)), null, null).contains("phases[0].rateSeries[0].timeS"));
        assertTrue(firstViolation(List.of(pt(0, 0), pt(2, 2)), null, null).contains("phases[0].rateSeries[0].qps"));
        assertTrue(firstViolation(List.of(pt(0, -3), pt(2, 2)), null, null).contains("qps"));
        assertTrue(firstViolation(List.of(pt(0, Double.NaN), pt(2, 2)), null, null).contains("rateSeries[0]"));
        assertTrue(firstViolation(List.of(pt(0, 1), pt(Double.POSITIVE_INFINITY, 2)), null, null).contains("rateSeries[1]"));
        assertTrue(firstViolation(List.of(pt(0, 1), pt(2, 2)), 3.0, null).contains("rate and rateSeries are mutually exclusive"));
        assertTrue(firstViolation(List.of(pt(0, 1), pt(2, 2)), null, "concurrency").contains("not concurrency"));
    }

    /** An over-long, unordered series (100 001 equal points) is told in two lines: its size and its first bad point. */
    @Test
    void aHugeBadSeriesIsToldOnceNotPerPoint() {
        BenchmarkSpec spec = SpecReader.read("models: [m]\nphases: [{kind: profiling}]\n", "t.yaml");
        spec.getPhases().get(0).setRateSeries(Collections.nCopies(100_001, pt(1, 1)));
        List<String> v = SpecValidator.validate(spec).stream().map(Violation::toString).toList();
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.get(0).contains("phases[0].rateSeries[1].timeS") && v.get(0).contains("strictly increasing"), v.get(0));
        assertTrue(v.get(1).contains("phases[0].rateSeries") && v.get(1).contains("at most 100000"), v.get(1));
    }
}
