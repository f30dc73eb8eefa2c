package im.parley.bench;

/**
 * "cold start to login window": Parley's launcher against {@link BareJavaFxWindow}, or the reference alone while
 * the app is not on the class path yet.
 */
record ColdStartBenchmark(ColdStart coldStart, Interleaved plan) {

    static final String APP_LAUNCHER = "im.parley.app.Launcher";
    static final String SCENARIO = "cold start to login window";
    static final String NO_APP = "n/a (no app yet)";

    Row run(ClassLoader classPath) throws Exception {
        String reference = BareJavaFxWindow.class.getName();
        if (classPath.getResource(APP_LAUNCHER.replace('.', '/') + ".class") == null) {
            Samples alone = plan.alone(() -> coldStart.measure(reference));
            return row(new Outcome.Missing(NO_APP), new Outcome.Measured(alone));
        }
        Comparison comparison = plan.compare(() -> coldStart.measure(APP_LAUNCHER), () -> coldStart.measure(reference));
        return row(new Outcome.Measured(comparison.figure()), new Outcome.Measured(comparison.reference()));
    }

    private static Row row(Outcome figure, Outcome reference) {
        return new Row(SCENARIO, figure, reference, "bare JavaFX window", java.util.OptionalDouble.empty());
    }
}
