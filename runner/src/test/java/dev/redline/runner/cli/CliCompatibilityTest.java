package dev.redline.runner.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AIPerf option catalogue (aiperf-profile-options.tsv) stays true: it names every option of AIPerf 0.13's
 * {@code aiperf profile} (test resource, from its --help), each one marked redline is an option of
 * {@code redline profile} under that name, and each other one is refused by the real CLI with exit 2 and one line
 * holding the catalogue's reason; docs/migrating-from-aiperf.md names every one.
 */
class CliCompatibilityTest {
    private static Set<String> profileOptionNames() {
        Set<String> names = new HashSet<>();
        for (CommandLine.Model.OptionSpec o : RedlineCli.commandLine().getSubcommands().get("profile").getCommandSpec().options()) {
            for (String n : o.names()) {
                names.add(n);
                if (o.negatable() && n.startsWith("--")) {
                    names.add(n.startsWith("--no-") ? "--" + n.substring(5) : "--no-" + n.substring(2));
                }
            }
        }
        return names;
    }

    @Test
    void everyAiperfProfileOptionIsInTheCatalogue() throws IOException {
        List<String> missing = new ArrayList<>();
        String text;
        try (InputStream in = getClass().getResourceAsStream("/dev/redline/runner/compat/aiperf-0.13-profile-options.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int options = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            options++;
            for (String name : line.trim().split("\\s+")) {
                boolean stacked = name.matches("-(\\w)\\1+"); // -vv: picocli's -v given twice
                if (AiperfOptions.find(stacked ? name.substring(0, 2) : name) == null) missing.add(name);
            }
        }
        assertTrue(options > 250, "AIPerf 0.13 has over 250 profile options, the resource lists " + options);
        assertEquals(List.of(), missing, "add these AIPerf options to aiperf-profile-options.tsv");
    }

    @Test
    void theMigrationGuideNamesEveryAiperfOption() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/migrating-from-aiperf.md"));
        List<String> missing = new ArrayList<>();
        for (AiperfOptions.Entry e : AiperfOptions.all()) {
            for (String n : e.names()) if (!doc.contains("`" + n + "`")) missing.add(n);
        }
        assertEquals(List.of(), missing, "docs/migrating-from-aiperf.md: add these AIPerf options to its table");
    }

    @Test
    void acceptedOptionsAreRedlineOptionsUnderAiperfsNames() {
        Set<String> ours = profileOptionNames();
        List<String> missing = new ArrayList<>();
        for (AiperfOptions.Entry e : AiperfOptions.all()) {
            if (!e.supported()) continue;
            for (String n : e.names()) if (!ours.contains(n)) missing.add(n);
        }
        assertEquals(List.of(), missing, "marked redline in the catalogue, but redline profile has no such option");
    }

    @Test
    void refusedOptionsAreRefusedWithTheirReason() {
        Set<String> ours = profileOptionNames();
        int refused = 0;
        for (AiperfOptions.Entry e : AiperfOptions.all()) {
            if (e.supported()) continue;
            assertTrue(!e.reason().isBlank(), e.names() + " is refused without a reason");
            for (String n : e.names()) {
                assertTrue(!ours.contains(n), n + " is an option of redline profile; mark it redline in the catalogue");
                CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "--model", "m", "--url", "http://127.0.0.1:9", n, "1");
                assertEquals(RedlineCli.BAD_INPUT, r.code(), n + ": " + r.err());
                String line = r.err().strip();
                assertEquals(1, line.lines().count(), n + ": one line, got " + line);
                assertTrue(line.contains(n) && line.contains(e.reason()), n + ": " + line);
                refused++;
            }
        }
        assertTrue(refused > 0);
    }
}
