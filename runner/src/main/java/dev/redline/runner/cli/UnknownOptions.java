package dev.redline.runner.cli;

import dev.redline.api.validate.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to say about an option the command does not know: an AIPerf option Redline refuses gets AIPerf's name and
 * the reason; anything else the nearest Redline option names (picocli's) and the nearest AIPerf names.
 */
final class UnknownOptions {
    private static final String DOC = "; see docs/migrating-from-aiperf.md";

    private UnknownOptions() { }

    /**
     * "--otel-url: AIPerf's option is not accepted by redline profile: ..." for the first of {@code tokens} that is an
     * AIPerf option Redline refuses and not an option of {@code cmd}, else null.
     */
    static String aiperfReason(CommandLine cmd, List<String> tokens) {
        if (!cmd.getCommandName().equals("profile")) return null; // the catalogue is aiperf profile's
        for (String token : tokens) {
            String name = optionName(token);
            if (name == null || cmd.getCommandSpec().findOption(name) != null) continue;
            AiperfOptions.Entry e = AiperfOptions.find(name);
            if (e != null && !e.supported()) {
                return name + ": AIPerf's option is not accepted by redline " + cmd.getCommandName() + ": " + e.reason() + DOC;
            }
        }
        return null;
    }

    /** The nearest name among this command's options, the nearest AIPerf name, then picocli's; at most three. */
    static List<String> suggestions(CommandLine.UnmatchedArgumentException ex) {
        Set<String> out = new LinkedHashSet<>();
        String name = ex.getUnmatched().isEmpty() ? null : optionName(ex.getUnmatched().get(0));
        if (name != null) {
            List<String> known = new ArrayList<>();
            for (OptionSpec o : ex.getCommandLine().getCommandSpec().options()) known.addAll(List.of(o.names()));
            String ours = Suggestions.nearest(name, known);
            if (ours != null) out.add(ours);
            List<String> theirs = new ArrayList<>();
            for (AiperfOptions.Entry e : AiperfOptions.all()) theirs.addAll(e.names());
            String aiperf = Suggestions.nearest(name, theirs);
            if (aiperf != null && !out.contains(aiperf)) out.add(aiperf + (known.contains(aiperf) ? "" : " (AIPerf)"));
        }
        out.addAll(ex.getSuggestions());
        List<String> list = new ArrayList<>(out);
        return list.subList(0, Math.min(3, list.size()));
    }

    /** The option name of a token ("--x=1" -> "--x"), or null when it is not an option. */
    private static String optionName(String token) {
        if (!token.startsWith("-") || token.length() < 2) return null;
        int eq = token.indexOf('=');
        return eq > 0 ? token.substring(0, eq) : token;
    }
}
