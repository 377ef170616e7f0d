package dev.redline.runner.dataset.media;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.dataset.SeedStreams;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.tokenizer.BuiltinTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Media columns of single_turn and multi_turn files: local paths (read and checked), URLs and base64, as AIPerf takes them. */
class MediaColumnsTest {
    @TempDir Path dir;

    private List<Conversation> load(String type, String... lines) throws Exception {
        Path f = Files.writeString(dir.resolve("data.jsonl"), String.join("\n", lines) + "\n");
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setRandomSeed(1L);
        spec.dataset().setInputFile(f.toString());
        spec.dataset().setCustomDatasetType(type);
        return DatasetFactory.build(spec, new BuiltinTokenizer()).conversations();
    }

    @Test
    void pathsAreEncodedUrlsAndBase64PassThrough() throws Exception {
        Path png = dir.resolve("cat.png");
        BufferedImage img = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "png", png.toFile());
        Path wav = dir.resolve("hello.wav");
        Files.write(wav, PcmNoise.wav(PcmNoise.pcm(8000, 1, 16, new Random(1)), 16000, 1, 16)); // 0.5 s
        Path webm = Files.write(dir.resolve("clip.webm"), new byte[]{0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1});
        String b64 = "wav," + Base64.getEncoder().encodeToString(Files.readAllBytes(wav));
        List<Conversation> c = load("single_turn",
                "{\"text\": \"describe\", \"image\": \"" + png + "\", \"audio\": \"" + wav + "\", \"video\": \"" + webm + "\"}",
                "{\"images\": [\"https://example.com/a.jpg\", {\"name\": \"x\", \"contents\": [\"data:image/png;base64,AAAA\"]}], \"audios\": [\"" + b64 + "\"]}");
        Turn a = c.get(0).turns().get(0);
        assertEquals(List.of("describe"), a.texts());
        assertArrayEquals(Files.readAllBytes(png), MediaAssertions.dataUrl(a.media().images().get(0), "image/png"));
        assertTrue(a.media().audios().get(0).startsWith("wav,"));
        assertEquals(0.5, a.media().audioSeconds(), 1e-9, "the WAV's length, read with javax.sound");
        assertArrayEquals(Files.readAllBytes(webm), MediaAssertions.dataUrl(a.media().videos().get(0), "video/webm"));
        Turn b = c.get(1).turns().get(0);
        assertEquals(List.of(), b.texts(), "media alone is a valid record (at least one modality)");
        assertEquals(List.of("https://example.com/a.jpg", "data:image/png;base64,AAAA"), b.media().images());
        assertEquals(List.of(b64), b.media().audios());
        assertEquals(0, b.inputTokens());
    }

    @Test
    void multiTurnTurnsCarryTheirOwnMedia() throws Exception {
        String url = "data:image/png;base64," + Base64.getEncoder().encodeToString(
                ImageSynthesizer.encode(ImageSynthesizer.noise(3, 3, new SeedStreams(1).stream("x", 0)), "png", true));
        List<Conversation> c = load("multi_turn",
                "{\"session_id\": \"s\", \"turns\": [{\"text\": \"look\", \"image\": \"" + url + "\"}, {\"text\": \"and now?\"}]}");
        assertEquals(List.of(url), c.get(0).turns().get(0).media().images());
        assertTrue(c.get(0).turns().get(1).media().isEmpty());
    }
}
