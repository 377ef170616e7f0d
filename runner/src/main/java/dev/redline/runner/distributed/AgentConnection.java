package dev.redline.runner.distributed;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import java.time.Duration;

import java.nio.charset.StandardCharsets;

/** An agent's DEALER socket to the coordinator; used only by the agent's main thread. */
final class AgentConnection implements AutoCloseable {
    private final ZContext context = new ZContext();
    private final ZMQ.Socket dealer;

    AgentConnection(String endpoint, int index) {
        dealer = context.createSocket(SocketType.DEALER);
        dealer.setIdentity(identity(index).getBytes(StandardCharsets.UTF_8));
        dealer.setLinger(10_000); // let RESULT reach the coordinator after close
        try {
            dealer.connect(endpoint);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * Connects, retrying while the coordinator's name does not resolve yet (in a cluster the headless
     * Service's record for pod 0 can appear after the agents start). Once connected, JeroMQ itself
     * reconnects until the coordinator listens.
     */
    static AgentConnection open(String endpoint, int index, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return new AgentConnection(endpoint, index);
            } catch (ZMQException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot connect to the coordinator at " + endpoint + " (" + e.getMessage() + ")", e);
                }
                Thread.sleep(1000);
            }
        }
    }

    static String identity(int index) { return "runner-" + index; }

    void send(String type, Object body) {
        dealer.sendMore(type);
        dealer.send(Wire.encode(body));
    }

    /** The next message, or null after {@code timeoutMs}. */
    Wire.Message recv(long timeoutMs) {
        dealer.setReceiveTimeOut((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMs)));
        String type = dealer.recvStr();
        if (type == null) return null;
        String payload = dealer.hasReceiveMore() ? dealer.recvStr() : "";
        while (dealer.hasReceiveMore()) dealer.recv();
        return new Wire.Message(null, type, Wire.decode(payload));
    }

    @Override
    public void close() {
        context.close();
    }
}
