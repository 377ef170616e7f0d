package dev.redline.runner.telemetry.gpu;

import dev.redline.runner.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AIPerf's custom GPU metrics CSV, read from real files as AIPerf's MetricsConfigLoader reads them. */
class GpuMetricsFileTest {
    @TempDir
    Path dir;

    @Test
    void newFieldsAreNamedTitledAndGivenTheirUnitKnownOnesAndBadLinesSkipped() throws Exception {
        Path csv = dir.resolve("custom_gpu_metrics.csv");
        Files.writeString(csv, """
                # Format
                # DCGM FIELD, Prometheus metric type, help message

                DCGM_FI_DEV_SM_CLOCK, gauge, SM clock frequency (in MHz)
                DCGM_FI_DEV_ENC_UTIL, gauge, Encoder utilization (in %)
                DCGM_FI_PROF_NVLINK_TX_BYTES, counter, The rate of data transmitted over NVLink, not including protocol headers (in B/s)
                DCGM_FI_DEV_XID_ERRORS gauge Value of the last XID error
                NVML_POWER, gauge, Power (in W)
                DCGM_FI_DEV_PCIE_REPLAY_COUNTER, histogram, PCIe retries
                DCGM_FI_DEV_ENC_UTIL, gauge, Encoder utilization again (in %)
                DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL, counter,
                """);
        List<String> warnings = new ArrayList<>();
        List<DcgmField> fields = GpuMetricsFile.read(csv, warnings::add);

        assertEquals(List.of("nvidia_enc_util", "nvidia_nvlink_tx_bytes", "nvidia_nvlink_bandwidth_total"),
                fields.stream().map(DcgmField::key).toList(), "SM clock is known, the duplicate counted once");
        assertEquals(new DcgmField("DCGM_FI_DEV_ENC_UTIL", "nvidia_enc_util", "Encoder Utilization", "%", 1), fields.get(0));
        // AIPerf's own titles for these help texts (aiperf 0.13 _title_case_metric_name): word by word, so
        // "NVLink," (with its comma) is not the acronym, "nvlink" is
        assertEquals("The Rate Of Data Transmitted Over Nvlink, Not Including Protocol Headers", fields.get(1).title(),
                "commas after the second are the help text's");
        assertEquals("B/s", fields.get(1).unit());
        assertEquals("Nvidia NVLINK Bandwidth Total", fields.get(2).title(), "no help text: the name");
        assertEquals("", fields.get(2).unit());

        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(csv + ":7: skipped, expected FIELD, gauge|counter, help"), warnings.get(0));
        assertTrue(warnings.get(1).contains(":8: skipped, DCGM field 'NVML_POWER' should start with DCGM_FI_"), warnings.get(1));
        assertTrue(warnings.get(2).contains(":9: skipped, metric type 'histogram' should be gauge or counter"), warnings.get(2));
        assertEquals(fields.get(0), DcgmField.forName("DCGM_FI_DEV_ENC_UTIL", fields));
        assertEquals("enc_util", DcgmField.forName("DCGM_FI_DEV_ENC_UTIL").key(), "without the file: the fallback name");
    }

    @Test
    void aMissingFileIsBadInputNamingTheField() {
        Path missing = dir.resolve("nope.csv");
        BadInputException e = assertThrows(BadInputException.class, () -> GpuMetricsFile.read(missing, w -> { }));
        assertEquals("telemetry.gpuMetricsFile: " + missing + " not found; give the DCGM metrics CSV (--gpu-telemetry FILE.csv)",
                e.getMessage());
    }
}
