package dev.redline.api.validate;

import dev.redline.api.v1alpha1.AudioSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.api.v1alpha1.DistributionSpec;
import dev.redline.api.v1alpha1.ImagesSpec;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.api.v1alpha1.VideoSpec;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Synthetic images, audio and video: sizes that go together, format limits, and an endpoint that takes the media. */
final class MediaRules implements ValidationRule {
    /** Rates LAME (and so an mp3 file) can hold, in Hz, as AIPerf lists them. */
    static final Set<Integer> MP3_RATES_HZ = Set.of(8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000);

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        DatasetSpec ds = spec.getDataset();
        if (ds == null) return;
        images(ds.getImages(), out);
        audio(ds.getAudio(), out);
        video(ds.getVideo(), out);
        if (!ds.mediaEnabled()) return;
        EndpointType type = spec.getEndpoint() == null ? EndpointType.CHAT : spec.getEndpoint().resolvedType();
        if (ds.getImages() != null && ds.getImages().enabled()) modality(type, EndpointType.Input.IMAGE, "dataset.images", "--image-width-mean", out);
        if (ds.getAudio() != null && ds.getAudio().enabled()) modality(type, EndpointType.Input.AUDIO, "dataset.audio", "--audio-length-mean", out);
        if (ds.getVideo() != null && ds.getVideo().enabled()) modality(type, EndpointType.Input.VIDEO, "dataset.video", "--video-width", out);
        if (type == EndpointType.NIM_EMBEDDINGS && ds.getImages() != null && ds.getImages().enabled()) {
            int texts = ds.getPrompts() == null || ds.getPrompts().getBatchSize() == null ? 1 : ds.getPrompts().getBatchSize();
            if (ds.getImages().resolvedBatchSize() != texts) {
                out.add("dataset.images.batchSize", "nim_embeddings pairs each text with one image: set --image-batch-size "
                        + "equal to --prompt-batch-size (" + texts + ")");
            }
        }
        if (ds.getInputFile() != null || ds.getPublicDataset() != null || ds.getRecords() != null) {
            out.add(firstMediaPath(ds), "synthetic media is added to synthetic prompts only; a dataset file carries its own media "
                    + "(image/images, audio/audios, video/videos fields): remove the --image-*/--audio-*/--video-* flags or --input-file");
        }
    }

    private static void modality(EndpointType type, EndpointType.Input kind, String path, String flag, Violations out) {
        if (type.accepts(kind)) return;
        String takers = Arrays.stream(EndpointType.values()).filter(t -> t.accepts(kind)).map(EndpointType::wireName)
                .collect(Collectors.joining(", "));
        out.add(path, "endpoint type " + type.wireName() + " takes no " + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " input; use one of " + takers + " (CLI: --endpoint-type) or remove " + flag);
    }

    private static void images(ImagesSpec im, Violations out) {
        if (im == null) return;
        boolean w = given(im.getWidth());
        boolean h = given(im.getHeight());
        if (w && !h) out.add("dataset.images.height", "images need a height too; set dataset.images.height.mean (CLI: --image-height-mean)");
        if (h && !w) out.add("dataset.images.width", "images need a width too; set dataset.images.width.mean (CLI: --image-width-mean)");
        stddevNeedsMean("dataset.images.width", im.getWidth(), "--image-width-mean", out);
        stddevNeedsMean("dataset.images.height", im.getHeight(), "--image-height-mean", out);
        if (ImagesSpec.NOISE.equalsIgnoreCase(im.resolvedSource()) && !"random-with-replacement".equals(im.resolvedSourceSampling())) {
            out.add("dataset.images.sourceSampling", "noise images have no finite pool to cycle; use random-with-replacement "
                    + "or assets or an image directory as dataset.images.source (CLI: --image-source)");
        }
    }

    private static void audio(AudioSpec a, Violations out) {
        if (a == null) return;
        stddevNeedsMean("dataset.audio.length", a.getLength(), "--audio-length-mean", out);
        if (a.getLength() != null && a.getLength().resolvedMean() > 0 && a.getLength().resolvedMean() < 0.01) {
            out.add("dataset.audio.length.mean", "audio must be at least 0.01 s long, got " + a.getLength().getMean() + " (CLI: --audio-length-mean)");
        }
        for (Integer d : a.resolvedDepths()) {
            if (d == null || !AudioSpec.DEPTHS.contains(d)) {
                out.add("dataset.audio.depths", "unsupported bit depth " + d + "; use 8, 16, 24 or 32 (CLI: --audio-depths)");
                break;
            }
        }
        for (Double r : a.resolvedSampleRates()) {
            if (r == null || !(r > 0) || r > 384) {
                out.add("dataset.audio.sampleRates", "sample rate " + r + " kHz is out of range; use a value above 0 and at most 384 (CLI: --audio-sample-rates)");
                return;
            }
        }
        if (!"wav".equals(a.resolvedFormat())) {
            for (Double r : a.resolvedSampleRates()) {
                int hz = (int) (r * 1000);
                if (!MP3_RATES_HZ.contains(hz)) {
                    out.add("dataset.audio.sampleRates", "mp3 cannot hold " + r + " kHz; use one of 8, 11.025, 12, 16, 22.05, 24, 32, 44.1, 48 "
                            + "or --audio-format wav (CLI: --audio-sample-rates)");
                    return;
                }
            }
        }
    }

    private static void video(VideoSpec v, Violations out) {
        if (v == null) return;
        if ((v.getWidth() == null) != (v.getHeight() == null)) {
            out.add(v.getWidth() == null ? "dataset.video.width" : "dataset.video.height",
                    "video width and height go together; set both (CLI: --video-width and --video-height) or neither");
        }
        if (v.getAudio() != null && v.getAudio().getCodec() != null && v.getAudio().resolvedChannels() == 0) {
            out.add("dataset.video.audio.codec", "an audio codec needs an audio track; set dataset.video.audio.channels to 1 or 2 (CLI: --video-audio-num-channels)");
        }
        if (v.getAudio() != null && !AudioSpec.DEPTHS.contains(v.getAudio().resolvedDepth())) {
            out.add("dataset.video.audio.depth", "unsupported bit depth " + v.getAudio().getDepth() + "; use 8, 16, 24 or 32 (CLI: --video-audio-depth)");
        }
    }

    private static void stddevNeedsMean(String path, DistributionSpec d, String meanFlag, Violations out) {
        if (d != null && d.getMean() == null && d.getStddev() != null) {
            out.add(path + ".stddev", "a standard deviation needs a mean; set " + path + ".mean too (CLI: " + meanFlag + ")");
        }
    }

    /** A mean was given (a negative one is reported by the schema bounds, not as missing). */
    private static boolean given(DistributionSpec d) {
        return d != null && d.getMean() != null && d.getMean() != 0;
    }

    private static String firstMediaPath(DatasetSpec ds) {
        if (ds.getImages() != null && ds.getImages().enabled()) return "dataset.images";
        if (ds.getAudio() != null && ds.getAudio().enabled()) return "dataset.audio";
        return "dataset.video";
    }

}
