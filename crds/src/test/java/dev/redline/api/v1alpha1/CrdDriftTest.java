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
    static final List<String> FILES = List.of(FILE, SWEEP_FILE);

    static Path repoRoot() {
        return Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize();
    }

    static List<Path> committedCopies(String file) {
        Path root = repoRoot();
        return List.of(root.resolve("crds/generated").resolve(file), root.resolve("charts/redline/crds").resolve(file));
    }

    @Test
    void printerColumnsReadInTheUsersOrder() throws IOException {
        assertEquals(PrinterColumnOrder.ORDER, columns(FILE));
        assertEquals(PrinterColumnOrder.SWEEP_ORDER, columns(SWEEP_FILE));
    }

    private static List<String> columns(String file) throws IOException {
        String committed = Files.readString(committedCopies(file).get(0));
        var columns = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(committed).at("/spec/versions/0/additionalPrinterColumns");
        List<String> names = new java.util.ArrayList<>();
        columns.forEach(c -> names.add(c.path("name").asText()));
        return names;
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
