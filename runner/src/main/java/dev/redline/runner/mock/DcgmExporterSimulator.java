package dev.redline.runner.mock;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A DCGM-exporter look-alike for tests and the mock server ({@code --dcgm-port}): N GPUs whose power
 * follows a load signal the caller sets (e.g. the mock's tokens/s) with a first-order lag, and an energy
 * counter (mJ since "boot") that is the exact integral of that power, so a test can check that the
 * energy delta equals the integral of the scraped power. Optional traps: the pre-2026 {@code Hostname}
 * label spelling and a blank (2^63-ish) memory temperature on the last GPU.
 */
public final class DcgmExporterSimulator {
    /** Shape of the simulated node. Defaults: 2 x NVIDIA H200, 75 W idle, 700 W at saturation. */
    public static final class Options {
        public int gpus = 2;
        public String modelName = "NVIDIA H200";
        public String hostname = "redline-mock-node";
        public boolean legacyHostnameLabel;
        public boolean blankMemoryTemperature;
        public boolean profilingFields = true;
        public double idleWatts = 75;
        public double maxWatts = 700;
        public double saturationTokensPerSecond = 5000;
        public double lagSeconds = 2.0;
        public double totalMemoryMib = 143771;
    }

    private static final String BLANK_INT64 = "9223372036854775794";

    private final Options o;
    private final LongSupplier clock;
    private final double[] watts;
    private final double[] energyMj;
    private long lastNanos;
    private double utilization;

    public DcgmExporterSimulator() {
        this(new Options(), System::nanoTime);
    }

    public DcgmExporterSimulator(Options options) {
        this(options, System::nanoTime);
    }

    /** @param clock monotonic nanos; injectable so tests can drive time */
    public DcgmExporterSimulator(Options options, LongSupplier clock) {
        this.o = options;
        this.clock = clock;
        this.watts = new double[options.gpus];
        this.energyMj = new double[options.gpus];
        for (int i = 0; i < options.gpus; i++) {
            watts[i] = idle(i);
            energyMj[i] = 3.6e9 + i * 1.7e8; // hours of uptime already on the counter
        }
        this.lastNanos = clock.getAsLong();
    }

    /** Sets the load (e.g. output tokens/s being served); power moves toward the matching level. */
    public void setLoad(double tokensPerSecond) {
        setUtilization(tokensPerSecond / o.saturationTokensPerSecond);
    }

    /** Sets the load as a fraction 0..1 of full power above idle (e.g. a simulated engine's busy share). */
    public synchronized void setUtilization(double fraction) {
        advance(clock.getAsLong());
        utilization = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    }

    /** Current power of one GPU after advancing the model to now (W). */
    public synchronized double powerWatts(int gpu) {
        advance(clock.getAsLong());
        return watts[gpu];
    }

    /** Current energy counter of one GPU (mJ). */
    public synchronized double energyMillijoules(int gpu) {
        advance(clock.getAsLong());
        return energyMj[gpu];
    }

    /** The exposition as the exporter would serve it now. */
    public synchronized String render() {
        advance(clock.getAsLong());
        StringBuilder sb = new StringBuilder(4096);
        field(sb, "DCGM_FI_DEV_SM_CLOCK", "gauge", "SM clock frequency (in MHz).", i -> fmt(345 + 1635 * Math.min(1, 3 * util(i))));
        field(sb, "DCGM_FI_DEV_MEM_CLOCK", "gauge", "Memory clock frequency (in MHz).", i -> "2619");
        field(sb, "DCGM_FI_DEV_GPU_TEMP", "gauge", "GPU temperature (in C).", i -> fmt(31 + 44 * util(i)));
        field(sb, "DCGM_FI_DEV_MEMORY_TEMP", "gauge", "Memory temperature (in C).",
                i -> o.blankMemoryTemperature && i == o.gpus - 1 ? BLANK_INT64 : fmt(33 + 40 * util(i)));
        field(sb, "DCGM_FI_DEV_POWER_USAGE", "gauge", "Power draw (in W).", i -> String.format(Locale.ROOT, "%.6f", watts[i]));
        field(sb, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "counter", "Total energy consumption since boot (in mJ).",
                i -> Long.toString(Math.round(energyMj[i])));
        field(sb, "DCGM_FI_DEV_GPU_UTIL", "gauge", "GPU utilization (in %).", i -> fmt(100 * Math.min(1, 1.2 * util(i))));
        field(sb, "DCGM_FI_DEV_MEM_COPY_UTIL", "gauge", "Memory utilization (in %).", i -> fmt(55 * util(i)));
        field(sb, "DCGM_FI_DEV_FB_FREE", "gauge", "Framebuffer memory free (in MiB).", i -> fmt(o.totalMemoryMib - usedMib(i) - 512));
        field(sb, "DCGM_FI_DEV_FB_USED", "gauge", "Framebuffer memory used (in MiB).", i -> fmt(usedMib(i)));
        field(sb, "DCGM_FI_DEV_FB_RESERVED", "gauge", "Framebuffer memory reserved (in MiB).", i -> "512");
        // in dcgm-exporter's default counters, idle under LLM serving: fields Redline does not name itself
        field(sb, "DCGM_FI_DEV_ENC_UTIL", "gauge", "Encoder utilization (in %).", i -> "0");
        field(sb, "DCGM_FI_DEV_DEC_UTIL", "gauge", "Decoder utilization (in %).", i -> "0");
        if (o.profilingFields) {
            field(sb, "DCGM_FI_PROF_GR_ENGINE_ACTIVE", "gauge", "Ratio of time the graphics engine is active.",
                    i -> ratio(Math.min(1, 1.1 * util(i))));
            field(sb, "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", "gauge", "Ratio of cycles the tensor (HMMA) pipe is active.",
                    i -> ratio(0.45 * util(i)));
            field(sb, "DCGM_FI_PROF_DRAM_ACTIVE", "gauge",
                    "Ratio of cycles the device memory interface is active sending or receiving data.", i -> ratio(0.78 * util(i)));
        }
        return sb.toString();
    }

    /** Serves the exposition on any path (mount it at /metrics). */
    public Handler<HttpServerRequest> handler() {
        return req -> {
            byte[] body = render().getBytes(StandardCharsets.UTF_8);
            req.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        };
    }

    /** Starts a standalone exporter on 127.0.0.1:{@code port} (0 picks a free port). */
    public Future<HttpServer> listen(Vertx vertx, int port) {
        return vertx.createHttpServer().requestHandler(handler()).listen(port, "127.0.0.1");
    }

    /**
     * Runs a standalone exporter: {@code --dcgm-port N} (default 9400), {@code --gpus N},
     * {@code --load TOKENS_PER_S} (a fixed load, default 0), {@code --legacy-hostname}, {@code --blank-values}.
     */
    public static void main(String[] args) {
        Options o = new Options();
        int port = 9400;
        double load = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dcgm-port" -> port = Integer.parseInt(args[++i]);
                    case "--gpus" -> o.gpus = Integer.parseInt(args[++i]);
                    case "--load" -> load = Double.parseDouble(args[++i]);
                    case "--legacy-hostname" -> o.legacyHostnameLabel = true;
                    case "--blank-values" -> o.blankMemoryTemperature = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (port < 0 || port > 65535 || o.gpus < 1) throw new IllegalArgumentException("--dcgm-port must be 0-65535 and --gpus >= 1");
        } catch (RuntimeException e) {
            System.err.println("dcgm simulator: " + (e instanceof ArrayIndexOutOfBoundsException ? "missing value for " + args[args.length - 1] : e.getMessage())
                    + "; usage: --dcgm-port 9400 --gpus 2 --load 0 [--legacy-hostname] [--blank-values]");
            System.exit(2);
            return;
        }
        DcgmExporterSimulator sim = new DcgmExporterSimulator(o);
        sim.setLoad(load);
        HttpServer server = sim.listen(Vertx.vertx(), port).toCompletionStage().toCompletableFuture().join();
        System.out.println("DCGM exporter simulator on http://127.0.0.1:" + server.actualPort() + "/metrics");
    }

    private interface PerGpu {
        String value(int gpu);
    }

    private void field(StringBuilder sb, String name, String type, String help, PerGpu value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (int i = 0; i < o.gpus; i++) {
            sb.append(name).append('{').append(labels(i)).append("} ").append(value.value(i)).append('\n');
        }
    }

    private String labels(int i) {
        String uuid = "GPU-" + UUID.nameUUIDFromBytes(("redline-mock-gpu-" + o.hostname + "-" + i).getBytes(StandardCharsets.UTF_8));
        return "gpu=\"" + i + "\",UUID=\"" + uuid + "\",pci_bus_id=\"00000000:" + String.format("%02X", 0x19 + 0x22 * i)
                + ":00.0\",device=\"nvidia" + i + "\",modelName=\"" + o.modelName + "\","
                + (o.legacyHostnameLabel ? "Hostname" : "hostname") + "=\"" + o.hostname
                + "\",DCGM_FI_DRIVER_VERSION=\"570.124.06\",container=\"\",namespace=\"\",pod=\"\"";
    }

    /** Utilisation implied by the current power, 0..1. */
    private double util(int i) {
        return Math.max(0, Math.min(1, (watts[i] - idle(i)) / (o.maxWatts - idle(i))));
    }

    private double usedMib(int i) {
        return 0.85 * o.totalMemoryMib + 0.05 * o.totalMemoryMib * util(i);
    }

    private double idle(int i) {
        return o.idleWatts + 3 * i;
    }

    private double target(int i) {
        return idle(i) + (o.maxWatts - idle(i)) * utilization * (1 - 0.04 * i);
    }

    /**
     * Moves power toward its target with P(t) = T + (P0 - T) e^(-t/tau) and adds the exact integral of
     * that curve to the energy counter, so energy and power never disagree.
     */
    private void advance(long now) {
        double dt = (now - lastNanos) / 1e9;
        if (dt <= 0) return;
        double tau = o.lagSeconds;
        for (int i = 0; i < o.gpus; i++) {
            double t = target(i);
            double decay = Math.exp(-dt / tau);
            energyMj[i] += 1000 * (t * dt + (watts[i] - t) * tau * (1 - decay));
            watts[i] = t + (watts[i] - t) * decay;
        }
        lastNanos = now;
    }

    private static String fmt(double v) {
        return Long.toString(Math.round(v));
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
