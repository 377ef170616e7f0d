package dev.redline.runner.cli;

import dev.redline.runner.BadInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --variant "[name:] key=value, key=value"}: one scenario run. Keys are flags of the allowlist
 * without their dashes, kebab-case or snake_case ({@code isl}, {@code request-rate}, {@code request_count}).
 */
final class VariantParser {
    private VariantParser() { }

    static Map<String, Object> parse(String text, CommandSpec spec) {
        String body = text.trim();
        Map<String, Object> run = new LinkedHashMap<>();
        int colon = body.indexOf(':');
        int eq = body.indexOf('=');
        if (colon > 0 && (eq < 0 || colon < eq)) {
            String name = body.substring(0, colon).trim();
            if (name.isEmpty()) throw bad(text, "the name before ':' is empty");
            run.put("name", name);
            body = body.substring(colon + 1);
        }
        for (String pair : body.split(",")) {
            String p = pair.trim();
            if (p.isEmpty()) continue;
            int at = p.indexOf('=');
            if (at <= 0 || at == p.length() - 1) throw bad(text, "'" + p + "' is not key=value");
            String key = p.substring(0, at).trim();
            String value = p.substring(at + 1).trim();
            String flag = "--" + key.replace('_', '-');
            OptionSpec o = spec.findOption(flag);
            String sweepable = o == null ? null : MagicLists.sweepableName(o);
            if (sweepable == null) {
                throw bad(text, "'" + key + "' is not a flag a variant can set; use " + MagicLists.ALLOWLIST.replace("--", ""));
            }
            run.put(MagicLists.SWEEPABLE.get(sweepable), number(text, key, value, o.type()));
        }
        if (run.size() == (run.containsKey("name") ? 1 : 0)) throw bad(text, "it sets nothing; give key=value pairs");
        return run;
    }

    private static Object number(String text, String key, String value, Class<?> type) {
        try {
            if (type == Integer.class) return Integer.parseInt(value);
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw bad(text, key + "=" + value + " is not a " + (type == Integer.class ? "whole number" : "finite number"));
        }
    }

    private static BadInputException bad(String text, String why) {
        return new BadInputException("--variant '" + text + "': " + why + "; write e.g. --variant 'small: isl=128, osl=64'");
    }
}
