package im.parley.bench;

/** What one column of a row holds: measured samples, or why there are none. */
sealed interface Outcome {

    record Measured(Samples samples) implements Outcome {
    }

    record Missing(String reason) implements Outcome {
    }
}
