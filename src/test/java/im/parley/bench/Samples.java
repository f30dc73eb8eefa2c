package im.parley.bench;

import java.time.Duration;
import java.util.List;

/** The measured durations of one side of a scenario, in run order. */
record Samples(List<Duration> values) {

    Samples {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No samples");
        }
    }

    Duration median() {
        List<Duration> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    int count() {
        return values.size();
    }

    double medianMillis() {
        return median().toNanos() / 1e6;
    }

    @Override
    public String toString() {
        return values.stream().map(d -> Long.toString(d.toMillis())).toList() + " ms";
    }
}
