package dev.redline.runner.kube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The resource {@code redline kube profile|sweep} submitted last, so {@code kube results}, {@code attach},
 * {@code logs} and {@code cancel} without a name act on it (as AIPerf's do). One line "Kind namespace name" in
 * $REDLINE_STATE_DIR, else $XDG_STATE_HOME/redline, else ~/.local/state/redline.
 */
public final class LastDeployed {
    private LastDeployed() { }

    public record Ref(String kind, String namespace, String name) { }

    static Path file() {
        String dir = System.getenv("REDLINE_STATE_DIR");
        if (dir == null || dir.isBlank()) {
            String xdg = System.getenv("XDG_STATE_HOME");
            dir = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".local", "state", "redline").toString()
                    : Path.of(xdg, "redline").toString();
        }
        return Path.of(dir, "kube-last");
    }

    /** Remembers {@code ref}; a failure to write only costs the default, so it is not an error. */
    public static void remember(Ref ref) {
        Path f = file();
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, ref.kind() + " " + ref.namespace() + " " + ref.name() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("note: could not remember the submitted resource in " + f + " (" + e.getMessage() + ")");
        }
    }

    public static Optional<Ref> recall() {
        try {
            String[] parts = Files.readString(file(), StandardCharsets.UTF_8).trim().split("\\s+");
            return parts.length == 3 ? Optional.of(new Ref(parts[0], parts[1], parts[2])) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
