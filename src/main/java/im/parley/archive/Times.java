package im.parley.archive;

import java.time.Instant;

/** Instants as the archive stores them: nanoseconds since the epoch in one INTEGER column. */
final class Times {

    private Times() {
    }

    static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
