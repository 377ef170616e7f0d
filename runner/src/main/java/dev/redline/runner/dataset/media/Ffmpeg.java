package dev.redline.runner.dataset.media;

import dev.redline.runner.dataset.DatasetFormatException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The ffmpeg binary on PATH (or $REDLINE_FFMPEG), the encoder for mp3 and video: no well-kept pure-Java encoder exists
 * for either, and AIPerf needs ffmpeg too. Input goes through stdin from its own thread, so a full output pipe can
 * never block the writer; stderr goes to a file, and its last line is the one-line error when ffmpeg fails.
 */
public final class Ffmpeg {
    static final String INSTALL = "install ffmpeg (Debian/Ubuntu: apt-get install ffmpeg; Fedora: dnf install ffmpeg; macOS: brew install ffmpeg) "
            + "or point REDLINE_FFMPEG at the binary";
    private static final long TIMEOUT_MINUTES = 10;

    private final Path binary;

    private Ffmpeg(Path binary) {
        this.binary = binary;
    }

    /** The ffmpeg to use, or a one-line error naming what needs it and how to install it. */
    public static Ffmpeg locate(String neededFor) {
        Path found = find();
        if (found == null) throw new DatasetFormatException(neededFor + " needs ffmpeg, which is not on PATH; " + INSTALL);
        return new Ffmpeg(found);
    }

    /** Whether an ffmpeg is available (tests and docs). */
    public static boolean available() {
        return find() != null;
    }

    private static Path find() {
        String explicit = System.getenv("REDLINE_FFMPEG");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "ffmpeg");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /**
     * Encodes into a temporary {@code .suffix} file appended to {@code args} and returns its bytes. A seekable file
     * rather than a pipe lets muxers go back and write what they learn last: a webm's duration, an mp4's index
     * (faststart), an mp3's Xing/LAME header with the exact frame count.
     */
    byte[] encode(List<String> args, Consumer<OutputStream> input, String suffix, String what) {
        Path out = null;
        try {
            out = Files.createTempFile("redline-media", "." + suffix);
            List<String> all = new ArrayList<>(args);
            all.add(out.toString());
            run(all, input, what);
            byte[] bytes = Files.readAllBytes(out);
            if (bytes.length == 0) throw new DatasetFormatException("ffmpeg wrote an empty file for " + what);
            return bytes;
        } catch (IOException e) {
            throw new DatasetFormatException("cannot use a temporary file for " + what + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(out);
        }
    }

    /** Runs ffmpeg with {@code args} (after the common flags), feeding stdin from {@code input}; stdout is drained. */
    private void run(List<String> args, Consumer<OutputStream> input, String what) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        cmd.addAll(args);
        Path log = null;
        try {
            log = Files.createTempFile("redline-ffmpeg", ".log");
            Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
            Thread feeder = new Thread(() -> {
                try (OutputStream in = p.getOutputStream()) {
                    input.accept(in);
                } catch (IOException ignored) {
                    // ffmpeg closed its input early; its exit status and log say why
                }
            }, "ffmpeg-stdin");
            feeder.setDaemon(true);
            feeder.start();
            try (InputStream stdout = p.getInputStream()) {
                stdout.transferTo(OutputStream.nullOutputStream());
            }
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new DatasetFormatException("ffmpeg took over " + TIMEOUT_MINUTES + " minutes to encode " + what + "; ask for smaller media");
            }
            feeder.join(TimeUnit.SECONDS.toMillis(10));
            if (p.exitValue() != 0) {
                throw new DatasetFormatException("ffmpeg could not encode " + what + ": " + lastLine(log));
            }
        } catch (IOException e) {
            throw new DatasetFormatException("cannot run ffmpeg (" + binary + ") for " + what + ": " + e.getMessage() + "; " + INSTALL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetFormatException("interrupted while ffmpeg encoded " + what, e);
        } finally {
            deleteQuietly(log);
        }
    }

    static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no message" : lines.get(lines.size() - 1).trim();
    }

    /** Writes bytes to ffmpeg's stdin, treating a closed pipe as ffmpeg's business. */
    static Consumer<OutputStream> bytes(byte[] data) {
        return out -> {
            try {
                out.write(data);
            } catch (IOException ignored) {
                // reported through ffmpeg's exit status
            }
        };
    }
}
