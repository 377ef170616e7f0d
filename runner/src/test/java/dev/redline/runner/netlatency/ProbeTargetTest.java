package dev.redline.runner.netlatency;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProbeTargetTest {
    @Test
    void oneTargetPerHostAndPortWithTheSchemesDefaultPort() {
        List<ProbeTarget> t = ProbeTarget.of(List.of("localhost:8000", "http://localhost:8000/v1", "https://api.example.com",
                "http://api.example.com", "grpc://10.0.0.1:9000"));
        assertEquals(List.of("localhost:8000", "api.example.com:443", "api.example.com:80", "10.0.0.1:9000"),
                t.stream().map(ProbeTarget::key).toList());
        assertEquals("http://localhost:8000", t.get(0).url(), "a scheme is added, as AIPerf's config does");
    }

    @Test
    void credentialsInTheUrlAreNotWritten() {
        ProbeTarget t = ProbeTarget.parse("https://user:secret@host.example:8443/v1?x=1");
        assertEquals("https://<redacted>@host.example:8443/v1", t.url());
        assertEquals("host.example", t.host());
        assertEquals(8443, t.port());
    }
}
