package im.parley.bench;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One line of the table.
 *
 * @param referenceName what the floor or reference is ("bare Smack", "bare JavaFX window")
 * @param goal          the highest acceptable ratio, if one is set
 */
record Row(String scenario, Outcome figure, Outcome reference, String referenceName, OptionalDouble goal) {

    static Row failed(String scenario, String referenceName, OptionalDouble goal, Exception cause) {
        Outcome failure = new Outcome.Missing("failed: " + cause.getClass().getSimpleName());
        return new Row(scenario, failure, failure, referenceName, goal);
    }

    Optional<Double> ratio() {
        if (figure instanceof Outcome.Measured(Samples f) && reference instanceof Outcome.Measured(Samples r)) {
            return Optional.of(f.medianMillis() / r.medianMillis());
        }
        return Optional.empty();
    }
}
