package dev.redline.runner.telemetry.gpu;

import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.telemetry.series.Observation;
import dev.redline.runner.telemetry.series.SeriesStore;
import dev.redline.runner.telemetry.series.Timeline;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.stats.Statistics;
import dev.redline.runner.telemetry.stats.Integrals;
import dev.redline.runner.telemetry.summary.RunWindow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups DCGM exporter series by GPU and summarises them over the run window: gauge stats from the
 * samples inside the window (blank sentinels dropped), energy as the counter's increase over exactly
 * the window (interpolated between scrapes, mJ to J), and the trapezoid integral of power over the same
 * span as a cross-check.
 */
public final class GpuTelemetryAnalyzer {
    private GpuTelemetryAnalyzer() { }

    public static GpuTelemetrySummary analyze(SeriesStore store, List<TargetReport> reports, RunWindow w) {
        return analyze(store, reports, w, List.of());
    }

    /** {@code custom}: the fields of a custom metrics file, named and titled as it says. */
    public static GpuTelemetrySummary analyze(SeriesStore store, List<TargetReport> reports, RunWindow w, List<DcgmField> custom) {
        Map<String, GpuIdentity> ids = new LinkedHashMap<>();
        Map<String, Map<String, TreeMap<Long, Double>>> fields = new LinkedHashMap<>();
        for (Timeline t : store.timelines()) {
            String name = t.id().name();
            if (!name.startsWith("DCGM_FI_")) continue;
            GpuIdentity id = GpuIdentity.of(t.id().endpoint(), t.id().labels());
            ids.putIfAbsent(id.key(), id);
            // A GPU's series can split when pod labels change mid-run; merge them by time.
            TreeMap<Long, Double> points = fields.computeIfAbsent(id.key(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(name, k -> new TreeMap<>());
            for (Timeline.Point p : t.points()) {
                if (p.observation() instanceof Observation.Scalar s && !DcgmField.isBlank(name, s.value())) {
                    points.put(p.monoNanos(), s.value());
                }
            }
        }
        List<GpuSummary> gpus = new ArrayList<>();
        for (Map.Entry<String, GpuIdentity> e : ids.entrySet()) {
            gpus.add(summarize(e.getValue(), fields.get(e.getKey()), w, custom));
        }
        return new GpuTelemetrySummary(w, reports, gpus);
    }

    private static GpuSummary summarize(GpuIdentity id, Map<String, TreeMap<Long, Double>> byField, RunWindow w,
                                        List<DcgmField> custom) {
        Map<String, Stats> metrics = new LinkedHashMap<>();
        Map<String, DcgmField> defs = new LinkedHashMap<>();
        for (DcgmField known : DcgmField.KNOWN) {
            if (byField.containsKey(known.dcgmName())) add(known, byField.get(known.dcgmName()), w, metrics, defs);
        }
        for (Map.Entry<String, TreeMap<Long, Double>> f : byField.entrySet()) {
            DcgmField def = DcgmField.forName(f.getKey(), custom);
            if (!defs.containsKey(def.key())) add(def, f.getValue(), w, metrics, defs);
        }
        Double energy = null;
        TreeMap<Long, Double> energyPts = byField.get(DcgmField.ENERGY);
        if (energyPts != null && energyPts.size() >= 2) {
            energy = Integrals.counterIncrease(times(energyPts), values(energyPts), w.startNanos(), w.endNanos()) / 1000.0;
        }
        Double integral = null;
        double covered = 0;
        TreeMap<Long, Double> power = byField.get(DcgmField.POWER);
        if (power != null && power.size() >= 2) {
            integral = Integrals.trapezoid(times(power), values(power), w.startNanos(), w.endNanos());
            covered = Integrals.coveredSeconds(times(power), w.startNanos(), w.endNanos());
        }
        return new GpuSummary(id, metrics, defs, energy, integral, covered);
    }

    private static void add(DcgmField def, TreeMap<Long, Double> pts, RunWindow w,
                            Map<String, Stats> metrics, Map<String, DcgmField> defs) {
        List<Double> in = new ArrayList<>(pts.subMap(w.startNanos(), true, w.endNanos(), true).values());
        if (in.isEmpty()) {
            Map.Entry<Long, Double> last = pts.floorEntry(w.endNanos());
            if (last == null) return;
            in.add(last.getValue());
        }
        double[] v = in.stream().mapToDouble(d -> d * def.scale()).toArray();
        metrics.put(def.key(), Statistics.sample(v));
        defs.put(def.key(), def);
    }

    private static long[] times(TreeMap<Long, Double> pts) {
        return pts.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] values(TreeMap<Long, Double> pts) {
        return pts.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
