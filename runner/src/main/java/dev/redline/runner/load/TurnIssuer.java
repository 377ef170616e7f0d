package dev.redline.runner.load;

import dev.redline.runner.client.InferenceClient;
import dev.redline.runner.client.PreparedRequest;
import dev.redline.runner.client.RequestFactory;
import dev.redline.runner.client.RequestHandle;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.RecordSink;
import dev.redline.runner.record.RequestRecord;

import java.util.function.Consumer;

/**
 * Sends one turn of a session: builds the request, fills the record's identity, tracks it as in flight,
 * and on completion updates the counters, hands the record to the sink and calls back the scheduler.
 */
final class TurnIssuer {
    private final InferenceClient client;
    private final RequestFactory factory;
    private final RecordSink sink;

    TurnIssuer(InferenceClient client, RequestFactory factory, RecordSink sink) {
        this.client = client;
        this.factory = factory;
        this.sink = sink;
    }

    /**
     * @param intendedNs when the schedule wanted this request sent (System.nanoTime)
     * @param after      called with the final record after the sink, on the request's event loop
     */
    void issue(PhaseState st, long index, SessionRun session, int workerId, long intendedNs, Consumer<RequestRecord> after) {
        Turn turn = session.nextTurn();
        PreparedRequest req = factory.build(turn, session.model, session.history(), session.correlationId);
        RequestRecord rec = new RequestRecord(index, st.plan.kind());
        rec.setSessionNum(session.sessionNum);
        rec.setTurnIndex(session.nextTurnIndex());
        rec.setConversationId(session.conversation.id());
        rec.setXRequestId(req.requestId());
        rec.setXCorrelationId(req.correlationId());
        rec.setModel(session.model);
        rec.setWorkerId(workerId);
        rec.setInputTokens(turn.inputTokens());
        rec.setRequestedMaxTokens(turn.maxTokens());
        rec.setIntendedSendPerfNs(intendedNs);
        LoadProgress p = st.progress;
        p.sent.incrementAndGet();
        p.inFlight.incrementAndGet();
        RequestHandle[] handle = new RequestHandle[1];
        handle[0] = client.send(req, rec, () -> {
            if (handle[0] != null) st.inFlight.remove(handle[0]);
            p.inFlight.decrementAndGet();
            p.completed.incrementAndGet();
            if (rec.lateForGrace()) p.late.incrementAndGet();
            else if (rec.isError()) p.errors.incrementAndGet();
            String reply = rec.outputText(); // read before the sink may drop the text
            session.completeTurn(turn, reply);
            sink.accept(rec);
            after.accept(rec);
        });
        st.inFlight.add(handle[0]);
    }
}
