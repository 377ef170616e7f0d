package dev.redline.runner.live;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedrawLoopTest {
    @Test
    void redrawsOnItsOwnDaemonThreadUntilStopped() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        AtomicReference<Thread> drawer = new AtomicReference<>();
        AtomicInteger draws = new AtomicInteger();
        RedrawLoop loop = new RedrawLoop("redraw-test", () -> {
            drawer.set(Thread.currentThread());
            draws.incrementAndGet();
            twice.countDown();
        });
        assertTrue(twice.await(10, TimeUnit.SECONDS), "redraws repeatedly");
        loop.stop();
        Thread t = drawer.get();
        assertEquals("redraw-test", t.getName());
        assertTrue(t.isDaemon(), "never keeps the JVM alive");
        assertFalse(t.isAlive(), "stop() returns once the loop has ended");
        int after = draws.get();
        loop.stop(); // stopping twice is harmless
        assertEquals(after, draws.get());
    }
}
