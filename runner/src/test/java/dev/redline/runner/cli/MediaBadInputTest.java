package dev.redline.runner.cli;

import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


/** Bad media input stops `redline profile` with exit code 2 and one line, before the server sees any request. */
class MediaBadInputTest {
    @TempDir Path dir;

    private void assertRefused(MockServer mock, String fragment, String... flags) {
        List<String> args = new ArrayList<>(List.of("profile", "-m", "mock-model", "--tokenizer", "builtin", "--url", mock.baseUrl(),
                "--request-count", "3", "--artifact-dir", dir.resolve("out").toString()));
        args.addAll(List.of(flags));
        CliRun.assertRefusedBeforeSending(mock, fragment, args);
    }

    @Test
    void mediaWithATextOnlyEndpointNegativeSizesAndUnreadableFilesAreRefusedUpFront() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions())) {
            assertRefused(mock, "endpoint type embeddings takes no image input; use one of chat,",
                    "--endpoint-type", "embeddings", "--image-width-mean", "64", "--image-height-mean", "64");
            assertRefused(mock, "endpoint type completions takes no audio input", "--endpoint-type", "completions", "--audio-length-mean", "1");
            assertRefused(mock, "endpoint type responses takes no video input", "--endpoint-type", "responses",
                    "--video-width", "32", "--video-height", "32");
            assertRefused(mock, "--image-width-mean", "--image-width-mean", "-64", "--image-height-mean", "64");
            assertRefused(mock, "--audio-length-stddev", "--audio-length-mean", "1", "--audio-length-stddev", "-0.5");
            assertRefused(mock, "--video-height", "--video-width", "32");
            assertRefused(mock, "--audio-depths", "--audio-length-mean", "1", "--audio-depths", "12");
            assertRefused(mock, "NaN", "--image-width-mean", "NaN", "--image-height-mean", "8");
            assertRefused(mock, "nim_embeddings pairs each text with one image", "--endpoint-type", "nim_embeddings",
                    "--image-width-mean", "8", "--image-height-mean", "8", "--image-batch-size", "2");

            Path images = Files.createDirectory(dir.resolve("images"));
            Files.write(images.resolve("cat.jpg"), new byte[]{1, 2, 3, 4});
            assertRefused(mock, "cat.jpg", "--image-width-mean", "8", "--image-height-mean", "8", "--image-source", images.toString());

            Path data = Files.writeString(dir.resolve("vision.jsonl"),
                    "{\"text\": \"what is this?\", \"image\": \"" + dir.resolve("missing.png") + "\"}\n");
            assertRefused(mock, "vision.jsonl:1", "--input-file", data.toString());
            Path broken = Files.write(dir.resolve("broken.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0});
            Files.writeString(data, "{\"text\": \"what is this?\", \"images\": [\"" + broken + "\"]}\n");
            assertRefused(mock, "cannot read image", "--input-file", data.toString());
        }
    }
}
