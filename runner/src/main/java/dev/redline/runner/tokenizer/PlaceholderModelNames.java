package dev.redline.runner.tokenizer;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises placeholder model names ({@code mock-model}, {@code test-model}, {@code fake-llama}) that name no real
 * tokenizer. Like AIPerf, such names select the builtin tokenizer instead of a failing hub lookup.
 */
final class PlaceholderModelNames {
    private static final Set<String> EXACT = Set.of("test", "mock", "fake", "dummy", "example", "sample", "placeholder");
    // markers carry a separator so that real names merely containing "mock"/"test" (e.g. "contestant") do not match
    private static final List<String> MARKERS = List.of("mock-", "-mock", "fake-", "-fake", "test-model",
            "your-model", "my-model", "model-name", "model-id");

    private PlaceholderModelNames() { }

    static boolean isPlaceholder(String name) {
        if (name == null || name.isEmpty()) return false;
        if (name.contains("/") || name.contains("\\") || name.startsWith(".") || name.startsWith("~")) return false;
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        if (EXACT.contains(n)) return true;
        for (String m : MARKERS) {
            if (n.contains(m)) return true;
        }
        return false;
    }
}
