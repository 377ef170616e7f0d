package dev.redline.runner.dataset.media;

import dev.redline.runner.dataset.DatasetFormatException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a dataset's media value into its wire form as AIPerf does: an http(s) URL or an already encoded value
 * (a data URL; {@code wav,<base64>} for audio) passes through, anything else is a local file, read once, checked
 * with a standard decoder (ImageIO, javax.sound) and base64-encoded. Files are cached per load by path.
 */
public final class MediaFiles {
    /** An encoded clip and its length in seconds (0 when the format's length is not read, e.g. mp3). */
    public record Audio(String data, double seconds) { }

    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    public String image(String value, String where) {
        if (isUrl(value) || value.startsWith("data:")) return value;
        return (String) cache.computeIfAbsent("image:" + value, k -> encodeImage(file(value, where, "image"), where));
    }

    public String video(String value, String where) {
        if (isUrl(value) || value.startsWith("data:")) return value;
        return (String) cache.computeIfAbsent("video:" + value, k -> {
            Path p = file(value, where, "video");
            String fmt = suffix(p);
            if (!fmt.equals("mp4") && !fmt.equals("webm")) {
                throw new DatasetFormatException(where + ": video '" + value + "' must be a .mp4 or .webm file (or a URL or data URL)");
            }
            return "data:video/" + fmt + ";base64," + Base64.getEncoder().encodeToString(read(p, where));
        });
    }

    public Audio audio(String value, String where) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("wav,") || lower.startsWith("mp3,")) {
            String fmt = lower.substring(0, 3);
            return new Audio(fmt + value.substring(3), "wav".equals(fmt) ? wavSeconds(Base64.getDecoder().decode(value.substring(4)), where) : 0);
        }
        if (lower.startsWith("data:audio/")) {
            int comma = value.indexOf(',');
            String header = comma < 0 ? "" : lower.substring("data:audio/".length(), comma);
            String fmt = header.contains(";") ? header.substring(0, header.indexOf(';')) : header;
            if (fmt.isEmpty()) throw new DatasetFormatException(where + ": audio data URL has no format or data; use data:audio/wav;base64,...");
            return new Audio(fmt + "," + value.substring(comma + 1), 0);
        }
        if (isUrl(value)) throw new DatasetFormatException(where + ": audio must be inline (a .wav/.mp3 file, wav,<base64> or a data URL), not a URL");
        return (Audio) cache.computeIfAbsent("audio:" + value, k -> {
            Path p = file(value, where, "audio");
            String fmt = suffix(p);
            byte[] bytes = read(p, where);
            if (fmt.equals("wav")) return new Audio("wav," + Base64.getEncoder().encodeToString(bytes), wavSeconds(bytes, where + ": audio '" + value + "'"));
            if (fmt.equals("mp3")) return new Audio("mp3," + Base64.getEncoder().encodeToString(bytes), 0);
            throw new DatasetFormatException(where + ": audio '" + value + "' must be a .wav or .mp3 file (or wav,<base64>)");
        });
    }

    static boolean isUrl(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    private static double wavSeconds(byte[] wav, String where) {
        try {
            AudioFileFormat f = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
            float rate = f.getFormat().getFrameRate();
            return f.getFrameLength() > 0 && rate > 0 ? f.getFrameLength() / (double) rate : 0;
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new DatasetFormatException(where + " is not a WAV file javax.sound can read (" + e.getMessage() + "); give a PCM .wav");
        }
    }

    private static String encodeImage(Path p, String where) {
        String url = imageDataUrl(read(p, where));
        if (url == null) throw unreadableImage(p, where, "not an image ImageIO can decode, or it has no pixels");
        return url;
    }

    /** The image as a data URL in its own format (png, jpeg, gif, bmp), or null when ImageIO cannot decode it. */
    public static String imageDataUrl(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                if (r.getWidth(0) < 1) return null;
                String fmt = r.getFormatName().toLowerCase(Locale.ROOT);
                if (fmt.equals("jpg")) fmt = "jpeg";
                return "data:image/" + fmt + ";base64," + Base64.getEncoder().encodeToString(bytes);
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static DatasetFormatException unreadableImage(Path p, String where, String why) {
        return new DatasetFormatException(where + ": cannot read image '" + p + "': " + why + "; give a png/jpeg/gif/bmp file, a URL or a data URL");
    }

    private static Path file(String value, String where, String kind) {
        Path p = Path.of(value);
        if (!Files.isRegularFile(p)) {
            throw new DatasetFormatException(where + ": " + kind + " '" + value + "' is not a file, an http(s) URL or a data URL; fix the path (relative paths start at the working directory)");
        }
        return p;
    }

    private static byte[] read(Path p, String where) {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(where + ": media file '" + p + "' does not exist");
        } catch (IOException e) {
            throw new DatasetFormatException(where + ": cannot read media file '" + p + "': " + e.getMessage());
        }
    }

    private static String suffix(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
