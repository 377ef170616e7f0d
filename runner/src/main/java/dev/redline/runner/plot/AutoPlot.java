package dev.redline.runner.plot;

import dev.redline.api.v1alpha1.ArtifactsSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --auto-plot}: plots a finished run into its own directory (plots/*.png, dashboard.html), after
 * the exports are written, so the coordinator's object-store upload carries them. A failure is a
 * warning unless {@code --plot-required}.
 */
public final class AutoPlot {
    private AutoPlot() { }

    public static boolean enabled(BenchmarkSpec spec) {
        return spec.getArtifacts() != null && Boolean.TRUE.equals(spec.getArtifacts().getAutoPlot());
    }

    /** Plots {@code dir} when auto-plot is on; returns the exit code to add (0, or 1 when a required plot failed). */
    public static int afterRun(BenchmarkSpec spec, Path dir, PrintStream out) {
        if (!enabled(spec)) return 0;
        ArtifactsSpec a = spec.getArtifacts();
        try {
            PlotResult r = Plotter.run(new PlotRequest(List.of(dir), null, spec.getPlot(), List.of()));
            out.println("Plots: " + r.pngs().size() + " PNG in " + dir.resolve("plots")
                    + (r.dashboard() == null ? "" : ", dashboard " + r.dashboard()));
            r.notDrawn().forEach(w -> out.println("WARNING: " + w));
            return 0;
        } catch (Exception e) {
            String message = "auto-plot failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
            if (Boolean.TRUE.equals(a.getPlotRequired())) {
                out.println("ERROR: " + message + " (--plot-required)");
                return 1;
            }
            out.println("WARNING: " + message + "; the results are written, plot them with 'redline plot " + dir + "'");
            return 0;
        }
    }
}
