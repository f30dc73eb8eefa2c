package im.parley.bench;

import java.time.Duration;

/** One timed run of a scenario. */
@FunctionalInterface
interface Measurement {

    Duration measure() throws Exception;
}
