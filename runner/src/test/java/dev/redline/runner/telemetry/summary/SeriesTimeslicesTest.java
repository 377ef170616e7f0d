package dev.redline.runner.telemetry.summary;

import dev.redline.runner.telemetry.prometheus.TextFormatParser;
import dev.redline.runner.telemetry.series.SeriesStore;
import dev.redline.runner.telemetry.series.Timeline;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timeslices of hand-written scrapes (one a second), checked by hand: boundaries, resets, a series born in the window. */
class SeriesTimeslicesTest {
    private static final long S = 1_000_000_000L;
    private static final String EP = "http://127.0.0.1:1/metrics";
    private static final long WALL0 = 1_700_000_000_000L;

    private static SeriesStore store(String... scrapes) {
        SeriesStore st = new SeriesStore();
        for (int i = 0; i < scrapes.length; i++) st.add(EP, i * S, WALL0 + i * 1000L, TextFormatParser.parse(scrapes[i]));
        return st;
    }

    private static Timeline only(SeriesStore st, String name) {
        return st.timelines().stream().filter(t -> t.id().name().equals(name)).findFirst().orElseThrow();
    }

    /** The window 0 .. 3.5 s (scrape at 4 s closes it) in 1 s slices: three complete, one partial of 0.5 s. */
    private static final RunWindow WINDOW = new RunWindow(0, 7 * S / 2, WALL0, WALL0 + 3500);

    @Test
    void counterSlicesAddUpToTheWindowTotalThroughAReset() {
        SeriesStore st = store("# TYPE c counter\nc_total 100\n", "c_total 150\n", "c_total 20\n", "c_total 50\n", "c_total 90\n");
        Timeline t = only(st, "c_total");
        List<Map<String, Object>> slices = new SeriesTimeslices(WINDOW, 1.0).of(t, 0);
        assertEquals(4, slices.size());
        assertEquals(List.of(50.0, 20.0, 30.0, 40.0), slices.stream().map(m -> m.get("total")).toList(), "the reset counts the new value");
        assertEquals(WALL0 * 1_000_000L, slices.get(0).get("start_ns"));
        assertEquals(WALL0 * 1_000_000L + 3 * S, slices.get(3).get("start_ns"));
        assertEquals(WALL0 * 1_000_000L + 7 * S / 2, slices.get(3).get("end_ns"));
        assertEquals(80.0, (double) slices.get(3).get("rate"), 1e-9, "40 over the partial 0.5 s");
        assertFalse(slices.get(0).containsKey("is_complete"));
        assertEquals(false, slices.get(3).get("is_complete"));
        SeriesSummary.Counter c = (SeriesSummary.Counter) new Summarizer(0, 7 * S / 2).summarize(t, 0);
        assertEquals(c.total(), slices.stream().mapToDouble(m -> (double) m.get("total")).sum(), 1e-9);
        var rates = SeriesTimeslices.completeRates(slices);
        assertEquals(100 / 3.0, rates.avg(), 1e-9, "the complete slices only");
        assertEquals(20, rates.min(), 1e-9);
        assertEquals(50, rates.max(), 1e-9);
        assertEquals(Math.sqrt(((50 - 100 / 3.0) * (50 - 100 / 3.0) + (20 - 100 / 3.0) * (20 - 100 / 3.0) + (30 - 100 / 3.0) * (30 - 100 / 3.0)) / 2),
                rates.std(), 1e-9);
    }

    @Test
    void aCounterCreatedInTheWindowCountsFromZero() {
        SeriesStore st = store("# TYPE other gauge\nother 1\n", "other 1\n# TYPE c counter\nc_total 7\n", "other 1\nc_total 9\n",
                "other 1\nc_total 9\n", "other 1\nc_total 12\n");
        List<Map<String, Object>> slices = new SeriesTimeslices(WINDOW, 1.0).of(only(st, "c_total"), 0);
        assertEquals(List.of(7.0, 2.0, 0.0, 3.0), slices.stream().map(m -> m.get("total")).toList());
    }

    @Test
    void gaugeSlicesHoldTheirSamplesAndHistogramSlicesTheirBucketDeltas() {
        String types = "# TYPE g gauge\n# TYPE h histogram\n"; // every scrape declares them, as a server does
        SeriesStore st = store(
                types + "g 1\nh_bucket{le=\"0.1\"} 0\nh_bucket{le=\"+Inf\"} 0\nh_sum 0\nh_count 0\n",
                types + "g 3\nh_bucket{le=\"0.1\"} 2\nh_bucket{le=\"+Inf\"} 4\nh_sum 1\nh_count 4\n",
                types + "g 5\nh_bucket{le=\"0.1\"} 2\nh_bucket{le=\"+Inf\"} 4\nh_sum 1\nh_count 4\n",
                types + "g 2\nh_bucket{le=\"0.1\"} 0\nh_bucket{le=\"+Inf\"} 1\nh_sum 0.5\nh_count 1\n");
        RunWindow w = new RunWindow(0, 3 * S, WALL0, WALL0 + 3000);
        List<Map<String, Object>> g = new SeriesTimeslices(w, 2.0).of(only(st, "g"), 0);
        assertEquals(2, g.size());
        assertEquals(2.0, g.get(0).get("avg"));   // samples at 0 s and 1 s
        assertEquals(3.5, g.get(1).get("avg"));   // 2 s and the one at the window's end, 3 s
        assertEquals(false, g.get(1).get("is_complete"));
        List<Map<String, Object>> h = new SeriesTimeslices(w, 1.0).of(only(st, "h"), 0);
        assertEquals(2, h.size(), "the slice with the reset (2 s .. 3 s) is left out: " + h);
        assertEquals(4L, h.get(0).get("count"));
        assertEquals(0.25, h.get(0).get("avg"));
        assertEquals(Map.of("0.1", 2L, "+Inf", 4L), h.get(0).get("buckets"));
        assertEquals(0L, h.get(1).get("count"));
        assertNull(h.get(1).get("is_complete"));
        assertTrue(h.stream().allMatch(m -> (long) m.get("start_ns") % S == 0));
    }
}
