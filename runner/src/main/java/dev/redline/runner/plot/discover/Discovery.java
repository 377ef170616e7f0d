package dev.redline.runner.plot.discover;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link RunDiscovery} found under the paths given to {@code redline plot}.
 *
 * @param runs     runs in path order (sorted, duplicates removed)
 * @param searches search_history.json files (adaptive search directories)
 */
public record Discovery(PlotMode mode, List<RunDir> runs, List<Path> searches) {
    public RunDir single() {
        return runs.get(0);
    }
}
