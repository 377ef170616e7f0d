package dev.redline.runner.kube;

import dev.redline.runner.cli.MagicLists;
import dev.redline.runner.cli.ProfileCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;

/**
 * AIPerf's keyed form of its map flags (cyclopts dict options): {@code --labels.KEY VALUE} or {@code --labels.KEY=VALUE}
 * means {@code --labels KEY=VALUE}. picocli has no such form, so before it parses a kube command each keyed argument is
 * taken out and kept here, and the flag's {@code KEY=VALUE} entries are merged with them. Kept apart rather than
 * rewritten to {@code --labels KEY=VALUE}: that flag splits at commas, and a keyed value keeps its commas as in AIPerf.
 * Everything after the first dot is the key, so {@code --labels.app.example.com/team x} keeps its dotted key (cyclopts
 * would nest it). An argument naming no map flag of the command is left for picocli, which suggests the near names.
 */
public final class DottedMaps {
    /** AIPerf's dict-typed kube flags, plus {@code --node-selector} (AIPerf refuses its keyed form; accepting it costs nothing). */
    static final List<String> FLAGS = List.of("--labels", "--annotations", "--env-vars", "--env-from-secrets", "--node-selector");

    /** A command (or a mixin of one) whose map flags take the keyed form. */
    public interface Holder {
        DottedMaps dotted();
    }

    private final Map<String, Map<String, String>> entries = new LinkedHashMap<>();

    /** The keyed entries of {@code flag}, in the order given (a later key wins). */
    Map<String, String> of(String flag) {
        return entries.getOrDefault(flag, Map.of());
    }

    /** Takes the keyed arguments of the flags {@code spec} has out of {@code args}; ParameterException for a keyless or valueless one. */
    static List<String> extract(List<String> args, CommandSpec spec, DottedMaps into) {
        into.entries.clear();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                out.addAll(args.subList(i, args.size()));
                break;
            }
            String flag = flagOf(a, spec);
            if (flag == null) {
                out.add(a);
                continue;
            }
            String rest = a.substring(flag.length() + 1);
            int eq = rest.indexOf('=');
            String key = eq < 0 ? rest : rest.substring(0, eq);
            String example = example(flag);
            if (key.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), a + ": no key after the dot; give " + flag + "." + example
                        + " or " + flag + " " + example.replace(' ', '='));
            }
            String value;
            if (eq >= 0) {
                value = rest.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), a + ": no value; give " + a + " VALUE (or " + a + "=VALUE)");
            }
            into.entries.computeIfAbsent(flag, f -> new LinkedHashMap<>()).put(key, value);
        }
        return out;
    }

    /** The map flag {@code arg} is the keyed form of, when {@code spec} has that flag; else null. */
    private static String flagOf(String arg, CommandSpec spec) {
        for (String flag : FLAGS) {
            if (arg.startsWith(flag + ".") && spec.findOption(flag) != null) return flag;
        }
        return null;
    }

    private static String example(String flag) {
        return switch (flag) {
            case "--env-vars" -> "NAME value";
            case "--env-from-secrets" -> "NAME secret/key";
            default -> "KEY value";
        };
    }

    /** The holder among the command and its mixins; null when there is none. */
    private static DottedMaps holder(CommandSpec spec) {
        if (spec.userObject() instanceof Holder h) return h.dotted();
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof Holder h) return h.dotted();
        }
        return null;
    }

    /**
     * picocli hook on the kube commands with map flags: runs once when the command is matched, with every argument after
     * it on the stack (top = next); then AIPerf's magic lists on the commands that take profile flags.
     */
    public static final class Preprocessor implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec spec, ArgSpec argSpec, Map<String, Object> info) {
            DottedMaps into = holder(spec);
            if (into != null) {
                List<String> inOrder = new ArrayList<>(args);
                Collections.reverse(inOrder);
                List<String> rewritten = extract(inOrder, spec, into);
                args.clear();
                for (int i = rewritten.size() - 1; i >= 0; i--) args.push(rewritten.get(i));
            }
            if (spec.userObject() instanceof ProfileCommand) return new MagicLists.Preprocessor().preprocess(args, spec, argSpec, info);
            return false; // picocli goes on parsing the rewritten arguments
        }
    }
}
