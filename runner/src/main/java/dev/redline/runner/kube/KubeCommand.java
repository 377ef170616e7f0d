package dev.redline.runner.kube;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code redline kube ...}: AIPerf's Kubernetes mode. The resources are Redline's own (Benchmark, Sweep, Search of
 * redline.dev), reconciled by the Redline operator; these commands write, submit, follow and fetch them.
 */
@Command(name = "kube", mixinStandardHelpOptions = true,
        description = "Kubernetes mode: write, submit, follow and fetch Benchmark, Sweep and Search resources.",
        subcommands = {KubeInitCommand.class, KubeValidateCommand.class, KubeShowCommand.class, KubeGenerateCommand.class,
                KubeProfileCommand.class, KubeSweepCommand.class, KubeListCommand.class, KubeResultsCommand.class, KubeLogsCommand.class,
                KubeAttachCommand.class, KubeCancelCommand.class, KubeDeleteCommand.class, KubeCleanupCommand.class, KubePreflightCommand.class,
                KubeDebugCommand.class, KubeNotOffered.Shutdown.class, KubeNotOffered.Dashboard.class})
public class KubeCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
