package dev.redline.runner.load;

import dev.redline.runner.client.InferenceClient;
import dev.redline.runner.client.PreparedRequest;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.RequestFactory;
import dev.redline.runner.client.RequestHandle;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.RecordSink;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Consumer;

/**
 * Sends one turn of a session: waits for a prefill slot when prefill concurrency is limited, builds the
 * request, fills the record's identity, tracks it as in flight, arms a cancellation when the policy picks
 * it, and on completion updates the counters, hands the record to the sink and calls back the scheduler.
 */
final class TurnIssuer {
    private final Vertx vertx;
    private final InferenceClient client;
    private final RequestFactory factory;
    private final RecordSink sink;
    private final ClientHealthMonitor monitor;
    private final CacheBust cacheBust;

    TurnIssuer(Vertx vertx, InferenceClient client, RequestFactory factory, RecordSink sink, ClientHealthMonitor monitor,
               CacheBust cacheBust) {
        this.cacheBust = cacheBust;
        this.vertx = vertx;
        this.monitor = monitor;
        this.client = client;
        this.factory = factory;
        this.sink = sink;
    }

    /**
     * Must be called on {@code ctx}.
     *
     * @param intendedNs when the schedule wanted this request sent (System.nanoTime)
     * @param readyNs    when it could first be sent (intended, or later when a concurrency slot freed);
     *                   actual send minus this is the client's own lag
     * @param after      called with the final record after the sink, on {@code ctx}
     */
    void issue(PhaseState st, Context ctx, long index, SessionRun session, int workerId, long intendedNs,
               long readyNs, Consumer<RequestRecord> after) {
        SlotGate prefill = st.prefillGate;
        if (prefill == null) {
            send(st, index, session, workerId, intendedNs, readyNs, after, null);
            return;
        }
        boolean[] immediate = {true};
        prefill.acquire(() -> {
            long ready = immediate[0] ? readyNs : Math.max(readyNs, System.nanoTime());
            Runnable go = () -> send(st, index, session, workerId, intendedNs, ready, after, prefill);
            if (Vertx.currentContext() == ctx) go.run();
            else ctx.runOnContext(v -> go.run());
        });
        immediate[0] = false;
    }

    private void send(PhaseState st, long index, SessionRun session, int workerId, long intendedNs, long readyNs,
                      Consumer<RequestRecord> after, SlotGate prefill) {
        Turn dataTurn = session.nextTurn();
        Turn turn = !cacheBust.enabled() ? dataTurn : cacheBust.apply(dataTurn, session.nextTurnIndex(),
                session.conversation.fullPromptTurns(), session.cacheBustMarker, st.plan.kind() == RequestRecord.Phase.WARMUP);
        PreparedRequest req = turn == dataTurn ? factory.build(turn, session.model, session.history(), session.correlationId)
                : factory.buildOnce(turn, session.model, session.history(), session.correlationId);
        RequestRecord rec = new RequestRecord(index, st.plan.kind());
        rec.setSessionNum(session.sessionNum);
        rec.setTurnIndex(session.nextTurnIndex());
        rec.setConversationId(session.conversation.id());
        rec.setXRequestId(req.requestId());
        rec.setXCorrelationId(req.correlationId());
        rec.setModel(session.model);
        rec.setWorkerId(workerId);
        rec.setInputTokens(turn.inputTokens());
        rec.setInputMedia(session.imagesSent(turn), turn.media().audioSeconds(),
                factory.endpoint().type().output() == EndpointType.Output.IMAGES);
        rec.setRequestedMaxTokens(turn.maxTokens());
        rec.setIntendedSendPerfNs(intendedNs);
        LoadProgress p = st.progress;
        p.sent.incrementAndGet();
        p.inFlight.incrementAndGet();
        boolean[] prefillHeld = {prefill != null};
        Runnable releasePrefill = prefill == null ? null : () -> {
            if (prefillHeld[0]) {
                prefillHeld[0] = false;
                prefill.release();
            }
        };
        RequestHandle[] handle = new RequestHandle[1];
        long[] cancelTimer = {-1};
        handle[0] = client.send(req, rec, releasePrefill, () -> {
            if (releasePrefill != null) releasePrefill.run();
            if (cancelTimer[0] >= 0) vertx.cancelTimer(cancelTimer[0]);
            if (handle[0] != null) st.inFlight.remove(handle[0]);
            p.inFlight.decrementAndGet();
            p.completed.incrementAndGet();
            if (rec.lateForGrace()) p.late.incrementAndGet();
            else if (rec.cancelled()) p.cancelled.incrementAndGet();
            else if (rec.isError()) p.errors.incrementAndGet();
            if (monitor != null && rec.phase() == RequestRecord.Phase.PROFILING && rec.startPerfNs() > 0) {
                monitor.recordClientLag(rec.startPerfNs() - readyNs);
            }
            String reply = session.needsReply() ? rec.outputText() : null; // read before the sink may drop the text
            session.completeTurn(turn, reply);
            sink.accept(rec);
            after.accept(rec);
        });
        st.inFlight.add(handle[0]);
        st.sent(rec.startPerfNs() != 0 ? rec.startPerfNs() : System.nanoTime(), rec.intendedSendPerfNs());
        CancelPolicy cancel = st.cancelPolicy;
        if (cancel != null && cancel.pick()) {
            RequestHandle h = handle[0];
            cancelTimer[0] = vertx.setTimer(Math.max(1, cancel.delayNs() / 1_000_000), id -> {
                cancelTimer[0] = -1;
                h.cancel();
            });
        }
    }
}
