package dev.redline.runner.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator's ROUTER socket. JeroMQ sockets are single-threaded, so one I/O thread owns it: it
 * sends what callers queued, answers clock PINGs at once (so the reply time is not skewed by the run)
 * and queues every other message for {@link #poll}. It also keeps each agent's latest HEARTBEAT for readers on
 * other threads ({@link #lastHeartbeat}): the coordinator's own thread only handles messages between phases.
 */
public final class CoordinatorServer implements AutoCloseable {
    private static final int IO_TICK_MS = 5;

    private final ZContext context = new ZContext();
    private final ZMQ.Socket router;
    private final int port;
    private final String host;
    private final BlockingQueue<Wire.Message> inbox = new LinkedBlockingQueue<>();
    private final Map<String, JsonNode> heartbeats = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String[]> outbox = new ConcurrentLinkedQueue<>();
    private final Thread io;
    private volatile boolean running = true;

    private CoordinatorServer(String host, int requestedPort) {
        this.host = host;
        router = context.createSocket(SocketType.ROUTER);
        router.setLinger(2000);
        router.setReceiveTimeOut(IO_TICK_MS);
        String bindHost = host.equals("0.0.0.0") ? "*" : host;
        try {
            if (requestedPort == 0) {
                port = router.bindToRandomPort("tcp://" + bindHost);
            } else {
                router.bind("tcp://" + bindHost + ":" + requestedPort);
                port = requestedPort;
            }
        } catch (RuntimeException e) {
            context.close();
            throw new IllegalStateException("coordinator: cannot listen on " + host + ":" + requestedPort + " (" + e.getMessage() + ")", e);
        }
        io = new Thread(this::loop, "redline-coordinator-io");
        io.setDaemon(true);
        io.start();
    }

    /** Listens on {@code host:port}; port 0 picks a free one, host 0.0.0.0 listens on every interface. */
    public static CoordinatorServer bind(String host, int port) {
        return new CoordinatorServer(host, port);
    }

    public int port() { return port; }

    /** The address agents connect to when they run on this host. */
    public String endpoint() { return "tcp://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port; }

    public void send(String identity, String type, Object body) {
        outbox.add(new String[] {identity, type, Wire.encode(body)});
    }

    /** Queues a message as if an agent had sent it (e.g. a local agent process ended). */
    void inject(Wire.Message m) {
        inbox.add(m);
    }

    /** The next message from an agent, or null after {@code timeoutMs}. */
    public Wire.Message poll(long timeoutMs) throws InterruptedException {
        return inbox.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** The body of the latest HEARTBEAT from {@code identity}, or null; safe from any thread. */
    public JsonNode lastHeartbeat(String identity) {
        return heartbeats.get(identity);
    }

    private void loop() {
        while (running) {
            for (String[] m; (m = outbox.poll()) != null; ) {
                router.sendMore(m[0].getBytes(StandardCharsets.UTF_8));
                router.sendMore(m[1]);
                router.send(m[2]);
            }
            byte[] id = router.recv();
            if (id == null) continue;
            String type = router.hasReceiveMore() ? router.recvStr() : "";
            String payload = router.hasReceiveMore() ? router.recvStr() : "";
            while (router.hasReceiveMore()) router.recv(); // tolerate extra frames
            String identity = new String(id, StandardCharsets.UTF_8);
            if (Wire.PING.equals(type)) {
                answerPing(identity, payload);
            } else {
                JsonNode body;
                try {
                    body = Wire.decode(payload);
                } catch (IllegalStateException e) {
                    continue; // a stray peer; agents only send valid JSON
                }
                if (Wire.HEARTBEAT.equals(type)) heartbeats.put(identity, body);
                inbox.add(new Wire.Message(identity, type, body));
            }
        }
    }

    private void answerPing(String identity, String payload) {
        long t1 = ClockSync.wallNowNs();
        JsonNode ping = Wire.decode(payload);
        router.sendMore(identity.getBytes(StandardCharsets.UTF_8));
        router.sendMore(Wire.PONG);
        router.send(Wire.body().put("t0", ping.path("t0").asLong()).put("t1", t1).toString());
    }

    @Override
    public void close() {
        running = false;
        try {
            io.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
    }
}
