package im.parley.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Warm-up runs, then measured runs of two measurements in alternation (swapping which goes first every round), so
 * that drift in the load of a shared machine hits both sides alike. A pause lets the server settle between runs.
 */
record Interleaved(int warmups, int runs, Duration pause) {

    Comparison compare(Measurement figure, Measurement reference) throws Exception {
        for (int i = 0; i < warmups; i++) {
            take(reference);
            take(figure);
        }
        List<Duration> figures = new ArrayList<>();
        List<Duration> references = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            if (i % 2 == 0) {
                references.add(take(reference));
                figures.add(take(figure));
            } else {
                figures.add(take(figure));
                references.add(take(reference));
            }
        }
        return new Comparison(new Samples(figures), new Samples(references));
    }

    Samples alone(Measurement measurement) throws Exception {
        for (int i = 0; i < warmups; i++) {
            take(measurement);
        }
        List<Duration> values = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            values.add(take(measurement));
        }
        return new Samples(values);
    }

    private Duration take(Measurement measurement) throws Exception {
        Duration value = measurement.measure();
        Thread.sleep(pause);
        return value;
    }
}
