package dev.redline.operator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds {@link OperatorSettings} from Quarkus configuration, so the reconciler itself stays plain Java. */
@ApplicationScoped
public class OperatorSettingsProducer {
    @ConfigProperty(name = "redline.operator.runner-image", defaultValue = OperatorSettings.DEFAULT_RUNNER_IMAGE)
    String runnerImage;
    @ConfigProperty(name = "redline.operator.deadline-margin-seconds", defaultValue = "300")
    long deadlineMarginSeconds;
    @ConfigProperty(name = "redline.operator.unbounded-phase-seconds", defaultValue = "3600")
    long unboundedPhaseSeconds;
    @ConfigProperty(name = "redline.operator.results-grace-seconds", defaultValue = "30")
    long resultsGraceSeconds;

    @Produces
    @Singleton
    OperatorSettings settings() {
        return new OperatorSettings(runnerImage, deadlineMarginSeconds, unboundedPhaseSeconds, resultsGraceSeconds);
    }
}
