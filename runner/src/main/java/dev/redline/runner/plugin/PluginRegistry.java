package dev.redline.runner.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry Redline dispatches on for the parts AIPerf calls plugins: endpoint types, dataset loaders, exporters,
 * timing modes, planners, search planners and recipes. Each feature declares its {@link Category} (a typed view) and registers its
 * implementations there; its code looks implementations up by name in that same category, and
 * {@code redline plugins} lists what is registered, so there is one list per category.
 */
public final class PluginRegistry {
    /** The categories, in the order {@code redline plugins} shows them. */
    public static final List<String> CATEGORIES = List.of("endpoint", "dataset", "exporter", "timing", "planner", "search_planner", "recipe");

    private static final Map<String, Category<?>> BY_NAME = new LinkedHashMap<>();

    private PluginRegistry() { }

    /** One registered implementation. */
    public record Plugin<T>(String name, String description, T implementation) { }

    /** The plugins of one category, in registration order. */
    public static final class Category<T> {
        private final String name;
        private final Map<String, Plugin<T>> plugins = new LinkedHashMap<>();

        private Category(String name) {
            this.name = name;
        }

        public String name() { return name; }

        /** Registers {@code implementation} as {@code plugin}; a second registration of a name replaces the first. */
        public synchronized Category<T> register(String plugin, String description, T implementation) {
            plugins.put(plugin, new Plugin<>(plugin, description, implementation));
            return this;
        }

        /** The implementation named {@code plugin}, or null. */
        public synchronized T find(String plugin) {
            Plugin<T> p = plugins.get(plugin);
            return p == null ? null : p.implementation();
        }

        public synchronized List<Plugin<T>> plugins() {
            return new ArrayList<>(plugins.values());
        }

        public synchronized List<String> names() {
            return new ArrayList<>(plugins.keySet());
        }
    }

    /** The category {@code name} (one of {@link #CATEGORIES}); the same object every time. */
    @SuppressWarnings("unchecked")
    public static synchronized <T> Category<T> category(String name) {
        if (!CATEGORIES.contains(name)) throw new IllegalArgumentException("unknown plugin category '" + name + "'");
        return (Category<T>) BY_NAME.computeIfAbsent(name, Category::new);
    }
}
