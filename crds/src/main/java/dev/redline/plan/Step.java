package dev.redline.plan;

/** A planner's answer: run this variation, wait for a running one to finish, or stop (and why). */
public sealed interface Step permits Step.Run, Step.Wait, Step.Done {
    /** Run {@code variation} next. Its index is unique within the experiment. */
    record Run(Variation variation) implements Step { }

    /** Nothing new until one of the running variations finishes (a sequential planner with one in flight). */
    record Wait() implements Step { }

    /** The experiment is over; {@code reason} is recorded (e.g. {@code all_variations_run}, {@code max_iterations}). */
    record Done(String reason) implements Step { }

    static Step run(Variation variation) { return new Run(variation); }

    static Step await() { return new Wait(); }

    static Step done(String reason) { return new Done(reason); }
}
