package dev.redline.runner.export;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The one-line pooled histogram under the Spec Decode table, in AIPerf's format. */
class SpecDecodeHistogramLineTest {
    @Test
    void everyBucketUpToTheLargestAsAShareOfSteps() {
        assertEquals("Accepted drafts per step (% of steps):  0: 50%   1: 0%   2: 50%",
                ConsoleTableRenderer.histogramLine(Map.of(0, 2L, 2, 2L), 8));
    }

    @Test
    void bucketsFromTheCapUpFoldIntoOne() {
        assertEquals("Accepted drafts per step (% of steps):  0: 25%   1: 25%   >=2: 50%",
                ConsoleTableRenderer.histogramLine(Map.of(0, 1L, 1, 1L, 2, 1L, 5, 1L), 2));
    }

    @Test
    void halvesRoundToEvenAsPython() {
        // 1/8 = 12.5% -> "12%", 3/8 = 37.5% -> "38%" (Python's :.0f)
        assertEquals("Accepted drafts per step (% of steps):  0: 12%   1: 38%   2: 50%",
                ConsoleTableRenderer.histogramLine(Map.of(0, 1L, 1, 3L, 2, 4L), 8));
    }

    @Test
    void nothingWithoutSteps() {
        assertNull(ConsoleTableRenderer.histogramLine(Map.of(), 8));
        assertNull(ConsoleTableRenderer.histogramLine(null, 8));
    }
}
