package dev.redline.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;

/**
 * AIPerf's magic lists: {@code --concurrency 1,10,100} (and the other flags of its allowlist) turns the
 * run into a sweep over those values. Before picocli parses {@code redline profile}, each list is taken
 * out of the arguments (the flag keeps its first value, so the base spec parses as usual) and kept here
 * with the dot-path it sweeps. A list on any other numeric flag is bad input.
 */
public final class MagicLists {
    /** AIPerf's allowlist: flag (any alias) to the field it sweeps. */
    static final Map<String, String> SWEEPABLE = Map.ofEntries(
            Map.entry("--concurrency", "phases.profiling.concurrency"),
            Map.entry("--request-rate", "phases.profiling.rate"),
            Map.entry("--isl", "dataset.prompts.isl.mean"),
            Map.entry("--osl", "dataset.prompts.osl.mean"),
            Map.entry("--isl-stddev", "dataset.prompts.isl.stddev"),
            Map.entry("--osl-stddev", "dataset.prompts.osl.stddev"),
            Map.entry("--request-count", "phases.profiling.requests"),
            Map.entry("--benchmark-duration", "phases.profiling.duration"),
            Map.entry("--num-users", "phases.profiling.users"),
            Map.entry("--num-conversations", "phases.profiling.sessions"),
            Map.entry("--prefill-concurrency", "phases.profiling.prefill_concurrency"),
            Map.entry("--conversation-turn-mean", "sessions.turns_mean"));
    /** The allowlist as AIPerf documents it, for messages. */
    static final String ALLOWLIST = "--concurrency, --request-rate, --isl, --osl, --isl-stddev, --osl-stddev, --request-count, "
            + "--benchmark-duration, --num-users, --num-conversations, --prefill-concurrency, --conversation-turn-mean";

    private final Map<String, List<Object>> lists = new LinkedHashMap<>();

    /** Flag (as in {@link #SWEEPABLE}) to its values, in the order given. */
    public Map<String, List<Object>> lists() { return Collections.unmodifiableMap(lists); }

    public boolean isEmpty() { return lists.isEmpty(); }

    /** The allowlisted name of an option (null when it is not sweepable). */
    static String sweepableName(OptionSpec o) {
        for (String n : o.names()) if (SWEEPABLE.containsKey(n)) return n;
        return null;
    }

    /** Takes the lists out of {@code args} (first argument first); ParameterException for a list where none is allowed. */
    static List<String> extract(List<String> args, CommandSpec spec, MagicLists into) {
        List<String> out = new ArrayList<>(args);
        for (int i = 0; i < out.size(); i++) {
            String a = out.get(i);
            if (a.equals("--")) break;
            if (!a.startsWith("--")) continue;
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            OptionSpec o = spec.findOption(name);
            if (o == null || o.arity().max() == 0) continue;
            int at = eq > 0 ? i : i + 1;
            if (at >= out.size()) continue;
            String value = eq > 0 ? a.substring(eq + 1) : out.get(at);
            if (!value.contains(",")) continue;
            String sweepable = sweepableName(o);
            if (sweepable == null) {
                if (isNumeric(o.type())) {
                    throw new CommandLine.ParameterException(spec.commandLine(), name + ": '" + value
                            + "' is a list, but only these flags sweep a list of values: " + ALLOWLIST + "; give " + name + " one value");
                }
                continue;
            }
            List<Object> values = parse(name, value, o.type(), spec);
            into.lists.put(sweepable, values);
            String first = String.valueOf(value.split(",")[0].trim());
            out.set(at, eq > 0 ? name + "=" + first : first);
        }
        return out;
    }

    private static boolean isNumeric(Class<?> t) {
        return t == Integer.class || t == int.class || t == Long.class || t == long.class || t == Double.class || t == double.class;
    }

    private static List<Object> parse(String flag, String value, Class<?> type, CommandSpec spec) {
        List<Object> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String p = part.trim();
            try {
                if (p.isEmpty()) throw new NumberFormatException("empty");
                if (type == Integer.class || type == int.class) out.add(Integer.parseInt(p));
                else if (type == Long.class || type == long.class) out.add(Long.parseLong(p));
                else {
                    double d = Double.parseDouble(p);
                    if (!Double.isFinite(d)) throw new NumberFormatException("not finite");
                    out.add(d);
                }
            } catch (NumberFormatException e) {
                String kind = type == Integer.class || type == Long.class ? "whole numbers" : "finite numbers";
                throw new CommandLine.ParameterException(spec.commandLine(), flag + ": '" + p + "' in '" + value
                        + "' is not a number; give comma-separated " + kind + ", e.g. " + flag + " 1,8,64");
            }
        }
        return out;
    }

    /**
     * picocli hook on {@code redline profile}: runs once when the command is matched, with every argument
     * after it on the stack (top = next).
     */
    public static final class Preprocessor implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec spec, ArgSpec argSpec, Map<String, Object> info) {
            if (!(spec.userObject() instanceof ProfileCommand command)) return false;
            List<String> inOrder = new ArrayList<>(args);
            Collections.reverse(inOrder);
            List<String> rewritten = extract(inOrder, spec, command.experiment.lists);
            args.clear();
            for (int i = rewritten.size() - 1; i >= 0; i--) args.push(rewritten.get(i));
            return false; // picocli goes on parsing the rewritten arguments
        }
    }
}
