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
