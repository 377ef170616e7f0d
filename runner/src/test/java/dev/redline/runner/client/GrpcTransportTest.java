package dev.redline.runner.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GrpcTransportTest {
    @Test
    void pooledChannelsPerUrlAreOnePerHundredInFlightCapped() {
        assertEquals(1, GrpcTransport.channelsFor(1));
        assertEquals(1, GrpcTransport.channelsFor(100));
        assertEquals(2, GrpcTransport.channelsFor(101));
        assertEquals(3, GrpcTransport.channelsFor(250));
        assertEquals(64, GrpcTransport.channelsFor(1_000_000));
    }
}
