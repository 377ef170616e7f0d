package dev.redline.operator.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Skips the k3s suite where no Docker engine runs, and says so in the build output (not only in reports). */
final class DockerRequired implements ExecutionCondition {
    private static volatile Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (available == null) available = DockerClientFactory.instance().isDockerAvailable();
        if (available) return ConditionEvaluationResult.enabled("Docker engine found");
        String reason = "k3s end-to-end suite skipped: no Docker engine on this machine (Testcontainers needs one to run k3s)";
        System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
