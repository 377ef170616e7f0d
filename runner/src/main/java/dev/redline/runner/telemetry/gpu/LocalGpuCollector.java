package dev.redline.runner.telemetry.gpu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * AIPerf's local GPU collectors ({@code --gpu-telemetry pynvml|amdsmi}) through the vendors' own CLIs, so no native
 * binding is loaded: {@code nvidia-smi --query-gpu ... --format=csv} for NVIDIA and {@code amd-smi metric --json}
 * for AMD. Each reading is rewritten as the DCGM exporter's Prometheus text (DCGM_FI_DEV_* names, gpu/UUID/modelName/
 * Hostname labels), so it flows through the same series, summary, efficiency and export as a DCGM scrape.
 */
public final class LocalGpuCollector {
    /** Scrape-target URLs that stand for a local collector. */
    public static final String NVIDIA = "local:pynvml";
    public static final String AMD = "local:amdsmi";

    static final String NVIDIA_QUERY = "index,uuid,name,power.draw,utilization.gpu,utilization.memory,memory.used,"
            + "memory.free,temperature.gpu,clocks.sm,clocks.mem";
    private static final String[] NVIDIA_FIELDS = {null, null, null, "DCGM_FI_DEV_POWER_USAGE", "DCGM_FI_DEV_GPU_UTIL",
            "DCGM_FI_DEV_MEM_COPY_UTIL", "DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_FB_FREE", "DCGM_FI_DEV_GPU_TEMP",
            "DCGM_FI_DEV_SM_CLOCK", "DCGM_FI_DEV_MEM_CLOCK"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalGpuCollector() { }

    public static boolean isLocal(String url) {
        return url.equals(NVIDIA) || url.equals(AMD);
    }

    /** The collector's target URL for a --gpu-telemetry collector name (pynvml, amdsmi). */
    public static String urlFor(String collector) {
        return "amdsmi".equals(collector) ? AMD : NVIDIA;
    }

    /** Runs the vendor CLI once and returns its reading as DCGM exposition text; IOException when it cannot. */
    public static String read(String url, Duration timeout) throws IOException {
        String host = host();
        if (url.equals(NVIDIA)) {
            return fromNvidiaSmi(run(timeout, "nvidia-smi", "--query-gpu=" + NVIDIA_QUERY, "--format=csv,noheader,nounits"), host);
        }
        return fromAmdSmi(run(timeout, "amd-smi", "metric", "--json"), host);
    }

    /** nvidia-smi CSV rows (in NVIDIA_QUERY order) as DCGM samples; "[N/A]" fields are left out. */
    static String fromNvidiaSmi(String csv, String host) {
        StringBuilder out = new StringBuilder();
        for (String line : csv.split("\\R")) {
            if (line.isBlank()) continue;
            String[] f = line.split("\\s*,\\s*", -1);
            if (f.length < NVIDIA_FIELDS.length) throw new IllegalArgumentException("nvidia-smi printed an unexpected line: " + line.trim());
            String labels = labels(f[0].trim(), f[1].trim(), f[2].trim(), host);
            for (int i = 3; i < NVIDIA_FIELDS.length; i++) sample(out, NVIDIA_FIELDS[i], labels, f[i]);
        }
        return out.toString();
    }

    /** amd-smi metric JSON (a list of GPUs, or an object holding one) as DCGM samples. */
    static String fromAmdSmi(String json, String host) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<JsonNode> gpus = new ArrayList<>();
        collectGpus(root, gpus);
        StringBuilder out = new StringBuilder();
        for (JsonNode g : gpus) {
            String index = g.path("gpu").asText();
            String labels = labels(index, "amd-gpu-" + index, "AMD GPU", host);
            sample(out, "DCGM_FI_DEV_POWER_USAGE", labels, first(g.path("power"), "socket_power", "average_socket_power", "current_socket_power"));
            sample(out, "DCGM_FI_DEV_GPU_UTIL", labels, first(g.path("usage"), "gfx_activity"));
            sample(out, "DCGM_FI_DEV_MEM_COPY_UTIL", labels, first(g.path("usage"), "umc_activity"));
            sample(out, "DCGM_FI_DEV_FB_USED", labels, mib(g.path("mem_usage").path("used_vram")));
            sample(out, "DCGM_FI_DEV_FB_FREE", labels, mib(g.path("mem_usage").path("free_vram")));
            sample(out, "DCGM_FI_DEV_GPU_TEMP", labels, first(g.path("temperature"), "hotspot", "edge"));
            sample(out, "DCGM_FI_DEV_MEMORY_TEMP", labels, first(g.path("temperature"), "mem"));
            sample(out, "DCGM_FI_DEV_SM_CLOCK", labels, first(g.path("clock").path("gfx_0"), "clk"));
            sample(out, "DCGM_FI_DEV_MEM_CLOCK", labels, first(g.path("clock").path("mem_0"), "clk"));
            JsonNode energy = g.path("energy").path("total_energy_consumption");
            String joules = value(energy);
            if (joules != null && unit(energy).equalsIgnoreCase("J")) {
                sample(out, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", labels, Double.toString(Double.parseDouble(joules) * 1000)); // DCGM: mJ
            }
        }
        return out.toString();
    }

    private static void collectGpus(JsonNode n, List<JsonNode> out) {
        if (n.isArray()) {
            n.forEach(c -> collectGpus(c, out));
        } else if (n.isObject()) {
            if (n.has("gpu") && (n.has("usage") || n.has("power") || n.has("temperature") || n.has("mem_usage"))) out.add(n);
            else n.forEach(c -> collectGpus(c, out));
        }
    }

    /** The first present value among {@code keys} of {@code parent} (each a number, a string or {value, unit}). */
    private static String first(JsonNode parent, String... keys) {
        for (String k : keys) {
            String v = value(parent.path(k));
            if (v != null) return v;
        }
        return value(parent);
    }

    private static String value(JsonNode n) {
        JsonNode v = n.isObject() ? n.path("value") : n;
        if (v.isNumber()) return v.asText();
        if (v.isTextual()) {
            String t = v.asText().trim();
            try {
                Double.parseDouble(t);
                return t;
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    private static String unit(JsonNode n) {
        return n.path("unit").asText("");
    }

    /** amd-smi memory in MB/GB as DCGM's MiB. */
    private static String mib(JsonNode n) {
        String v = value(n);
        if (v == null) return null;
        double x = Double.parseDouble(v);
        String u = unit(n).toUpperCase(Locale.ROOT);
        double bytes = u.startsWith("G") ? x * 1e9 : u.startsWith("K") ? x * 1e3 : u.equals("B") ? x : x * 1e6;
        return Double.toString(bytes / 1048576.0);
    }

    private static String labels(String index, String uuid, String model, String host) {
        return "{gpu=\"" + esc(index) + "\",UUID=\"" + esc(uuid) + "\",modelName=\"" + esc(model) + "\",Hostname=\"" + esc(host) + "\"}";
    }

    private static void sample(StringBuilder out, String name, String labels, String value) {
        if (value == null) return;
        String v = value.trim();
        if (v.isEmpty() || v.startsWith("[")) return; // [N/A], [Not Supported]
        try {
            Double.parseDouble(v);
        } catch (NumberFormatException notANumber) {
            return;
        }
        out.append(name).append(labels).append(' ').append(v).append('\n');
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Runs a command and returns its stdout; IOException when it is missing, fails, or overruns the timeout. */
    private static String run(Duration timeout, String... command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IOException(command[0] + " not found on PATH (no " + (command[0].startsWith("nvidia") ? "NVIDIA" : "AMD")
                    + " driver tools on this machine)");
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(command[0] + " did not answer within " + timeout.toMillis() + " ms");
            }
            if (p.exitValue() != 0) {
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                String first = new String(out, StandardCharsets.UTF_8).trim();
                String why = (err.isEmpty() ? first : err).lines().findFirst().orElse("");
                throw new IOException(command[0] + " exited " + p.exitValue() + (why.isEmpty() ? "" : ": " + why));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command[0] + " interrupted");
        }
    }
}
