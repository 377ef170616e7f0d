package dev.redline.runner.kube;

import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.ConfigMapMount;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The local files a {@code kube} command's benchmark names (dataset, public dataset copy, system prompt, tokenizer,
 * GPU metrics CSV): the runner pods cannot read this machine's disk, so they travel in a ConfigMap
 * {@code <resource>-files}, mounted read-only at {@link #MOUNT} ({@code spec.runners.configMapMounts}), and the
 * spec's paths are rewritten to where they appear there. AIPerf's kube mode uploads nothing (a path is read in the
 * pod as it is, files come from the image or a podTemplate volume); {@code --no-upload-files} keeps that behaviour.
 */
public final class LocalFiles {
    public static final String MOUNT = "/var/lib/redline/files";
    /** Kubernetes refuses a ConfigMap over 1 MiB of data; what is left is headroom for its metadata. */
    static final long MAX_BYTES = 1_000_000;
    static final int MAX_FILES = 1024;
    static final String OWNER_LABEL = "redline.dev/files-of";

    /** The mixin of {@code kube profile|sweep|generate}. */
    public static class Options {
        @Option(names = "--upload-files", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Put the local files the benchmark names (--input-file, --tokenizer directory, ...) into a ConfigMap <name>-files"
                        + " mounted into the runner pods, and point the spec at them (default); --no-upload-files leaves the paths to the image or a volume.")
        boolean upload = true;
    }

    private record Slot(String id, String flag, Supplier<String> get, Consumer<String> set) { }

    private LocalFiles() { }

    /**
     * Packs the local files of {@code resource}'s benchmark into its files ConfigMap, rewrites the spec's paths and
     * mounts the ConfigMap; null (and the resource unchanged) when it names none.
     */
    public static ConfigMap pack(HasMetadata resource, Options options) {
        BenchmarkResourceSpec spec = KubeResourceFile.template(resource);
        if (spec == null || (options != null && !options.upload)) return null;
        RunnerSpec runners = spec.getRunners();
        List<String> mounted = new ArrayList<>();
        if (runners != null && runners.getSecretMounts() != null) runners.getSecretMounts().forEach(m -> mounted.add(m.getMountPath()));
        if (runners != null && runners.getConfigMapMounts() != null) runners.getConfigMapMounts().forEach(m -> mounted.add(m.getMountPath()));

        Map<String, byte[]> contents = new LinkedHashMap<>();
        List<ConfigMapMount.Item> items = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Slot slot : slots(spec)) {
            String path = slot.get().get();
            if (path == null || path.isBlank() || providedInThePod(path, mounted)) continue;
            Path local = Path.of(path);
            if (!Files.exists(local)) continue; // a path of the runner image
            String rewritten = Files.isDirectory(local) ? MOUNT + "/" + slot.id() : MOUNT + "/" + slot.id() + "/" + local.getFileName();
            for (Path file : files(local, slot)) {
                String rel = Files.isDirectory(local) ? local.relativize(file).toString().replace('\\', '/') : file.getFileName().toString();
                String key = key(slot.id(), rel, contents.size());
                if (contents.containsKey(key)) key = slot.id() + "." + contents.size(); // two names that sanitize alike
                contents.put(key, read(file, slot));
                items.add(new ConfigMapMount.Item(key, slot.id() + "/" + rel));
                if (items.size() > MAX_FILES) {
                    throw new BadInputException(slot.flag() + " " + path + ": more than " + MAX_FILES + " local files to upload; put them into the"
                            + " runner image or a volume (--secret-mounts) and pass --no-upload-files");
                }
            }
            sources.add(slot.flag() + " " + path + " (" + size(local) + " bytes)");
            slot.set().accept(rewritten);
        }
        if (contents.isEmpty()) return null;
        long total = contents.entrySet().stream().mapToLong(e -> e.getKey().length() + (long) e.getValue().length).sum();
        if (total > MAX_BYTES) {
            throw new BadInputException(String.join(", ", sources) + ": " + total + " bytes of local files, over the " + MAX_BYTES
                    + " a ConfigMap carries to the runner pods; put them into the runner image (--image) or a volume (--secret-mounts)"
                    + " at the same path and pass --no-upload-files");
        }
        String name = resource.getMetadata().getName() + "-files";
        if (runners == null) {
            runners = new RunnerSpec();
            spec.setRunners(runners);
        }
        List<ConfigMapMount> mounts = new ArrayList<>(runners.getConfigMapMounts() == null ? List.of() : runners.getConfigMapMounts());
        mounts.add(new ConfigMapMount(name, MOUNT, items));
        runners.setConfigMapMounts(mounts);
        return configMap(name, resource.getMetadata().getNamespace(), resource.getMetadata().getName(), contents);
    }

    /** The ConfigMap made the resource's dependent, so deleting the resource deletes it. */
    static void ownBy(ConfigMap cm, HasMetadata owner) {
        cm.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withBlockOwnerDeletion(false).build()));
    }

    private static List<Slot> slots(BenchmarkResourceSpec spec) {
        List<Slot> slots = new ArrayList<>();
        var d = spec.getDataset();
        if (d != null) {
            slots.add(new Slot("input-file", "--input-file", d::getInputFile, d::setInputFile));
            slots.add(new Slot("public-dataset", "--public-dataset-path", d::getPublicDatasetPath, d::setPublicDatasetPath));
            slots.add(new Slot("system-prompt", "--system-prompt-file", d::getSystemPromptFile, d::setSystemPromptFile));
        }
        var t = spec.getTokenizer();
        if (t != null) slots.add(new Slot("tokenizer", "--tokenizer", t::getName, t::setName));
        var tel = spec.getTelemetry();
        if (tel != null) slots.add(new Slot("gpu-metrics", "--gpu-telemetry", tel::getGpuMetricsFile, tel::setGpuMetricsFile));
        return slots;
    }

    /** A path the user's own mounts (or the operator's) serve in the pod is read there, not uploaded. */
    private static boolean providedInThePod(String path, List<String> mounted) {
        if (path.equals(MOUNT) || path.startsWith(MOUNT + "/")) return true;
        return mounted.stream().anyMatch(m -> path.equals(m) || path.startsWith(m.endsWith("/") ? m : m + "/"));
    }

    private static List<Path> files(Path local, Slot slot) {
        if (!Files.isDirectory(local)) return List.of(local);
        try (Stream<Path> walk = Files.walk(local)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(slot.flag() + " " + local + ": cannot list the directory (" + e.getMessage() + ")");
        }
    }

    private static byte[] read(Path file, Slot slot) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(slot.flag() + " " + file + ": cannot read it to upload (" + e.getMessage() + ")");
        }
    }

    private static long size(Path local) {
        try (Stream<Path> walk = Files.walk(local)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** A readable ConfigMap key ([-._a-zA-Z0-9], at most 253), numbered where the name does not fit. */
    private static String key(String slot, String rel, int index) {
        String key = slot + "." + rel.replace('/', '.').replaceAll("[^-._a-zA-Z0-9]", "_");
        return key.length() <= 253 ? key : slot + "." + index;
    }

    private static ConfigMap configMap(String name, String namespace, String owner, Map<String, byte[]> contents) {
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, String> binary = new LinkedHashMap<>();
        contents.forEach((k, v) -> {
            String text = utf8(v);
            if (text != null) data.put(k, text);
            else binary.put(k, Base64.getEncoder().encodeToString(v));
        });
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("app.kubernetes.io/name", "redline").addToLabels("app.kubernetes.io/component", "files")
                .addToLabels(OWNER_LABEL, owner).endMetadata()
                .withData(data.isEmpty() ? null : data).withBinaryData(binary.isEmpty() ? null : binary).build();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
