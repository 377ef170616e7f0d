package dev.redline.runner.telemetry.gpu;

import dev.redline.runner.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AIPerf's custom GPU metrics file ({@code --gpu-telemetry FILE.csv}): the DCGM exporter's counters CSV
 * ({@code DCGM_FIELD, gauge|counter, help}, {@code #} comments). Read as AIPerf reads it: a bad line is skipped
 * with a warning, a field Redline already reports is skipped, and each new field is reported as
 * {@code nvidia_<field>} titled by its help text up to "(" and with the unit its "(in UNIT)" names.
 */
public final class GpuMetricsFile {
    private static final Pattern UNIT = Pattern.compile("\\(in\\s+([^\\s)]+)\\)", Pattern.CASE_INSENSITIVE);
    /** Words AIPerf keeps upper-case in a title. */
    private static final Set<String> ACRONYMS = Set.of("gpu", "xid", "sm", "nvlink", "pci", "pcie", "cpu", "ram", "vram", "ecc");

    private GpuMetricsFile() { }

    /** The new fields of {@code file}; {@code warn} gets one line per skipped line. Missing or unreadable: bad input. */
    public static List<DcgmField> read(Path file, Consumer<String> warn) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException("telemetry.gpuMetricsFile: " + file + " not found; give the DCGM metrics CSV (--gpu-telemetry FILE.csv)");
        } catch (IOException e) {
            throw new BadInputException("telemetry.gpuMetricsFile: cannot read " + file + " (" + e.getMessage() + ")");
        }
        List<DcgmField> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = file + ":" + (i + 1);
            String[] parts = line.split(",", 3);
            if (parts.length != 3) {
                warn.accept(where + ": skipped, expected FIELD, gauge|counter, help (" + parts.length + " values)");
                continue;
            }
            String field = parts[0].strip();
            String type = parts[1].strip();
            String help = parts[2].strip();
            if (!field.startsWith("DCGM_FI_")) {
                warn.accept(where + ": skipped, DCGM field '" + field + "' should start with DCGM_FI_");
                continue;
            }
            if (!type.equals("gauge") && !type.equals("counter")) {
                warn.accept(where + ": skipped, metric type '" + type + "' should be gauge or counter");
                continue;
            }
            if (DcgmField.isKnown(field) || out.stream().anyMatch(f -> f.dcgmName().equals(field))) continue;
            out.add(field(field, help));
        }
        return List.copyOf(out);
    }

    static DcgmField field(String dcgmName, String help) {
        String key = "nvidia_" + dcgmName.replaceFirst("^DCGM_FI_(DEV_|PROF_)?", "").toLowerCase(Locale.ROOT);
        int paren = help.indexOf('(');
        String title = (paren >= 0 ? help.substring(0, paren) : help).strip();
        if (title.isEmpty()) title = key.replace('_', ' ');
        Matcher m = UNIT.matcher(help);
        return new DcgmField(dcgmName, key, titleCase(title), m.find() ? m.group(1) : "", 1);
    }

    private static String titleCase(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.split("\\s+")) {
            if (w.isEmpty()) continue;
            if (b.length() > 0) b.append(' ');
            String lower = w.toLowerCase(Locale.ROOT);
            b.append(ACRONYMS.contains(lower) ? w.toUpperCase(Locale.ROOT) : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return b.toString();
    }
}
