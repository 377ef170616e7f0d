package dev.redline.runner.distributed;

import dev.redline.api.v1alpha1.RunnerEnvironment;

import dev.redline.runner.BadInputException;

/** A coordinator address given as {@code host:port}, {@code tcp://host:port} or a bare host (default port). */
public record CoordinatorAddress(String host, int port) {
    /** The coordinator's port when none is given. */
    public static final int DEFAULT_PORT = RunnerEnvironment.COORDINATOR_PORT;

    public static CoordinatorAddress parse(String value, String flag) {
        String v = value == null ? "" : value.trim();
        if (v.startsWith("tcp://")) v = v.substring("tcp://".length());
        if (v.isEmpty()) throw new BadInputException(flag + ": empty address; give host:port, e.g. bench-runners-0.bench-runners:5670");
        int colon = v.lastIndexOf(':');
        if (colon < 0) return new CoordinatorAddress(v, DEFAULT_PORT);
        String host = v.substring(0, colon);
        try {
            int port = Integer.parseInt(v.substring(colon + 1));
            if (port < 1 || port > 65535 || host.isEmpty()) throw new NumberFormatException();
            return new CoordinatorAddress(host, port);
        } catch (NumberFormatException e) {
            throw new BadInputException(flag + ": '" + value + "' is not host:port with a port from 1 to 65535");
        }
    }

    public String tcp() { return "tcp://" + host + ":" + port; }
}
