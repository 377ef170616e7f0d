package dev.redline.runner.mock;

import dev.redline.runner.telemetry.prometheus.MetricFamily;
import dev.redline.runner.telemetry.prometheus.ParsedExposition;
import dev.redline.runner.telemetry.prometheus.TextFormatParser;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator on a driven clock: power follows the load, energy is the exact integral of power. */
class DcgmExporterSimulatorTest {
    private static final long S = 1_000_000_000L;

    private static double value(ParsedExposition e, String name, int gpu) {
        MetricFamily f = e.family(name);
        return f.samples().stream().filter(s -> s.label("gpu").equals(Integer.toString(gpu))).findFirst().orElseThrow().value();
    }

    @Test
    void powerRisesWithLoadAndEnergyIsItsIntegral() {
        AtomicLong now = new AtomicLong(0);
        DcgmExporterSimulator.Options o = new DcgmExporterSimulator.Options();
        o.lagSeconds = 1.0;
        DcgmExporterSimulator sim = new DcgmExporterSimulator(o, now::get);
        ParsedExposition idle = TextFormatParser.parse(sim.render());
        assertEquals(0, idle.malformedLines(), idle.problems().toString());
        assertEquals(75.0, value(idle, "DCGM_FI_DEV_POWER_USAGE", 0), 1e-6);
        double e0 = value(idle, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", 0);

        sim.setLoad(5000); // saturation: target 700 W on GPU 0
        double integral = 0;
        double prevP = 75.0;
        int steps = 5000;
        for (int i = 1; i <= steps; i++) { // 5 s in 1 ms steps, trapezoid of the sampled power
            now.set(i * 5 * S / steps);
            double p = sim.powerWatts(0);
            integral += (prevP + p) / 2 * (5.0 / steps);
            prevP = p;
        }
        ParsedExposition busy = TextFormatParser.parse(sim.render());
        double p = value(busy, "DCGM_FI_DEV_POWER_USAGE", 0);
        assertEquals(700 + (75 - 700) * Math.exp(-5), p, 1e-3);
        double energyJ = (value(busy, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", 0) - e0) / 1000;
        assertEquals(integral, energyJ, 0.01); // counter is rounded to whole mJ
        // Analytic: 700*5 + (75-700)*1*(1-e^-5)
        assertEquals(700 * 5 + (75 - 700) * (1 - Math.exp(-5)), energyJ, 0.01);
        assertTrue(value(busy, "DCGM_FI_DEV_GPU_UTIL", 0) > 90);
        assertTrue(value(busy, "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", 0) > value(idle, "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", 0));
        assertEquals(2, busy.family("DCGM_FI_DEV_POWER_USAGE").samples().size());
        assertEquals("NVIDIA H200", busy.family("DCGM_FI_DEV_POWER_USAGE").samples().get(1).label("modelName"));
    }

    @Test
    void trapsAreOptional() {
        DcgmExporterSimulator.Options o = new DcgmExporterSimulator.Options();
        o.gpus = 4;
        o.legacyHostnameLabel = true;
        o.blankMemoryTemperature = true;
        o.profilingFields = false;
        ParsedExposition e = TextFormatParser.parse(new DcgmExporterSimulator(o).render());
        assertEquals(4, e.family("DCGM_FI_DEV_GPU_TEMP").samples().size());
        assertTrue(e.family("DCGM_FI_DEV_GPU_TEMP").samples().get(0).labels().containsKey("Hostname"));
        assertEquals(9223372036854775794.0, value(e, "DCGM_FI_DEV_MEMORY_TEMP", 3));
        assertEquals(null, e.family("DCGM_FI_PROF_DRAM_ACTIVE"));
    }
}
