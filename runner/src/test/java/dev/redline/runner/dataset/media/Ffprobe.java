package dev.redline.runner.dataset.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** ffprobe, the standard decoder for mp3 and video in tests; tests that need it are skipped where ffmpeg is absent (CI installs it). */
final class Ffprobe {
    private Ffprobe() { }

    static void assumeAvailable() {
        Assumptions.assumeTrue(Ffmpeg.available() && onPath("ffprobe"), "ffmpeg/ffprobe not installed (apt-get install ffmpeg)");
    }

    /** ffprobe's JSON for the file's format and streams, frames counted. */
    static JsonNode probe(byte[] file, String suffix) throws IOException, InterruptedException {
        Path tmp = Files.createTempFile("redline-probe", "." + suffix);
        try {
            Files.write(tmp, file);
            Process p = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-show_format", "-show_streams", "-of", "json", tmp.toString())
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) throw new AssertionError("ffprobe failed: " + new String(out));
            return new ObjectMapper().readTree(out);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, name))) return true;
        }
        return false;
    }
}
