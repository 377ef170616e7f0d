package dev.redline.runner.cli;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.SearchRecipeSpec;
import dev.redline.runner.BadInputException;

import java.nio.file.Path;

/**
 * What {@code redline kube profile|sweep|generate} submit, from the same flags and file as {@code profile}: the
 * validated envelope, the search recipe when one is asked for (the operator expands it, as the CLI does), the
 * {@code --runners} value, and the local directory results are downloaded into. The envelope's artifacts.dir is
 * removed: in the pods the operator chooses it; here it is the download directory.
 */
public record ClusterEnvelope(ConfigEnvelope env, SearchRecipeSpec recipe, Integer runners, Path localDir) {

    public static ClusterEnvelope of(ProfileCommand profile) {
        if (profile.runtime.embeddedMock) {
            throw new BadInputException("--mock-server: a cluster run needs a server its runner pods reach; drop --mock-server and give --url"
                    + " (e.g. the model server's Service), or run redline mock-server in the cluster");
        }
        ConfigEnvelope env = profile.buildEnvelope();
        SearchRecipeSpec recipe = profile.search.recipeSpec();
        if (recipe == null) {
            SearchRequest.apply(env, profile.search);
        } else if (env.getSweep() != null || env.getSearch() != null) {
            throw new BadInputException("--search-recipe " + recipe.getName() + ": the recipe plans its own runs; drop the sweep/search of the flags or file");
        }
        BenchmarkSpec spec = env.benchmark();
        checkSearch(env, recipe, profile.search.requested());
        Path local = ExperimentLauncher.artifactDir(spec);
        if (spec.getArtifacts() != null) spec.getArtifacts().setDir(null);
        Integer runners = profile.runtime.runners == null ? null : profile.runtime.runners();
        return new ClusterEnvelope(env, recipe, runners, local);
    }

    /** The search or recipe planned once here, as the operator will, so a bad one fails before anything is submitted. */
    private static void checkSearch(ConfigEnvelope env, SearchRecipeSpec recipe, boolean fromFlags) {
        boolean streaming = env.benchmark().getEndpoint() != null && Boolean.TRUE.equals(env.benchmark().getEndpoint().getStreaming());
        var names = fromFlags ? dev.redline.plan.search.SearchFieldNames.cliFlags() : dev.redline.plan.search.SearchFieldNames.under("search");
        if (recipe != null) dev.redline.plan.search.recipe.SearchRecipes.expand(recipe, streaming, names);
        else if (env.getSearch() != null) dev.redline.plan.search.SearchSpecs.resolve(env.getSearch(), streaming, names);
    }

    /** A config file's envelope as it stands (templates, {@code kube init}): no recipe, no --runners. */
    public static ClusterEnvelope of(ConfigEnvelope env) {
        BenchmarkSpec spec = env.benchmark();
        Path local = ExperimentLauncher.artifactDir(spec);
        if (spec.getArtifacts() != null) spec.getArtifacts().setDir(null);
        return new ClusterEnvelope(env, null, null, local);
    }

    /** True when the envelope asks for more than one plain run (a Sweep resource). */
    public boolean isSweep() {
        return ExperimentLauncher.isExperiment(env);
    }

    /** True when it asks for a search (a Search resource). */
    public boolean isSearch() {
        return recipe != null || env.getSearch() != null;
    }
}
