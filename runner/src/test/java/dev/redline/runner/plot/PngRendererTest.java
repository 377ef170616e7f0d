package dev.redline.runner.plot;

import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.discover.RunDiscovery;
import dev.redline.runner.plot.png.PngRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every PNG written decodes, has the documented size and is not blank, in both themes. */
class PngRendererTest {
    @TempDir Path tmp;

    @Test
    void everySingleAndMultiRunPngDecodesAtItsSizeAndIsNotBlank() throws IOException {
        Path sweep = PlotFixtures.aiperf("sweep-multi", tmp);
        Path single = PlotFixtures.aiperf("single", tmp);
        for (Path dir : List.of(single, sweep)) {
            for (String theme : List.of("light", "dark")) {
                Path out = tmp.resolve("out-" + dir.getFileName() + "-" + theme);
                var spec = new dev.redline.api.v1alpha1.PlotSpec();
                spec.setTheme(theme);
                PlotResult r = Plotter.run(new PlotRequest(List.of(dir), out, spec, List.of()));
                assertEquals(r.charts().size(), r.pngs().size());
                Set<String> expected = r.charts().stream().map(c -> c.id() + ".png").collect(Collectors.toSet());
                try (var files = Files.list(out)) {
                    assertEquals(expected, files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).collect(Collectors.toSet()));
                }
                for (Path png : r.pngs()) assertRealImage(png);
            }
        }
    }

    @Test
    void chartsWithErrorBarsAndLogAxesRender() throws IOException {
        Path sweep = PlotFixtures.aiperf("sweep-multi", tmp);
        List<Chart> charts = Plotter.charts(new PlotRequest(List.of(sweep), null, null, List.of()), RunDiscovery.discover(List.of(sweep)));
        Chart withCi = charts.stream().filter(c -> c.id().equals("time_to_first_token_vs_concurrency")).findFirst().orElseThrow();
        assertTrue(withCi.series().get(0).points("avg").stream().allMatch(p -> p.hasInterval()), "aggregates carry CIs");
        Chart log = new Chart(withCi.id(), withCi.plot(), withCi.title(), new dev.redline.runner.plot.chart.Axis("x", true),
                new dev.redline.runner.plot.chart.Axis("y", true), withCi.series(), withCi.stats(), withCi.defaultStat());
        Path file = tmp.resolve("log.png");
        new PngRenderer(dev.redline.runner.plot.chart.Theme.DARK).write(log, file);
        assertRealImage(file);
    }

    /** Decodes, is WIDTH x HEIGHT, and its pixels vary (a blank or one-colour image fails). */
    static void assertRealImage(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " does not decode as an image");
        assertEquals(PngRenderer.WIDTH, img.getWidth(), png.toString());
        assertEquals(PngRenderer.HEIGHT, img.getHeight(), png.toString());
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                colours.add(rgb);
                double lum = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += lum;
                sumSq += lum * lum;
                n++;
            }
        }
        double variance = sumSq / n - (sum / n) * (sum / n);
        assertTrue(variance > 20, png + ": pixel variance " + variance + " (blank image?)");
        assertTrue(colours.size() > 10, png + ": only " + colours.size() + " colours");
    }
}
