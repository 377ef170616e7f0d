package dev.redline.runner.profile;

import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.Usage;
import dev.redline.runner.tokenizer.BuiltinTokenizer;
import dev.redline.runner.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecordProcessorTest {
    private final Tokenizer tok = new BuiltinTokenizer();

    private static RequestRecord record(long i, String output, String reasoning) {
        RequestRecord r = new RequestRecord(i, RequestRecord.Phase.PROFILING);
        r.markStart(1, 1);
        r.addContentChunk(2, output, reasoning);
        r.markEnd(3);
        return r;
    }

    @Test
    void countsEveryRecordInCompletionOrderFromManyProducers() throws Exception {
        List<RequestRecord> seen = Collections.synchronizedList(new ArrayList<>());
        List<Thread> producers = new ArrayList<>();
        try (RecordProcessor p = new RecordProcessor(tok, false, seen::add)) {
            for (int t = 0; t < 4; t++) {
                int base = t * 1000;
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 1000; i++) {
                        String words = " the river".repeat(1 + (base + i) % 7);
                        p.accept(record(base + i, words, (base + i) % 3 == 0 ? " think" : ""));
                    }
                });
                producers.add(th);
                th.start();
            }
            for (Thread th : producers) th.join();
        }
        assertEquals(4000, seen.size(), "every record reaches downstream once, before close returns");
        int[] lastOfProducer = {-1, -1, -1, -1};
        for (RequestRecord r : seen) {
            int i = (int) r.requestIndex();
            assertEquals(2 * (1 + i % 7), r.outputTokens(), "output tokens of record " + i);
            assertEquals(i % 3 == 0 ? 1 : 0, r.reasoningTokens());
            assertEquals("", r.outputText(), "text freed after downstream");
            int producer = i / 1000;
            // each producer's records arrive in the order it offered them
            org.junit.jupiter.api.Assertions.assertTrue(i > lastOfProducer[producer]);
            lastOfProducer[producer] = i;
        }
    }

    @Test
    void deferredRecordsWaitForCloseUnderTheBudgetAndCatchUpOverIt() throws Exception {
        List<RequestRecord> seen = Collections.synchronizedList(new ArrayList<>());
        long one = RecordProcessor.estimatedBytes(record(0, " the river", ""));
        try (RecordProcessor p = new RecordProcessor(tok, false, seen::add, null, 1000 * one)) {
            for (int i = 0; i < 500; i++) p.accept(record(i, " the river", ""));
            Thread.sleep(300); // many of the worker's polls: under budget it leaves them all waiting
            assertEquals(0, seen.size(), "nothing processed while the run goes on under budget");
            for (int i = 500; i < 1500; i++) p.accept(record(i, " the river", ""));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (seen.size() < 1000 && System.nanoTime() < deadline) Thread.sleep(10);
            // past the budget it catches up to half of it, then waits again
            org.junit.jupiter.api.Assertions.assertTrue(seen.size() >= 1000 && seen.size() < 1500, "caught up: " + seen.size());
            org.junit.jupiter.api.Assertions.assertTrue(p.peakDeferredBytes() >= 1000 * one);
        }
        assertEquals(1500, seen.size(), "close drains the rest");
        for (int i = 0; i < 1500; i++) assertEquals(i, seen.get(i).requestIndex(), "completion order kept");
        assertEquals(2, seen.get(1499).outputTokens());
    }

    @Test
    void closeReturnsWhileRecordsKeepArriving() throws Exception {
        // an interrupted run closes the processor while requests still in flight keep completing
        List<RequestRecord> seen = Collections.synchronizedList(new ArrayList<>());
        RecordProcessor p = new RecordProcessor(tok, false, seen::add);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger offered = new java.util.concurrent.atomic.AtomicInteger();
        Thread producer = new Thread(() -> {
            while (running.get()) p.accept(record(offered.getAndIncrement(), " the", ""));
        });
        producer.start();
        while (offered.get() < 5000) Thread.sleep(1);
        int beforeClose = offered.get();
        Thread closer = new Thread(p::close);
        closer.start();
        closer.join(20_000);
        boolean stuck = closer.isAlive();
        running.set(false);
        producer.join();
        org.junit.jupiter.api.Assertions.assertFalse(stuck, "close() must not wait for records offered after it");
        org.junit.jupiter.api.Assertions.assertTrue(seen.size() >= beforeClose,
                "every record offered before close reached downstream: " + seen.size() + " < " + beforeClose);
    }

    @Test
    void serverCountsReplaceTheTokenizerWhenAsked() {
        List<RequestRecord> seen = new ArrayList<>();
        try (RecordProcessor p = new RecordProcessor(tok, true, seen::add)) {
            RequestRecord r = record(0, " a b c", " x");
            r.setUsage(new Usage(17, 9, 26, 2, -1));
            p.accept(r);
        }
        RequestRecord r = seen.get(0);
        assertEquals(7, r.outputTokens());
        assertEquals(2, r.reasoningTokens());
        assertEquals(17, r.inputTokens());
    }
}
