package dev.redline.runner.client;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.metrics.types.HttpReqConnectingMetric;
import dev.redline.runner.metrics.types.HttpReqConnectionReusedMetric;
import dev.redline.runner.metrics.types.HttpReqDurationMetric;
import dev.redline.runner.metrics.types.HttpReqReceivingMetric;
import dev.redline.runner.metrics.types.HttpReqSendingMetric;
import dev.redline.runner.metrics.types.HttpReqWaitingMetric;
import dev.redline.runner.record.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.redline.runner.client.ClientTestSupport.config;
import static dev.redline.runner.client.ClientTestSupport.median;
import static dev.redline.runner.client.ClientTestSupport.sendAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's HTTP trace timestamps, read through the http_req_* metrics, against a loopback server. */
class HttpTraceTest {
    @RegisterExtension
    static final SseServerExtension sse = new SseServerExtension();

    @Test
    void firstRequestConnectsLaterOnesReuseAndTheHeadersWaitForTheBody() throws Exception {
        sse.server().ttftMs = 30;
        sse.server().itlMs = 15; // non-streaming: the head is written with the body, at 30 + 3 * 15 ms
        double[] waiting = new double[3];
        // one event loop: each loop has its own connection pool, so with more the second request could connect anew
        try (InferenceClient client = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.CHAT, false, 1, 10), 1)) {
            RequestFactory factory = RequestFactory.forConfig(client.config());
            for (int i = 0; i < waiting.length; i++) {
                RequestRecord r = sendAndWait(client, factory, Turn.ofText("hello there", 2, 4));
                assertTrue(r.isValid());
                assertEquals(i == 0 ? 0.0 : 1.0, new HttpReqConnectionReusedMetric().value(r), "request " + i);
                double connecting = new HttpReqConnectingMetric().value(r);
                if (i == 0) assertTrue(connecting > 0, "a new connection takes time to connect: " + connecting);
                else assertEquals(0.0, connecting);
                double sending = new HttpReqSendingMetric().value(r);
                waiting[i] = new HttpReqWaitingMetric().value(r);
                double receiving = new HttpReqReceivingMetric().value(r);
                double duration = new HttpReqDurationMetric().value(r);
                assertTrue(sending >= 0 && receiving >= 0);
                assertEquals(duration, sending + waiting[i] + receiving, 1e-6);
                // the server's delay runs from its receipt of the request, which can precede the client's
                // "sent" callback by a moment: the ground truth bounds sending + waiting, not waiting alone
                assertTrue(sending + waiting[i] >= 30 + 3 * 15, "send + TTFB below the server's delay: " + (sending + waiting[i]));
                assertTrue(r.connectionPerfNs() >= r.startPerfNs() && r.sentPerfNs() >= r.connectionPerfNs()
                        && r.ackPerfNs() >= r.sentPerfNs() && r.endPerfNs() >= r.ackPerfNs(), "timestamps in order");
            }
        }
        assertTrue(median(waiting) <= 30 + 3 * 15 + 25, "TTFB median " + median(waiting));
    }

    @Test
    void aRefusedConnectionHasNoTrace() throws Exception {
        try (InferenceClient client = new InferenceClient(sse.vertx(), config("http://127.0.0.1:1", EndpointType.CHAT, false, 1, 5))) {
            RequestRecord r = sendAndWait(client, RequestFactory.forConfig(client.config()), Turn.ofText("x", 1, 1));
            assertTrue(r.isError());
            assertTrue(Double.isNaN(new HttpReqDurationMetric().value(r)));
            assertTrue(Double.isNaN(new HttpReqConnectionReusedMetric().value(r)));
        }
    }
}
