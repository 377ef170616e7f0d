package dev.redline.runner.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The coordinator/agent protocol: every message is two frames, a type and a JSON body (the ROUTER side
 * adds the agent's identity frame in front). Types, in the order a run uses them:
 * <pre>
 * agent  -> HELLO {index}                      registration
 * coord  -> CONFIG {spec, runners, seed}       the benchmark, sent when the coordinator starts its run
 * agent  -> PING {t0} / coord -> PONG {t0, t1} clock-offset samples (answered on the I/O thread)
 * agent  -> READY {offsetNs, rttNs}            set up and probed the server: the start barrier
 * coord  -> GO {phase, startAtNs, share}       this runner's share of a phase (null share: sit it out)
 * agent  -> HEARTBEAT {phase, sent, completed} every second while connected
 * agent  -> INTERVAL {snapshot}                the histograms of the records of the last interval (~2 s)
 * agent  -> DONE {phase, sent, completed, errors}  phase barrier
 * coord  -> END | ABORT                        no more phases / stop now and report what you have
 * agent  -> RECORDS {jsonl}                    chunks of the agent's profile_export.jsonl lines
 * agent  -> RESULT {snapshot}                  the agent's metrics (HdrHistograms and counters)
 * agent  -> FAILED {message}                   the agent cannot go on
 * </pre>
 */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper();

    static final String HELLO = "HELLO";
    static final String CONFIG = "CONFIG";
    static final String PING = "PING";
    static final String PONG = "PONG";
    static final String READY = "READY";
    static final String GO = "GO";
    static final String HEARTBEAT = "HEARTBEAT";
    static final String INTERVAL = "INTERVAL";
    static final String DONE = "DONE";
    static final String END = "END";
    static final String ABORT = "ABORT";
    static final String RECORDS = "RECORDS";
    static final String RESULT = "RESULT";
    static final String FAILED = "FAILED";

    private Wire() { }

    static ObjectNode body() { return JSON.createObjectNode(); }

    static String encode(Object body) {
        try {
            return body instanceof JsonNode n ? n.toString() : JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode message: " + e.getMessage(), e);
        }
    }

    static JsonNode decode(String text) {
        try {
            return text == null || text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("malformed message from a peer: " + e.getOriginalMessage(), e);
        }
    }

    /** One message as received; {@code identity} is the sending agent's on the coordinator, null on an agent. */
    record Message(String identity, String type, JsonNode body) { }
}
