package dev.redline.runner.cli;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import dev.redline.runner.config.ConfigLoader;
import dev.redline.runner.config.LoadedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code redline config validate FILE}: reads the file as {@code profile -f} does and checks it. Errors: one line each
 * on stderr, exit 1 (as AIPerf). Warnings (settings without effect, sections this build does not run, values left
 * unchecked by --no-interpolate) on stderr, exit 0 unless --strict.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a config file as profile -f reads it: errors exit 1, warnings go to stderr.")
public class ConfigValidateCommand implements Callable<Integer> {
    static final int INVALID = 1;

    @Spec CommandSpec spec;

    @Mixin ConfigFileArgument file = new ConfigFileArgument();

    @Option(names = "--strict", description = "Treat warnings as errors (exit 1).")
    boolean strict;

    @Option(names = "--no-interpolate", description = "Leave $${VAR} and {{ }} unresolved: check the structure only.")
    boolean noInterpolate;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig c;
        try {
            c = new ConfigLoader().load(file.file(), !noInterpolate);
        } catch (SpecException e) {
            err.println("error: " + RedlineCli.oneLine(e.getMessage()));
            return INVALID;
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>(c.warnings());
        for (Violation v : SpecValidator.validate(c.spec())) {
            String where = c.locate(v.path());
            String line = (where == null ? file.file().toString() : where) + ": " + v;
            if (noInterpolate && c.mayDependOnUninterpolated(v.path())) warnings.add(line + " (may come from a value not interpolated)");
            else errors.add(line);
        }
        warnings.addAll(ConfigWarnings.of(c, file.file().toString()));
        errors.forEach(e -> err.println("error: " + RedlineCli.oneLine(e)));
        warnings.forEach(w -> err.println("warning: " + RedlineCli.oneLine(w)));
        if (!errors.isEmpty() || strict && !warnings.isEmpty()) {
            err.println(file.file() + ": invalid (" + errors.size() + " error(s), " + warnings.size() + " warning(s)"
                    + (strict && errors.isEmpty() ? ", --strict" : "") + ")");
            return INVALID;
        }
        BenchmarkSpec s = c.spec();
        out.println(file.file() + ": valid (" + (s.getPhases() == null ? 1 : s.getPhases().size()) + " phase(s)"
                + (c.experimentSections().isEmpty() ? "" : ", " + String.join(" + ", c.experimentSections()))
                + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning(s)") + ")");
        return 0;
    }
}
