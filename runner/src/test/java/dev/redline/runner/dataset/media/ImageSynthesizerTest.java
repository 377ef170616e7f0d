package dev.redline.runner.dataset.media;

import dev.redline.api.v1alpha1.DistributionSpec;
import dev.redline.api.v1alpha1.ImagesSpec;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.SeedStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageSynthesizerTest {
    static ImagesSpec spec(double wMean, double wSd, double hMean, double hSd, String format) {
        ImagesSpec s = new ImagesSpec();
        s.setWidth(new DistributionSpec(wMean, wSd));
        s.setHeight(new DistributionSpec(hMean, hSd));
        s.setFormat(format);
        return s;
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertTrue(img != null, "ImageIO cannot decode the image");
        return img;
    }

    @Test
    void thousandImagesFollowTheAskedSizesAndDecodeWithImageIo() throws IOException {
        ImageSynthesizer synth = new ImageSynthesizer(spec(200, 40, 120, 30, "png"), new SeedStreams(7));
        double[] widths = new double[1000];
        double[] heights = new double[1000];
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String url = synth.image(i);
            BufferedImage img = decode(MediaAssertions.dataUrl(url, "image/png"));
            widths[i] = img.getWidth();
            heights[i] = img.getHeight();
            distinct.add(url);
        }
        // ceil(Normal) adds half a pixel on average
        MediaAssertions.followsNormal(widths, 200.5, 40, "width");
        MediaAssertions.followsNormal(heights, 120.5, 30, "height");
        assertEquals(1000, distinct.size(), "noise images are unique");
    }

    @Test
    void zeroStddevGivesExactSizesAndJpegDecodes() throws IOException {
        ImageSynthesizer synth = new ImageSynthesizer(spec(40, 0, 30, 0, "jpeg"), new SeedStreams(1));
        for (int i = 0; i < 20; i++) {
            BufferedImage img = decode(MediaAssertions.dataUrl(synth.image(i), "image/jpeg"));
            assertEquals(40, img.getWidth());
            assertEquals(30, img.getHeight());
        }
    }

    @Test
    void randomFormatPicksBothAndSameSeedGivesSameBytes() {
        ImagesSpec s = spec(16, 2, 16, 2, "random");
        ImageSynthesizer a = new ImageSynthesizer(s, new SeedStreams(42));
        ImageSynthesizer b = new ImageSynthesizer(s, new SeedStreams(42));
        ImageSynthesizer c = new ImageSynthesizer(s, new SeedStreams(43));
        int png = 0;
        int jpeg = 0;
        for (int i = 0; i < 200; i++) {
            String x = a.image(i);
            assertEquals(x, b.image(i), "image " + i + " differs between runs with one seed");
            assertNotEquals(x, c.image(i));
            if (x.startsWith("data:image/png;")) png++;
            else if (x.startsWith("data:image/jpeg;")) jpeg++;
        }
        assertEquals(200, png + jpeg);
        assertTrue(png > 60 && jpeg > 60, "png " + png + ", jpeg " + jpeg);
    }

    @Test
    void batchHoldsTheConfiguredNumberOfImages() {
        ImagesSpec s = spec(8, 0, 8, 0, "png");
        s.setBatchSize(3);
        List<String> batch = new ImageSynthesizer(s, new SeedStreams(1)).batch(5);
        assertEquals(3, batch.size());
        assertEquals(3, new HashSet<>(batch).size());
    }

    @Test
    void directorySourceIsResizedAndCycledAsAsked(@TempDir Path dir) throws IOException {
        List<Integer> colours = List.of(0xFF0000, 0x00FF00, 0x0000FF);
        for (int k = 0; k < colours.size(); k++) {
            BufferedImage img = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 20; x++) for (int y = 0; y < 10; y++) img.setRGB(x, y, colours.get(k));
            ImageIO.write(img, "png", dir.resolve("src" + k + ".png").toFile());
        }
        Files.writeString(dir.resolve("notes.txt"), "not an image, not listed");
        ImagesSpec s = spec(8, 0, 6, 0, "png");
        s.setSource(dir.toString());
        s.setSourceSampling("sequential-cycle");
        ImageSynthesizer seq = new ImageSynthesizer(s, new SeedStreams(1));
        for (int i = 0; i < 6; i++) {
            BufferedImage img = decode(MediaAssertions.dataUrl(seq.image(i), "image/png"));
            assertEquals(8, img.getWidth());
            assertEquals(6, img.getHeight());
            assertEquals(colours.get(i % 3), img.getRGB(4, 3) & 0xFFFFFF, "image " + i + " comes from file " + (i % 3));
        }
        s.setSourceSampling("shuffle-cycle");
        ImageSynthesizer shuffle = new ImageSynthesizer(s, new SeedStreams(1));
        for (int cycle = 0; cycle < 4; cycle++) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                seen.add(decode(MediaAssertions.dataUrl(shuffle.image(cycle * 3L + i), "image/png")).getRGB(4, 3) & 0xFFFFFF);
            }
            assertEquals(new HashSet<>(colours), seen, "each shuffled cycle uses every file once");
        }
    }

    @Test
    void assetsAreFourBuiltInScenesResizedAndCompressibleLikePhotos() throws IOException {
        ImagesSpec s = spec(512, 0, 384, 0, "png");
        s.setSource("assets");
        s.setSourceSampling("sequential-cycle");
        ImageSynthesizer assets = new ImageSynthesizer(s, new SeedStreams(3));
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            byte[] png = MediaAssertions.dataUrl(assets.image(i), "image/png");
            BufferedImage img = decode(png);
            assertEquals(512, img.getWidth());
            assertEquals(384, img.getHeight());
            assertTrue(png.length < 512 * 384 * 3 * 0.8, "a scene compresses, unlike noise: " + png.length + " bytes");
            distinct.add(java.util.Base64.getEncoder().encodeToString(png));
        }
        assertEquals(4, distinct.size(), "sequential-cycle walks the 4 built-in scenes twice");
        assertEquals(assets.image(1), new ImageSynthesizer(s, new SeedStreams(99)).image(1), "the same scenes on every machine and seed");
        s.setFormat("jpeg");
        byte[] jpeg = MediaAssertions.dataUrl(new ImageSynthesizer(s, new SeedStreams(3)).image(0), "image/jpeg");
        assertEquals(512, decode(jpeg).getWidth());
        byte[] noise = MediaAssertions.dataUrl(new ImageSynthesizer(spec(512, 0, 384, 0, "jpeg"), new SeedStreams(3)).image(0), "image/jpeg");
        assertTrue(jpeg.length * 2 < noise.length, "a scene's JPEG (" + jpeg.length + " B) is far smaller than noise's (" + noise.length + " B)");
    }

    @Test
    void unreadableFileInTheDirectoryIsAOneLineError(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("broken.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        ImagesSpec s = spec(8, 0, 8, 0, "png");
        s.setSource(dir.toString());
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> new ImageSynthesizer(s, new SeedStreams(1)));
        assertTrue(e.getMessage().contains("broken.png") && !e.getMessage().contains("\n"), e.getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        s.setSource(empty.toString());
        assertTrue(assertThrows(DatasetFormatException.class, () -> new ImageSynthesizer(s, new SeedStreams(1)))
                .getMessage().contains("no images"));
    }

    @Test
    void drawsAreAiperfsPositiveNormalInteger() {
        List<Integer> draws = new ArrayList<>();
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 1000; i++) draws.add(MediaDraws.positiveInt(2, 5, r));
        assertTrue(draws.stream().allMatch(d -> d >= 1), "sizes are at least 1");
        assertEquals(7, MediaDraws.positiveInt(7.9, 0.9, r), "mean and stddev are truncated to integers first");
    }
}
