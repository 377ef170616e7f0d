package dev.redline.runner.distributed;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;

/** An agent's DEALER socket to the coordinator; used only by the agent's main thread. */
final class AgentConnection implements AutoCloseable {
    private final ZContext context = new ZContext();
    private final ZMQ.Socket dealer;

    AgentConnection(String endpoint, int index) {
        dealer = context.createSocket(SocketType.DEALER);
        dealer.setIdentity(identity(index).getBytes(StandardCharsets.UTF_8));
        dealer.setLinger(10_000); // let RESULT reach the coordinator after close
        dealer.connect(endpoint);
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
