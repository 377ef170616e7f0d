package dev.redline.operator.realcluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The images {@link FakeKubelet} can "pull": each maps a container's command line to a local one. Any
 * other image fails to pull (ErrImagePull, then ImagePullBackOff), as a typo'd or private image would.
 */
public final class Images {
    private final Map<String, UnaryOperator<List<String>>> runnable = new ConcurrentHashMap<>();

    /** Pods with {@code image} run {@code entrypoint.apply(command + args)} as a local process. */
    public Images add(String image, UnaryOperator<List<String>> entrypoint) {
        runnable.put(image, entrypoint);
        return this;
    }

    Optional<UnaryOperator<List<String>>> lookup(String image) {
        return Optional.ofNullable(runnable.get(image));
    }

    /**
     * The runner image: its {@code redline} command is {@code java -jar redline.jar}, as the image's
     * launcher script does. Small heap and serial GC: several runner JVMs share two cores in the tests.
     */
    public static UnaryOperator<List<String>> redline(Path jar) {
        return command -> {
            if (command.isEmpty() || !command.get(0).equals("redline")) {
                throw new IllegalArgumentException("the runner image runs 'redline ...', not " + command);
            }
            List<String> local = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC", "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto", "-jar", jar.toString()));
            local.addAll(command.subList(1, command.size()));
            return local;
        };
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
