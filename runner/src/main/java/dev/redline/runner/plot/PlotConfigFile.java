package dev.redline.runner.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecException;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.PlotSpec;
import dev.redline.api.validate.PlotRules;
import dev.redline.api.validate.Violation;
import dev.redline.api.validate.Violations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code redline plot --config FILE}: the {@code plot:} section of a benchmark YAML (AIPerf's envelope or
 * Redline's spec), or a file that is only the plot section, with the spec's key rules and validation.
 */
public final class PlotConfigFile {
    private PlotConfigFile() { }

    public static PlotSpec read(Path file) {
        JsonNode root;
        try {
            root = SpecReader.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new SpecException(file + ": cannot read a YAML plot config (" + e.getMessage().replaceAll("\\s*\\R\\s*", " ") + ")");
        }
        if (root == null || !root.isObject()) throw new SpecException(file + ": expected a mapping with a plot: section");
        JsonNode plot = root.has("plot") ? root.get("plot") : root;
        if (!plot.isObject()) throw new SpecException(file + ": plot: must be a mapping (theme, visualization, ...)");
        PlotSpec spec = SpecReader.bind((ObjectNode) plot.deepCopy(), file.toString() + " (plot)", PlotSpec.class);
        Violations v = new Violations();
        PlotRules.check(spec, "plot", v);
        if (!v.isEmpty()) {
            Violation first = v.list().get(0);
            throw new SpecException(file + ": " + first.path() + ": " + first.message());
        }
        return spec;
    }
}
