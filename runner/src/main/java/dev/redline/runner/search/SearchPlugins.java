package dev.redline.runner.search;

import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.plan.search.recipe.SearchRecipes;
import dev.redline.runner.plugin.PluginRegistry;

/**
 * The search planners and recipes in the plugin registry. Both are dispatched in the shared planning module (the
 * operator's Search reconciler uses the same code), on {@link AdaptiveSearchSpec.Planner} and
 * {@link SearchRecipes#DESCRIPTIONS}; this registers exactly those, so {@code redline plugins} lists what runs.
 */
public final class SearchPlugins {
    public static final PluginRegistry.Category<AdaptiveSearchSpec.Planner> SEARCH_PLANNERS = PluginRegistry.category("search_planner");
    /** A recipe's implementation is its name: {@link SearchRecipes#expand} dispatches on it. */
    public static final PluginRegistry.Category<String> RECIPES = PluginRegistry.category("recipe");

    static {
        for (AdaptiveSearchSpec.Planner p : AdaptiveSearchSpec.Planner.values()) SEARCH_PLANNERS.register(p.wireName(), p.description(), p);
        SearchRecipes.DESCRIPTIONS.forEach((name, description) -> RECIPES.register(name, description, name));
    }

    private SearchPlugins() { }
}
