package dev.redline.runner.cli;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import dev.redline.runner.BadInputException;
import dev.redline.runner.config.ConfigLoader;
import dev.redline.runner.config.LoadedConfig;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the one {@link BenchmarkSpec} of a command line: the config file (if any, read by {@link ConfigLoader} into
 * its {@link ConfigEnvelope}), then the flags over it, then validation. A violation names the flag the user typed, or the file position the value came from.
 */
final class SpecBuilder {
    private final List<SpecOptions> groups;
    private final CommandSpec command;
    private LoadedConfig loaded;

    /** @param command the parsed command (to tell flags that were typed), or null (then every mapped flag is named) */
    SpecBuilder(List<SpecOptions> groups, CommandSpec command) {
        this.groups = groups;
        this.command = command;
    }

    /** The file's envelope (or an empty one) with the flags applied to its benchmark; not yet validated. */
    ConfigEnvelope build(Path configFile) {
        loaded = configFile == null ? null : new ConfigLoader().load(configFile);
        ConfigEnvelope env = loaded == null ? new ConfigEnvelope() : loaded.envelope();
        BenchmarkSpec spec = env.benchmark();
        for (SpecOptions g : groups) g.applyTo(spec);
        return env;
    }

    /** The file read by {@link #build}, or null. */
    LoadedConfig loaded() {
        return loaded;
    }

    /** Throws BadInputException for the first violation. */
    void validate(BenchmarkSpec spec) {
        List<Violation> violations = SpecValidator.validate(spec);
        if (!violations.isEmpty()) throw new BadInputException(describe(violations.get(0)));
    }

    /** "--concurrency (phases[1].concurrency): ...", "file.yaml:12:5: phases[1].concurrency: ..." or the bare path. */
    String describe(Violation v) {
        String flag = flagFor(v.path());
        boolean typed = flag != null && typed(flag);
        String where = loaded == null || typed ? null : loaded.locate(v.path());
        if (where != null) return where + ": " + v;
        return flag == null ? v.toString() : flag + " (" + v.path() + "): " + v.message();
    }

    private String flagFor(String path) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (SpecOptions g : groups) flags.putAll(g.flagsByField());
        String generic = path.replaceAll("\\[\\d+]", "[*]");
        String flag = flags.get(generic);
        if (flag == null) {
            int dot = generic.lastIndexOf('.');
            if (dot > 0) flag = flags.get(generic.substring(0, dot) + ".*");
        }
        return flag;
    }

    /** Whether any of the names in "-m/--model" was on the command line. */
    private boolean typed(String flag) {
        if (command == null || command.commandLine() == null || command.commandLine().getParseResult() == null) return true;
        for (String name : flag.split("/")) {
            if (command.commandLine().getParseResult().hasMatchedOption(name)) return true;
        }
        return false;
    }
}
