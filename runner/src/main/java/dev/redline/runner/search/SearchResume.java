package dev.redline.runner.search;

import dev.redline.api.results.ExportFormatException;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.Observation;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;
import dev.redline.plan.search.AdaptiveSearch;
import dev.redline.plan.search.Evaluation;
import dev.redline.plan.search.SearchHistoryJson;
import dev.redline.runner.BadInputException;
import dev.redline.runner.experiment.ExperimentLayout;
import dev.redline.runner.profile.ArtifactLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --resume DIR}: the iterations a search already ran, read back from {@code DIR/search_history.json}
 * (which iterations, their knob values; refused when it is another search) and from each trial's own profile
 * export under {@code search_iter_NNNN/} (the measurements), so the planner continues exactly where it stopped.
 */
record SearchResume(List<Observation> observations, Map<TrialOutcome, Path> dirs) {
    static SearchResume none() { return new SearchResume(List.of(), Map.of()); }

    static SearchResume read(Path dir, AdaptiveSearch search, ExperimentPlan plan, ExperimentLayout layout) {
        Path file = dir.resolve(SearchHistoryJson.FILE);
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException("--resume " + dir + ": no " + SearchHistoryJson.FILE + " there; give the artifact directory of the search");
        }
        List<Evaluation> done;
        try {
            done = SearchHistoryJson.read(json, search.strategy(), file.toString());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--resume: " + e.getMessage());
        }
        List<Observation> out = new ArrayList<>();
        Map<TrialOutcome, Path> dirs = new IdentityHashMap<>();
        for (Evaluation e : done) {
            Variation v = search.variationOf(e.index(), new LinkedHashMap<>(search.resolved().problem().space().valuesByPath(e.values())));
            List<TrialOutcome> trials = new ArrayList<>();
            for (int t = 0; t < plan.trials(); t++) {
                Path runDir = layout.cellDir(v, t);
                TrialOutcome outcome = outcome(plan.run(v, t).spec(), runDir, t, e);
                if (outcome == null) continue;
                trials.add(outcome);
                dirs.put(outcome, runDir);
            }
            if (trials.isEmpty()) trials.add(TrialOutcome.failed(0, e.failed() ? e.error() : "no results in " + layout.cellDir(v, 0)));
            out.add(new Observation(v, trials));
        }
        return new SearchResume(out, dirs);
    }

    /** The trial's export when its run wrote one; its recorded error when the iteration failed; else null (never ran). */
    private static TrialOutcome outcome(BenchmarkSpec spec, Path runDir, int trial, Evaluation e) {
        spec.artifacts().setDir(runDir.toString());
        Path summary = ArtifactLayout.create(spec).summaryJson();
        if (Files.isRegularFile(summary)) {
            try {
                return TrialOutcome.ok(trial, ProfileExport.parse(Files.readString(summary), summary.toString()));
            } catch (IOException | ExportFormatException ex) {
                return TrialOutcome.failed(trial, ex.getMessage());
            }
        }
        return e.failed() && Files.isDirectory(runDir) ? TrialOutcome.failed(trial, e.error()) : null;
    }
}
