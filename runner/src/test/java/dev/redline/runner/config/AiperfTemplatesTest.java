package dev.redline.runner.config;

import dev.redline.api.config.SpecException;
import dev.redline.api.validate.SpecValidator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * AIPerf's own bundled config templates read unchanged, when an AIPerf installation is at hand (set
 * AIPERF_TEMPLATES_DIR to its aiperf/config/templates directory; CI has none, so it is skipped there).
 */
class AiperfTemplatesTest {
    @Test
    void everyBundledTemplateReads() throws Exception {
        String dir = System.getenv("AIPERF_TEMPLATES_DIR");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "AIPERF_TEMPLATES_DIR not set");
        List<String> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    LoadedConfig c = new ConfigLoader(k -> null).load(f);
                    results.add("OK   " + f.getFileName() + " " + SpecValidator.validate(c.spec()) + " " + c.document().experiment().keySet());
                } catch (SpecException e) {
                    results.add("FAIL " + e.getMessage());
                }
            }
        }
        results.forEach(System.out::println);
    }
}
