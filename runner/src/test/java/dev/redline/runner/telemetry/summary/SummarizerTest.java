package dev.redline.runner.telemetry.summary;

import dev.redline.runner.telemetry.prometheus.TextFormatParser;
import dev.redline.runner.telemetry.series.SeriesStore;
import dev.redline.runner.telemetry.series.Timeline;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Counter, gauge and histogram summaries checked by hand against the numbers in the scrapes. */
class SummarizerTest {
    private static final long S = 1_000_000_000L;
    private static final String EP = "http://127.0.0.1:1/metrics";

    private static SeriesStore store(String... scrapes) {
        SeriesStore st = new SeriesStore();
        for (int i = 0; i < scrapes.length; i++) {
            st.add(EP, i * S, 1_700_000_000_000L + i * 1000L, TextFormatParser.parse(scrapes[i]));
        }
        return st;
    }

    private static Timeline only(SeriesStore st, String name) {
        return st.timelines().stream().filter(t -> t.id().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void counterDeltaAndRateOverBracketingScrapes() {
        SeriesStore st = store("# TYPE c counter\nc_total 100\n", "c_total 150\n", "c_total 250\n", "c_total 260\n");
        // Window 0.5 s .. 2.5 s is bracketed by the scrapes at 0 s (100) and 3 s (260).
        SeriesSummary.Counter c = assertInstanceOf(SeriesSummary.Counter.class,
                new Summarizer(S / 2, 5 * S / 2).summarize(only(st, "c_total"), 0));
        assertEquals(160, c.total(), 1e-9);
        assertEquals(3.0, c.seconds(), 1e-9);
        assertEquals(160 / 3.0, c.rate(), 1e-9);
        assertEquals(10, c.intervalRates().min(), 1e-9);
        assertEquals(100, c.intervalRates().max(), 1e-9);
    }

    @Test
    void counterResetCountsTheNewValue() {
        SeriesStore st = store("# TYPE c counter\nc_total 100\n", "c_total 150\n", "c_total 20\n", "c_total 50\n");
        SeriesSummary.Counter c = (SeriesSummary.Counter) new Summarizer(0, 3 * S).summarize(only(st, "c_total"), 0);
        assertEquals(50 + 20 + 30, c.total(), 1e-9);
    }

    @Test
    void seriesBornDuringTheRunCountsFromZero() {
        SeriesStore st = store("# TYPE other gauge\nother 1\n", "# TYPE c counter\nc_total 5\n", "c_total 12\n");
        SeriesSummary.Counter c = (SeriesSummary.Counter) new Summarizer(0, 2 * S).summarize(only(st, "c_total"), 0);
        assertEquals(12, c.total(), 1e-9);
    }

    @Test
    void gaugeUsesSamplesInsideTheWindowWithSampleStd() {
        SeriesStore st = store("# TYPE g gauge\ng 100\n", "g 2\n", "g 4\n", "g 6\n", "g 100\n");
        SeriesSummary.Gauge g = (SeriesSummary.Gauge) new Summarizer(S, 3 * S).summarize(only(st, "g"), 0);
        assertEquals(3, g.values().count());
        assertEquals(4, g.values().avg(), 1e-12);
        assertEquals(2, g.values().min(), 1e-12);
        assertEquals(6, g.values().max(), 1e-12);
        assertEquals(2.0, g.values().std(), 1e-12); // sqrt(((2-4)^2 + 0 + (6-4)^2) / (3-1))
        assertEquals(5.0, g.values().p75(), 1e-12); // index 0.75*2 = 1.5 -> 4 + 0.5*(6-4)
    }

    @Test
    void histogramPercentilesFromBucketDeltas() {
        String ref = "# TYPE h histogram\nh_bucket{le=\"0.1\"} 10\nh_bucket{le=\"0.2\"} 20\nh_bucket{le=\"0.4\"} 30\n"
                + "h_bucket{le=\"+Inf\"} 30\nh_sum 4\nh_count 30\n";
        String fin = "# TYPE h histogram\nh_bucket{le=\"0.1\"} 10\nh_bucket{le=\"0.2\"} 60\nh_bucket{le=\"0.4\"} 120\n"
                + "h_bucket{le=\"+Inf\"} 130\nh_sum 34\nh_count 130\n";
        SeriesStore st = store(ref, fin);
        SeriesSummary.Histogram h = (SeriesSummary.Histogram) new Summarizer(0, S).summarize(only(st, "h"), 0);
        // Deltas per bucket: (0.1] 0, (0.1,0.2] 40, (0.2,0.4] 50, (0.4,+Inf) 10.
        assertEquals(100, h.count(), 1e-9);
        assertEquals(30, h.sum(), 1e-9);
        assertEquals(0.3, h.avg(), 1e-12);
        assertEquals(0.1 + 0.1 * 25 / 40.0, h.percentile(25), 1e-12); // rank 25 in (0.1,0.2]
        assertEquals(0.2 + 0.2 * 10 / 50.0, h.percentile(50), 1e-12); // rank 50 in (0.2,0.4]
        assertEquals(0.4, h.percentile(90), 1e-12);                   // rank 90 = top of (0.2,0.4]
        assertEquals(0.4, h.percentile(99), 1e-12);                   // +Inf bucket -> last finite bound
        assertEquals(40.0, h.buckets().get("0.2"), 1e-12);   // cumulative, as AIPerf exports them
        assertEquals(90.0, h.buckets().get("0.4"), 1e-12);
        assertEquals(100.0, h.buckets().get("+Inf"), 1e-12);
    }

    @Test
    void idleRunsOfIdenticalCounterScrapesCollapseWithoutChangingTheDelta() {
        String[] scrapes = new String[60];
        for (int i = 0; i < 60; i++) {
            int v = i < 40 ? 100 : 100 + (i - 39) * 10; // idle for 40 s, then +10/s
            scrapes[i] = (i == 0 ? "# TYPE c counter\n" : "") + "c_total " + v + "\n";
        }
        SeriesStore st = store(scrapes);
        Timeline t = only(st, "c_total");
        assertEquals(2 + 20, t.points().size(), "the idle run keeps its first and last scrape");
        SeriesSummary.Counter c = (SeriesSummary.Counter) new Summarizer(39 * S, 59 * S).summarize(t, 0);
        assertEquals(200, c.total(), 1e-9);
        assertEquals(20.0, c.seconds(), 1e-9, "the window is bracketed by the scrape at 39 s, not the one at 0 s");
        assertEquals(10.0, c.rate(), 1e-9);
    }
}
