package dev.redline.plan;

import java.util.List;
import java.util.OptionalInt;

/**
 * Decides what an experiment runs next from what it has seen: the one iteration API of sweeps and
 * searches, driven the same way by the CLI ({@code ExperimentRun}) and by the operator. A sweep is a
 * planner with a fixed list ({@link FixedPlanner}); an adaptive search proposes from the finished
 * observations. Implementations are pure and keep no state that the history does not hold, so a
 * restarted driver (an operator restart) resumes by replaying the history.
 */
public interface Planner {
    /**
     * The next step given the finished variations (in the order they finished) and those still running.
     * A proposed variation's index must differ from every finished and running one.
     */
    Step next(List<Observation> finished, List<Variation> running);

    /** {@link #next(List, List)} with nothing running (a sequential driver). */
    default Step next(List<Observation> finished) {
        return next(finished, List.of());
    }

    /** How many variations at most this planner will propose, when known (for "cell 3/12" progress). */
    default OptionalInt budget() {
        return OptionalInt.empty();
    }
}
