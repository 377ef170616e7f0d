package dev.redline.runner.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line as typed, for {@code run_info.cli_command}, with secrets (API keys, auth headers, URL user info) redacted. */
final class CliCommand {
    private CliCommand() { }

    static String of(CommandSpec spec) {
        List<String> args = spec.commandLine() == null || spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        List<String> out = new ArrayList<>(List.of("redline")); // the original arguments start with the subcommand
        boolean redactNext = false;
        for (String a : args) {
            String lower = a.toLowerCase(Locale.ROOT);
            if (redactNext) {
                out.add("<redacted>");
                redactNext = false;
            } else if (lower.startsWith("--api-key=")) {
                out.add("--api-key=<redacted>");
            } else if (lower.equals("--api-key")) {
                out.add(a);
                redactNext = true;
            } else if (lower.contains("authorization") || lower.contains("api-key:") || lower.contains("token:")) {
                out.add("<redacted>");
            } else {
                a = dev.redline.runner.mlflow.UserInfo.redact(a); // http://user:password@host (e.g. a tracking URI)
                out.add(a.contains(" ") ? "'" + a + "'" : a);
            }
        }
        return String.join(" ", out);
    }
}
