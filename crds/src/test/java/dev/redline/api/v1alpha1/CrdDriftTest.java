package dev.redline.api.v1alpha1;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The CRD the build generates from the Java types must equal the committed copies (crds/generated and
 * the Helm chart's crds/). After changing a type, refresh them with
 * {@code ./mvnw -pl crds test -Dtest=CrdDriftTest -Dredline.crd.update=true} and commit.
 */
class CrdDriftTest {
    static final String FILE = Benchmark.CRD_NAME + "-v1.yml";
    static final String SWEEP_FILE = Sweep.CRD_NAME + "-v1.yml";
    /** Every CRD the module generates. */
    static final List<String> FILES = List.of(FILE, SWEEP_FILE, Search.CRD_NAME + "-v1.yml");

    static Path repoRoot() {
        return Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize();
    }

    static List<Path> committedCopies(String file) {
        Path root = repoRoot();
        return List.of(root.resolve("crds/generated").resolve(file), root.resolve("charts/redline/crds").resolve(file));
    }

    @Test
    void printerColumnsReadInTheUsersOrder() throws IOException {
        for (String file : FILES) {
            var crd = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(Files.readString(committedCopies(file).get(0)));
            List<String> names = new java.util.ArrayList<>();
            crd.at("/spec/versions/0/additionalPrinterColumns").forEach(c -> names.add(c.path("name").asText()));
            assertEquals(PrinterColumnOrder.order(crd.at("/spec/names/kind").asText()), names, file);
        }
    }

    @Test
    void committedCrdsMatchTheJavaTypes() throws IOException {
        for (String file : FILES) compare(file);
    }

    private void compare(String file) throws IOException {
        String generated;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/fabric8/" + file)) {
            assertNotNull(in, "the crd-generator plugin did not run (process-classes)");
            generated = PrinterColumnOrder.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        boolean update = Boolean.getBoolean("redline.crd.update");
        for (Path copy : committedCopies(file)) {
            if (update) {
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, generated);
            }
            String committed = Files.exists(copy) ? Files.readString(copy) : "<missing>";
            assertEquals(generated, committed, copy + " is stale: rerun with -Dredline.crd.update=true and commit it");
        }
    }
}
