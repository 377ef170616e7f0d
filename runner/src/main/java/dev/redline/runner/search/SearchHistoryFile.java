package dev.redline.runner.search;

import dev.redline.plan.Observation;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;
import dev.redline.plan.search.AdaptiveSearch;
import dev.redline.plan.search.SearchHistoryJson;
import dev.redline.runner.experiment.ExperimentListener;
import dev.redline.runner.experiment.ExperimentResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Keeps {@code <base>/search_history.json} current: rewritten (atomically) after every finished iteration and
 * once at the end with the convergence reason, so a crash or Ctrl-C leaves the history of what ran, and
 * {@code --resume} can continue from it.
 */
final class SearchHistoryFile implements ExperimentListener {
    private final AdaptiveSearch search;
    private final Path file;
    private final int trials;
    /** Every iteration observed so far (a resumed search's earlier ones too), as of the last finished run. */
    private List<Observation> observed = List.of();

    SearchHistoryFile(AdaptiveSearch search, Path base, int trials) {
        this.search = search;
        this.file = base.resolve(SearchHistoryJson.FILE);
        this.trials = trials;
    }

    Path file() { return file; }

    @Override
    public void runStarting(Variation variation, int trial, int number, int total) {
        // an iteration whose trials stopped early (convergence) is complete once the next one starts
        if (trial == 0 && number > 1) write(observed, null);
    }

    @Override
    public void runFinished(Variation variation, int trial, TrialOutcome outcome, List<Observation> all, int number, int total) {
        observed = all;
        if (trial == trials - 1) write(all, null);
    }

    @Override
    public void finished(ExperimentResult result) {
        // an iteration Ctrl-C cut short is not judged on its partial results: --resume runs it again
        write(result.completeObservations(), result.partial() ? null : result.stopReason());
    }

    private void write(List<Observation> all, String reason) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, search.historyJson(all, reason), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
