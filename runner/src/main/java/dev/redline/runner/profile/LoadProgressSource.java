package dev.redline.runner.profile;

import dev.redline.runner.load.LoadProgress;

/** Adapts the load runner's live counters to the progress display. */
final class LoadProgressSource implements ProgressSource {
    private final LoadProgress progress;

    LoadProgressSource(LoadProgress progress) {
        this.progress = progress;
    }

    @Override public String phaseName() { return progress.phaseName() == null ? "starting" : progress.phaseName(); }
    @Override public long completed() { return progress.completed(); }
    @Override public long errors() { return progress.errors(); }
    @Override public long plannedRequests() { return progress.expectedRequests() > 0 ? progress.expectedRequests() : -1; }
    @Override public double plannedSeconds() { return progress.durationSeconds() > 0 ? progress.durationSeconds() : -1; }
    @Override public double elapsedSeconds() { return progress.elapsedSeconds(); }
}
