package dev.redline.runner.client;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Ids the client sends (X-Request-ID, X-Correlation-ID). */
public final class RequestIds {
    private RequestIds() { }

    /**
     * A version-4 UUID from the calling thread's generator. UUID.randomUUID() draws on one SecureRandom
     * whose lock every event loop would share; request ids need uniqueness, not secrecy.
     */
    public static String randomUuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
