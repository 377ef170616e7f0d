package dev.redline.runner.cli;

import dev.redline.api.config.SpecException;
import dev.redline.runner.cluster.RunCommand;
import dev.redline.runner.compare.CompareCommand;
import dev.redline.runner.distributed.AgentCommand;
import dev.redline.runner.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** The {@code redline} command: subcommands, and the one place errors become exit codes. */
@Command(name = "redline", mixinStandardHelpOptions = true, versionProvider = RedlineVersion.class,
        description = "Performance benchmarking for LLM and GenAI inference servers.",
        subcommands = {ProfileCommand.class, PlotCommand.class, ConfigCommand.class, MockServerCommand.class, CalibrateCommand.class, SynthesizeCommand.class,
                AnalyzeTraceCommand.class, ValidateCommand.class, ChatCommand.class, dev.redline.runner.kube.KubeCommand.class, CompareCommand.class, dev.redline.runner.speedbench.SpeedBenchReportCommand.class, PluginsCommand.class, RunCommand.class, AgentCommand.class, CommandLine.HelpCommand.class})
public class RedlineCli implements Runnable {
    /** Exit code for input the user can fix. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        int code = execute(args);
        // After Ctrl-C the JVM is already shutting down and waits for this thread; System.exit would block.
        if (!dev.redline.runner.profile.InterruptOnShutdown.inProgress()) System.exit(code);
    }

    /** Runs the CLI and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RedlineCli());
        cl.setParameterExceptionHandler(RedlineCli::badParameter);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failed(ex, cmd));
        // a multi-value option (--url A B, --gpu-telemetry ...) must not swallow an option it does not know, or an
        // AIPerf option Redline refuses would be read as a URL instead of being refused with its reason
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        return cl;
    }

    private static int badParameter(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        String message = ex.getMessage();
        // an AIPerf option Redline refuses says why, whether picocli saw it unmatched or as a missing option value
        List<String> tokens = new java.util.ArrayList<>();
        if (ex instanceof CommandLine.UnmatchedArgumentException u) tokens.addAll(u.getUnmatched());
        tokens.addAll(List.of(args)); // picocli may report it as a missing value of the option before it (--url A --x)
        String aiperf = UnknownOptions.aiperfReason(ex.getCommandLine(), tokens);
        if (aiperf != null) {
            err.println("redline: " + oneLine(aiperf));
            return BAD_INPUT;
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> near = UnknownOptions.suggestions(unmatched);
            if (!near.isEmpty()) message += " (did you mean " + String.join(" or ", near) + "?)";
        }
        err.println("redline: " + oneLine(message) + "; see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
        return BAD_INPUT;
    }

    private static int failed(Exception ex, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BadInputException || t instanceof SpecException) {
                err.println("redline: " + oneLine(t.getMessage()));
                return BAD_INPUT;
            }
        }
        err.println("redline: internal error: " + oneLine(String.valueOf(ex)) + " (run with -v for the stack trace)");
        if (Boolean.getBoolean("redline.verbose")) ex.printStackTrace(err);
        return 1;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
