package dev.redline.runner.search;

import dev.redline.plan.search.recipe.RecipeArtifacts;
import dev.redline.plan.search.recipe.RecipeCell;
import dev.redline.plan.search.recipe.RecipePlan;
import dev.redline.runner.experiment.ExperimentListener;
import dev.redline.runner.experiment.ExperimentResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The derived file of a grid or scenario recipe ({@code degradation_knee.json}, {@code prefill_curve.json},
 * {@code decode_itl_surface.json}, {@code sla_breach.json}, {@code pareto_sweep.json}) written next to the
 * sweep aggregate once the sweep is over (also after Ctrl-C, over the cells that finished).
 */
public final class RecipeArtifactFile implements ExperimentListener {
    private final RecipePlan.PostProcess postProcess;
    private final Path sweepAggregateDir;
    private final java.io.PrintStream out;

    public RecipeArtifactFile(RecipePlan.PostProcess postProcess, Path sweepAggregateDir, java.io.PrintStream out) {
        this.postProcess = postProcess;
        this.sweepAggregateDir = sweepAggregateDir;
        this.out = out;
    }

    @Override
    public void finished(ExperimentResult result) {
        List<RecipeCell> cells = result.observations().stream().map(o -> RecipeCell.of(o, Map.of())).toList();
        Path file = sweepAggregateDir.resolve(postProcess.outputFile());
        try {
            Files.createDirectories(sweepAggregateDir);
            Files.writeString(file, RecipeArtifacts.compute(postProcess, cells).toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        out.println("Recipe result: " + file.toAbsolutePath());
    }
}
