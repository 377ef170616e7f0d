package dev.redline.runner.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/cli.md stays true: every option of every subcommand (and of their subcommands) is documented there. */
class CliDocsTest {
    @Test
    void everyOptionIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("../docs/cli.md"));
        List<String> missing = new ArrayList<>();
        check(RedlineCli.commandLine(), "redline", doc, missing);
        assertEquals(List.of(), missing, "document these in docs/cli.md");
    }

    private static void check(CommandLine parent, String prefix, String doc, List<String> missing) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            String name = prefix + " " + sub.getCommandName();
            if (sub.getCommandName().equals("help") || sub.getCommandSpec().usageMessage().hidden()) continue; // internal commands
            if (!doc.contains(name)) missing.add("command " + name);
            for (CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                if (!doc.contains(o.longestName())) missing.add(name + " " + o.longestName());
            }
            check(sub, name, doc, missing);
        }
    }

    @Test
    void everyHelpRendersWithoutPicocliWarnings() {
        // a bare % in a description is a format error: picocli prints a WARN line and the raw text
        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        List<CommandLine> commands = new ArrayList<>(RedlineCli.commandLine().getSubcommands().values());
        for (int i = 0; i < commands.size(); i++) commands.addAll(commands.get(i).getSubcommands().values());
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (CommandLine sub : commands) sub.getUsageMessage();
        } finally {
            System.setErr(err);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }
}
