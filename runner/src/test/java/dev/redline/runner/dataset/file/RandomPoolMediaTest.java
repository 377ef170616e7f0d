package dev.redline.runner.dataset.file;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.ImagesSpec;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.tokenizer.BuiltinTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** random_pool rows with media (AIPerf's random_pool: text, image, audio, video columns) and its batched form. */
class RandomPoolMediaTest {
    @TempDir Path dir;

    private Path png(String name, int w, int h) throws Exception {
        Path p = dir.resolve(name);
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", p.toFile());
        return p;
    }

    private List<Conversation> load(Path input, int entries, Integer textBatch, Integer imageBatch) {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setRandomSeed(7L);
        spec.dataset().setInputFile(input.toString());
        spec.dataset().setCustomDatasetType("random_pool");
        spec.dataset().setEntries(entries);
        if (textBatch != null) {
            PromptSpec p = new PromptSpec();
            p.setBatchSize(textBatch);
            spec.dataset().setPrompts(p);
        }
        if (imageBatch != null) {
            ImagesSpec im = new ImagesSpec();
            im.setBatchSize(imageBatch);
            spec.dataset().setImages(im);
        }
        return DatasetFactory.build(spec, new BuiltinTokenizer()).conversations();
    }

    private static String dataUrl(Path p) throws Exception {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(p));
    }

    @Test
    void aRowKeepsItsTextAndImageTogether() throws Exception {
        Path cat = png("cat.png", 4, 3);
        Path dog = png("dog.png", 5, 2);
        Path pool = Files.writeString(dir.resolve("pool.jsonl"),
                "{\"text\": \"describe the cat\", \"image\": \"" + cat + "\"}\n"
                        + "{\"text\": \"describe the dog\", \"image\": \"" + dog + "\"}\n");
        List<Conversation> c = load(pool, 30, null, null);
        assertEquals(30, c.size());
        Set<String> seen = new HashSet<>();
        for (Conversation conv : c) {
            Turn t = conv.turns().get(0);
            assertEquals(1, t.texts().size());
            assertEquals(1, t.media().images().size());
            String want = t.texts().get(0).contains("cat") ? dataUrl(cat) : dataUrl(dog);
            assertEquals(want, t.media().images().get(0), "the image of the same row as the text");
            seen.add(t.texts().get(0));
        }
        assertEquals(2, seen.size(), "30 seeded draws reach both rows");
        assertEquals(c, load(pool, 30, null, null), "seeded: the same draws again");
    }

    @Test
    void poolsOfDifferentModalitiesAreMergedPerRequest() throws Exception {
        Path pools = Files.createDirectory(dir.resolve("pools"));
        Path wav = dir.resolve("a.wav");
        AudioFormat fmt = new AudioFormat(16000, 16, 1, true, false);
        byte[] pcm = new byte[4000 * 2]; // 0.25 s of 16-bit mono at 16 kHz
        new Random(1).nextBytes(pcm);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), fmt, 4000), AudioFileFormat.Type.WAVE, wav.toFile());
        Files.writeString(pools.resolve("a_questions.jsonl"), "{\"text\": \"what is said?\"}\n{\"text\": \"who speaks?\"}\n");
        Files.writeString(pools.resolve("b_clips.jsonl"), "{\"audio\": \"" + wav + "\"}\n");
        for (Conversation conv : load(pools, 5, null, null)) {
            Turn t = conv.turns().get(0);
            assertEquals(1, t.texts().size());
            assertEquals(1, t.media().audios().size());
            assertTrue(t.media().audios().get(0).startsWith("wav,"));
            assertEquals(0.25, t.media().audioSeconds(), 1e-9);
        }
    }

    @Test
    void batchSizesFlattenTheOnePoolAndDrawThatManyOfEach() throws Exception {
        Path a = png("a.png", 2, 2);
        Path b = png("b.png", 3, 3);
        Path pool = Files.writeString(dir.resolve("pool.jsonl"),
                "{\"text\": \"one\", \"image\": \"" + a + "\"}\n{\"text\": \"two\", \"image\": \"" + b + "\"}\n{\"text\": \"three\"}\n");
        List<Conversation> c = load(pool, 40, 3, 2);
        Set<String> texts = new HashSet<>();
        for (Conversation conv : c) {
            Turn t = conv.turns().get(0);
            assertEquals(3, t.texts().size(), "--batch-size-text 3");
            assertEquals(2, t.media().images().size(), "--image-batch-size 2");
            assertTrue(Set.of(dataUrl(a), dataUrl(b)).containsAll(t.media().images()));
            texts.addAll(t.texts());
        }
        assertEquals(Set.of("one", "two", "three"), texts);
    }

    @Test
    void batchingSeveralNamedPoolsIsRefusedInOneLine() throws Exception {
        Path pools = Files.createDirectory(dir.resolve("named"));
        Files.writeString(pools.resolve("queries.jsonl"), "{\"text\": \"q\"}\n");
        Files.writeString(pools.resolve("passages.jsonl"), "{\"text\": \"p\"}\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(pools, 3, 2, null));
        assertTrue(e.getMessage().contains("batch sizes other than 1 are not supported for 2 named pools"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        assertEquals(3, load(pools, 3, 1, null).size(), "batch size 1 is the per-row form");
    }

    @Test
    void aRowWithNeitherTextNorMediaNamesItsLine() throws Exception {
        Path pool = Files.writeString(dir.resolve("pool.jsonl"), "{\"text\": \"ok\"}\n{\"extra\": {}}\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(pool, 2, null, null));
        assertTrue(e.getMessage().contains("pool.jsonl:2"), e.getMessage());
    }
}
