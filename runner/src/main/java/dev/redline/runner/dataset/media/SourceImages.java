package dev.redline.runner.dataset.media;

import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.SeedStreams;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A finite pool of source images that synthetic images are resized from: a directory (--image-source DIR: the files
 * ImageIO can read, in name order, each checked when the directory is opened so an unreadable file stops the run
 * before the first request) or Redline's built-in set (--image-source assets, {@link BuiltInImages}). Which source
 * the n-th image uses follows --image-source-sampling and depends only on n and the seed, so entries can be built
 * in parallel.
 */
final class SourceImages {
    private final List<Supplier<BufferedImage>> sources;
    private final String sampling;
    private final SeedStreams seeds;

    private SourceImages(List<Supplier<BufferedImage>> sources, String sampling, SeedStreams seeds) {
        this.sources = sources;
        this.sampling = sampling;
        this.seeds = seeds;
    }

    /** The built-in set, drawn once per JVM. */
    static SourceImages builtIn(String sampling, SeedStreams seeds) {
        return new SourceImages(BuiltInImages.all().stream().<Supplier<BufferedImage>>map(img -> () -> img).toList(), sampling, seeds);
    }

    static SourceImages directory(Path dir, String sampling, SeedStreams seeds) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetFormatException("--image-source: '" + dir + "' is not a directory; give a directory of images or noise");
        }
        Set<String> suffixes = Arrays.stream(ImageIO.getReaderFileSuffixes()).map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> suffixes.contains(suffix(p))).sorted().toList();
        } catch (IOException e) {
            throw new DatasetFormatException("--image-source: cannot list '" + dir + "': " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new DatasetFormatException("--image-source: no images in '" + dir + "' (readable: " + String.join(", ", suffixes.stream().sorted().toList()) + ")");
        }
        for (Path f : files) checkReadable(f);
        return new SourceImages(files.stream().<Supplier<BufferedImage>>map(f -> () -> read(f)).toList(), sampling, seeds);
    }

    /** The source for the {@code index}-th image, resized to width x height. */
    BufferedImage resized(long index, int width, int height) {
        BufferedImage src = sources.get(pick(index)).get();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    int pick(long index) {
        int n = sources.size();
        return switch (sampling) {
            case "sequential-cycle" -> (int) (index % n);
            case "shuffle-cycle" -> permutation(index / n)[(int) (index % n)];
            default -> seeds.stream("media.image.source", index).nextInt(n);
        };
    }

    /** The order of one pass over the files: a seeded Fisher-Yates shuffle per cycle. */
    private int[] permutation(long cycle) {
        int[] p = new int[sources.size()];
        for (int i = 0; i < p.length; i++) p[i] = i;
        Random rnd = seeds.stream("media.image.shuffle", cycle);
        for (int i = p.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static void checkReadable(Path f) {
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw unreadable(f, "not an image ImageIO can decode");
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                if (r.getWidth(0) < 1 || r.getHeight(0) < 1) throw unreadable(f, "it has no pixels");
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            throw unreadable(f, e.getMessage());
        }
    }

    private static BufferedImage read(Path f) {
        try {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img == null) throw unreadable(f, "not an image ImageIO can decode");
            return img;
        } catch (IOException e) {
            throw unreadable(f, e.getMessage());
        }
    }

    private static DatasetFormatException unreadable(Path f, String why) {
        return new DatasetFormatException("--image-source: cannot read image '" + f + "': " + why + "; remove or replace the file");
    }

    private static String suffix(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
