package dev.redline.runner.tokenizer;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.TokenizerSpec;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns {@code --tokenizer} into a {@link Tokenizer}. Accepted, in this order: {@code builtin} (or a placeholder model
 * name such as {@code mock-model}), a {@code tokenizer.json} file, a directory holding one, or a Hugging Face model id
 * whose {@code tokenizer.json} is downloaded once into the cache and read from there afterwards (offline).
 *
 * <p>Cache: {@code $REDLINE_CACHE_DIR/tokenizers/<id>/<revision>/tokenizer.json}, default
 * {@code ~/.cache/redline/tokenizers/...}. Hub: {@code $HF_ENDPOINT} (default https://huggingface.co), token from
 * {@code $HF_TOKEN}, no download when {@code $HF_HUB_OFFLINE=1}.
 */
public final class TokenizerLoader {
    public static final String DEFAULT_REVISION = "main";
    private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");

    private final HubTokenizerCache hub;

    public TokenizerLoader(Path cacheRoot, URI hubEndpoint, boolean offline, String hubToken) {
        this.hub = new HubTokenizerCache(cacheRoot, hubEndpoint, offline, hubToken);
    }

    /** A loader configured from the environment (see the class comment). */
    public static TokenizerLoader fromEnvironment() {
        String cacheDir = System.getenv("REDLINE_CACHE_DIR");
        Path root = cacheDir != null && !cacheDir.isBlank()
                ? Path.of(cacheDir)
                : Path.of(System.getProperty("user.home"), ".cache", "redline");
        String endpoint = System.getenv("HF_ENDPOINT");
        String offline = System.getenv("HF_HUB_OFFLINE");
        return new TokenizerLoader(root.resolve("tokenizers"),
                URI.create(endpoint != null && !endpoint.isBlank() ? endpoint : "https://huggingface.co"),
                offline != null && List.of("1", "true", "yes", "on").contains(offline.toLowerCase()),
                System.getenv("HF_TOKEN"));
    }

    /** Loads with the environment's cache and hub settings; {@code revision} null means main. */
    public static Tokenizer load(String nameOrPath, String revision) {
        return fromEnvironment().resolve(nameOrPath, revision);
    }

    /** The tokenizer a run uses: tokenizer.name, else the first model name, else builtin. */
    public static Tokenizer forSpec(BenchmarkSpec spec) {
        return load(nameFor(spec), spec.getTokenizer() == null ? null : spec.getTokenizer().getRevision());
    }

    /** The tokenizer name a spec selects, as AIPerf: --tokenizer, else the model name, else builtin. */
    public static String nameFor(BenchmarkSpec spec) {
        TokenizerSpec t = spec.getTokenizer();
        if (t != null && t.getName() != null && !t.getName().isBlank()) return t.getName();
        if (spec.getModels() != null && !spec.getModels().isEmpty()) return spec.getModels().get(0);
        return BuiltinTokenizer.NAME;
    }

    public Tokenizer resolve(String nameOrPath, String revision) {
        String name = nameOrPath == null ? "" : nameOrPath.trim();
        String rev = revision == null || revision.isBlank() ? DEFAULT_REVISION : revision.trim();
        if (name.isEmpty() || name.equalsIgnoreCase(BuiltinTokenizer.NAME) || PlaceholderModelNames.isPlaceholder(name)) {
            return new BuiltinTokenizer();
        }
        Path path = asPath(name);
        if (path != null && Files.isRegularFile(path)) {
            return HuggingFaceJsonTokenizer.load(path, name);
        }
        if (path != null && Files.isDirectory(path)) {
            Path file = path.resolve("tokenizer.json");
            if (Files.isRegularFile(file)) return HuggingFaceJsonTokenizer.load(file, name);
            throw new TokenizerNotFoundException("tokenizer directory " + path.toAbsolutePath()
                    + " has no tokenizer.json; put the model's tokenizer.json there or pass --tokenizer <path to tokenizer.json>");
        }
        if (looksLikePath(name) || !HUB_ID.matcher(name).matches() || name.contains("..")) {
            throw new TokenizerNotFoundException("tokenizer '" + name + "' not found: no file or directory at "
                    + (path == null ? name : path.toAbsolutePath()) + " and not a Hugging Face model id;"
                    + " pass --tokenizer <tokenizer.json | directory | org/model | builtin>");
        }
        String lookedAt = "path " + (path == null ? name : path.toAbsolutePath());
        Path file = hub.resolve(name, rev, lookedAt);
        return HuggingFaceJsonTokenizer.load(file, name);
    }

    private static boolean looksLikePath(String name) {
        return name.startsWith("/") || name.startsWith(".") || name.startsWith("~") || name.endsWith(".json")
                || name.contains("\\") || name.chars().filter(c -> c == '/').count() > 1;
    }

    private static Path asPath(String name) {
        try {
            String expanded = name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name;
            return Path.of(expanded);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
