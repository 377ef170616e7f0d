import dev.redline.api.v1alpha1.DistributionSpec;
import dev.redline.api.v1alpha1.ImagesSpec;
import dev.redline.runner.dataset.SeedStreams;
import dev.redline.runner.dataset.media.ImageSynthesizer;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Time and memory to synthesise N images of W x H (the figure in docs/performance.md), the way a run builds its
 * dataset: entries in parallel, every image held as its data URL. Run from the repository root after packaging:
 *
 *   java -cp runner/target/redline.jar runner/src/bench/MediaSynthesisBench.java [N] [W] [H] [png|jpeg]
 */
public class MediaSynthesisBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int w = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int h = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        String format = args.length > 3 ? args[3] : "png";
        ImagesSpec spec = new ImagesSpec();
        spec.setWidth(new DistributionSpec((double) w, null));
        spec.setHeight(new DistributionSpec((double) h, null));
        spec.setFormat(format);
        ImageSynthesizer synth = new ImageSynthesizer(spec, new SeedStreams(1));
        synth.batch(0); // class loading and ImageIO registry, outside the timing
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heapBefore = usedHeapAfterGc();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<List<String>> images = IntStream.range(0, n).parallel().mapToObj(synth::batch).toList();
        long wallNs = System.nanoTime() - t0;
        long cpuNs = os.getProcessCpuTime() - cpu0;
        long held = usedHeapAfterGc() - heapBefore;
        long chars = images.stream().flatMap(List::stream).mapToLong(String::length).sum();
        System.out.printf("%d %dx%d %s images: %.1f s wall, %.1f s CPU (%.1f ms CPU per image, %d cores), "
                        + "payload %.0f MB of data URLs, heap held after GC %.0f MB, peak heap committed %.0f MB%n",
                n, w, h, format, wallNs / 1e9, cpuNs / 1e9, cpuNs / 1e6 / n, Runtime.getRuntime().availableProcessors(),
                chars / 1e6, held / 1e6, Runtime.getRuntime().totalMemory() / 1e6);
        if (images.size() != n) throw new AssertionError();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
