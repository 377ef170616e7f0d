package dev.redline.runner.kube;

import dev.redline.runner.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * AIPerf's kube subcommands that have nothing to act on in Redline: refused with the reason and what to use instead,
 * rather than "unmatched argument". Hidden from help; any arguments are accepted so AIPerf's command line gets the reason.
 */
abstract class KubeNotOffered implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true) List<String> args;
    @Unmatched List<String> unmatched;

    abstract String reason();

    @Override
    public Integer call() {
        throw new BadInputException(reason());
    }

    @Command(name = "shutdown", hidden = true)
    static final class Shutdown extends KubeNotOffered {
        @Override
        String reason() {
            return "kube shutdown: Redline has no controller pod that stays up after the run (the runner pods exit and the "
                    + "results are in the CR status and its results ConfigMap); use redline kube results, or kube delete to remove it";
        }
    }

    @Command(name = "dashboard", hidden = true)
    static final class Dashboard extends KubeNotOffered {
        @Override
        String reason() {
            return "kube dashboard: Redline has no results server in the cluster; fetch the results with redline kube results NAME "
                    + "and open the run's dashboard.html (redline plot), or watch with redline kube attach NAME";
        }
    }
}
