package dev.redline.runner.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/cli.md stays true: every option of every subcommand is documented there. */
class CliDocsTest {
    @Test
    void everyOptionIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("../docs/cli.md"));
        List<String> missing = new ArrayList<>();
        List<CommandLine> commands = new ArrayList<>(RedlineCli.commandLine().getSubcommands().values());
        for (int i = 0; i < commands.size(); i++) commands.addAll(commands.get(i).getSubcommands().values()); // nested: config expand
        for (CommandLine sub : commands) {
            String name = sub.getCommandSpec().qualifiedName().replaceFirst("^redline ", "");
            if (name.equals("help") || sub.getCommandSpec().usageMessage().hidden()) continue; // internal commands
            if (!doc.contains("redline " + name)) missing.add("command " + name);
            for (CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                if (!doc.contains(o.longestName())) missing.add(name + " " + o.longestName());
            }
        }
        assertEquals(List.of(), missing, "document these in docs/cli.md");
    }
}
