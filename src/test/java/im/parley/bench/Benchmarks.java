package im.parley.bench;

import im.parley.testsupport.FileTrees;
import im.parley.testsupport.ProsodyServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Parley's performance figures next to their floors, measured in one run on this machine and printed as one
 * table. Not a test: everything runs on loopback against a throwaway Prosody, with bounded counts and timeouts.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=im.parley.bench.Benchmarks</pre>
 */
public final class Benchmarks {

    private static final Logger LOG = LoggerFactory.getLogger(Benchmarks.class);
    private static final List<Integer> ROSTER_SIZES = List.of(500, 5_000);
    private static final OptionalDouble ROSTER_GOAL = OptionalDouble.of(1.3);
    private static final Interleaved ROSTER_PLAN = new Interleaved(3, 7, Duration.ofMillis(250));
    private static final Interleaved COLD_START_PLAN = new Interleaved(1, 7, Duration.ofMillis(250));
    private static final Duration COLD_START_TIMEOUT = Duration.ofSeconds(60);

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        SmackWarnings smackWarnings = SmackWarnings.install();
        List<Row> rows = new ArrayList<>();
        Path work = Files.createTempDirectory("parley-bench-");
        try {
            rows.addAll(rosterRows(work));
            rows.add(coldStartRow());
        } finally {
            FileTrees.delete(work);
        }
        LOG.info("Smack's java.util.logging records during the runs (not printed): {}", smackWarnings.summary());
        LOG.info("Benchmarks took {} s", Duration.ofNanos(System.nanoTime() - begin).toSeconds());
        javafx.application.Platform.exit();
        System.out.println();
        System.out.print(ResultTable.render(rows));
    }

    private static List<Row> rosterRows(Path work) {
        RosterScenario services = new ParleyServicesRoster(work);
        RosterScenario rendered = new ParleyRenderedRoster(work);
        RosterScenario floor = new BareSmackRoster();
        RosterScenario plainList = new BareSmackRoster(new PlainListPresenter());
        List<Row> rows = new ArrayList<>();
        try (ProsodyServer server = ProsodyServer.startNew()) {
            for (int contacts : ROSTER_SIZES) {
                rows.add(rosterRow(server, new RosterBenchmark(contacts, ROSTER_PLAN, "rendered"), rendered, floor,
                        "bare Smack"));
                rows.add(rosterRow(server, new RosterBenchmark(contacts, ROSTER_PLAN, "rendered"), rendered, plainList,
                        "bare Smack + plain ListView"));
                rows.add(rosterRow(server, new RosterBenchmark(contacts, ROSTER_PLAN, "loaded (services)"), services, floor,
                        "bare Smack"));
            }
        }
        return rows;
    }

    private static Row rosterRow(ProsodyServer server, RosterBenchmark benchmark, RosterScenario parley,
                                 RosterScenario floor, String floorName) {
        try {
            Comparison result = benchmark.run(server, parley, floor);
            LOG.info("{}: Parley {}, {} {}", benchmark.scenario(), result.figure(), floorName, result.reference());
            return new Row(benchmark.scenario(), new Outcome.Measured(result.figure()),
                    new Outcome.Measured(result.reference()), floorName, ROSTER_GOAL);
        } catch (Exception e) {
            LOG.error("{} failed", benchmark.scenario(), e);
            return Row.failed(benchmark.scenario(), floorName, ROSTER_GOAL, e);
        }
    }

    private static Row coldStartRow() {
        ClassLoader loader = Benchmarks.class.getClassLoader();
        ColdStartBenchmark benchmark = new ColdStartBenchmark(
                new ColdStart(LaunchClassPath.of(loader), COLD_START_TIMEOUT), COLD_START_PLAN);
        try {
            Row row = benchmark.run(loader);
            LOG.info("{}: {} against {}", ColdStartBenchmark.SCENARIO, row.figure(), row.reference());
            return row;
        } catch (Exception e) {
            LOG.error("{} failed", ColdStartBenchmark.SCENARIO, e);
            return Row.failed(ColdStartBenchmark.SCENARIO, "bare JavaFX window", OptionalDouble.empty(), e);
        }
    }
}
