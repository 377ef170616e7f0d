package dev.redline.runner.plot.discover;

import dev.redline.runner.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the runs under the paths given to {@code redline plot}, with AIPerf's rules: a directory with a
 * summary export is a run (a leaf: its phases/ and plots/ are not searched); a directory with a confidence
 * aggregate is one multi-run cell, unless it only shadows a single-trial cell beside it; a trial
 * directory (profile_runs/) is skipped where an aggregate/ beside it already summarises the trials.
 * One run found is single-run mode, more (or a search) is multi-run mode.
 */
public final class RunDiscovery {
    private static final Set<String> NEVER_SEARCHED = Set.of("logs", ExportNames.PLOTS_DIR, ExportNames.SWEEP_DIR);

    private RunDiscovery() { }

    public static Discovery discover(List<Path> paths) {
        if (paths.isEmpty()) throw new BadInputException("redline plot: no path given; name a run directory or a directory of runs");
        Map<Path, RunDir> runs = new LinkedHashMap<>();
        List<Path> searches = new ArrayList<>();
        for (Path given : paths) {
            Path dir = directoryOf(given);
            List<RunDir> found = new ArrayList<>();
            List<Path> foundSearches = new ArrayList<>();
            walk(dir, found, foundSearches, new HashSet<>());
            if (found.isEmpty()) {
                throw new BadInputException(given + ": no Redline or AIPerf exports found; expected " + ExportNames.expected());
            }
            found.sort((a, b) -> a.path().compareTo(b.path()));
            for (RunDir r : found) runs.putIfAbsent(realPath(r.path()), r);
            for (Path s : foundSearches) if (!searches.contains(s)) searches.add(s);
        }
        List<RunDir> list = List.copyOf(runs.values());
        if (list.size() == 1 && list.get(0).isAggregate() && searches.isEmpty()) list = trialsOf(list.get(0), list);
        PlotMode mode = list.size() == 1 && searches.isEmpty() ? PlotMode.SINGLE_RUN : PlotMode.MULTI_RUN;
        return new Discovery(mode, list, List.copyOf(searches));
    }

    /** A lone multi-run aggregate has no per-request data: its trials are compared instead, when they are there. */
    private static List<RunDir> trialsOf(RunDir aggregate, List<RunDir> fallback) {
        Path trials = aggregate.path().getParent() == null ? null : aggregate.path().getParent().resolve(ExportNames.TRIALS_DIR);
        if (trials == null || !Files.isDirectory(trials)) return fallback;
        List<RunDir> found = new ArrayList<>();
        walk(trials, found, new ArrayList<>(), new HashSet<>());
        found.sort((a, b) -> a.path().compareTo(b.path()));
        return found.isEmpty() ? fallback : List.copyOf(found);
    }

    /** A summary file given directly stands for its run directory. */
    private static Path directoryOf(Path given) {
        if (Files.isDirectory(given)) return given;
        if (Files.isRegularFile(given) && ExportNames.SUMMARY.contains(String.valueOf(given.getFileName()))) {
            return given.toAbsolutePath().getParent();
        }
        if (Files.exists(given)) {
            throw new BadInputException(given + ": not a run directory; expected a directory holding " + ExportNames.expected());
        }
        throw new BadInputException(given + ": no such directory; name a run directory or a directory of runs");
    }

    private static void walk(Path dir, List<RunDir> runs, List<Path> searches, Set<Path> visited) {
        if (!visited.add(realPath(dir))) return; // symlink loop
        Path history = ExportNames.ifPresent(dir, ExportNames.SEARCH_HISTORY);
        if (history != null) searches.add(history);
        Path summary = ExportNames.first(dir, ExportNames.SUMMARY);
        if (summary != null) {
            runs.add(new RunDir(dir, summary, ExportNames.ifPresent(dir, ExportNames.RECORDS), null));
            return;
        }
        Path aggregate = ExportNames.first(dir, ExportNames.AGGREGATE);
        if (aggregate != null && !shadowsSingleTrial(dir)) runs.add(new RunDir(dir, null, null, aggregate));
        boolean aggregated = Files.isDirectory(dir.resolve(ExportNames.AGGREGATE_DIR));
        for (Path sub : subdirectories(dir)) {
            String name = String.valueOf(sub.getFileName());
            if (NEVER_SEARCHED.contains(name)) continue;
            if (name.equals(ExportNames.TRIALS_DIR) && aggregated) continue;
            walk(sub, runs, searches, visited);
        }
    }

    /**
     * A single-trial sweep writes each cell twice: {@code <base>/<cell>/} and an aggregate copy at
     * {@code <base>/aggregate/<cell>/} (or {@code <base>/<cell>/aggregate/}); the cell is plotted once.
     */
    private static boolean shadowsSingleTrial(Path dir) {
        Path parent = dir.getParent();
        if (parent == null) return false;
        if (String.valueOf(dir.getFileName()).equals(ExportNames.AGGREGATE_DIR) && ExportNames.first(parent, ExportNames.SUMMARY) != null) {
            return true;
        }
        Path grand = parent.getParent();
        return grand != null && String.valueOf(parent.getFileName()).equals(ExportNames.AGGREGATE_DIR)
                && ExportNames.first(grand.resolve(dir.getFileName()), ExportNames.SUMMARY) != null;
    }

    private static List<Path> subdirectories(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list (" + e.getMessage() + "); check its permissions");
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
