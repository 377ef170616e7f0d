package dev.redline.runner.dataset;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampledDatasetTest {
    private static final List<Conversation> TEN = IntStream.range(0, 10)
            .mapToObj(i -> new Conversation("c" + i, List.of(Turn.ofText("t" + i, 1, null))))
            .toList();

    private static List<String> ids(SampledDataset d, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) out.add(d.next(i).id());
        return out;
    }

    @Test
    void sequentialWrapsInOrder() {
        SampledDataset d = new SampledDataset(TEN, SamplingStrategy.SEQUENTIAL, new SeedStreams(1));
        assertEquals(List.of("c8", "c9", "c0", "c1"), ids(d, 8, 12));
    }

    @Test
    void shuffleUsesEveryEntryOncePerPassAndReshuffles() {
        SampledDataset d = new SampledDataset(TEN, SamplingStrategy.SHUFFLE, new SeedStreams(1));
        List<String> first = ids(d, 0, 10);
        List<String> second = ids(d, 10, 20);
        assertEquals(10, new HashSet<>(first).size());
        assertEquals(10, new HashSet<>(second).size());
        assertNotEquals(first, second, "each pass is a new permutation");
        assertNotEquals(ids(new SampledDataset(TEN, SamplingStrategy.SEQUENTIAL, new SeedStreams(1)), 0, 10), first);
        // a pure function of the seed and the session number, whatever the call order
        SampledDataset replay = new SampledDataset(TEN, SamplingStrategy.SHUFFLE, new SeedStreams(1));
        assertEquals(second, ids(replay, 10, 20));
        assertEquals(first, ids(replay, 0, 10));
    }

    @Test
    void randomDrawsWithReplacementReproducibly() {
        SampledDataset d = new SampledDataset(TEN, SamplingStrategy.RANDOM, new SeedStreams(4));
        List<String> draws = ids(d, 0, 200);
        Set<String> distinct = new HashSet<>(draws);
        assertTrue(distinct.size() == 10, "200 uniform draws over 10 should hit all: " + distinct);
        boolean repeatWithinTen = new HashSet<>(draws.subList(0, 10)).size() < 10
                || new HashSet<>(draws.subList(10, 20)).size() < 10;
        assertTrue(repeatWithinTen, "with replacement, some entry repeats within 20 draws");
        assertEquals(draws, ids(new SampledDataset(TEN, SamplingStrategy.RANDOM, new SeedStreams(4)), 0, 200));
    }

    @Test
    void unknownStrategyNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SamplingStrategy.parse("roundrobin", SamplingStrategy.SHUFFLE));
        assertEquals("unknown dataset sampling strategy 'roundrobin'; use one of sequential, random, shuffle", e.getMessage());
        assertEquals(SamplingStrategy.RANDOM, SamplingStrategy.parse("Random", SamplingStrategy.SHUFFLE));
    }
}
