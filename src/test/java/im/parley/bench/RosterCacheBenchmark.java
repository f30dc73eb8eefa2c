package im.parley.bench;

import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.testsupport.FileTrees;
import im.parley.testsupport.ProsodyServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Login → roster loaded through Parley's services with the archive's roster cache (XEP-0237 versioning), empty
 * (a full fetch, then written to the encrypted archive) and current (the server sends nothing), next to the same
 * services without a cache and to bare Smack, in one run. Not a test.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=im.parley.bench.RosterCacheBenchmark</pre>
 */
public final class RosterCacheBenchmark {

    private static final List<Integer> SIZES = List.of(500, 5_000);
    private static final OptionalDouble GOAL = OptionalDouble.of(1.3);
    private static final Interleaved PLAN = new Interleaved(3, 7, Duration.ofMillis(250));

    private RosterCacheBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SmackWarnings warnings = SmackWarnings.install();
        Path work = Files.createTempDirectory("parley-roster-cache-bench-");
        byte[] key = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(key);
        List<Row> rows = new ArrayList<>();
        try (EncryptedDatabase archive = EncryptedDatabase.open(work.resolve("archive.db"), new ArchiveKey(key));
             ProsodyServer server = ProsodyServer.startNew()) {
            RosterScenario floor = new BareSmackRoster();
            for (int contacts : SIZES) {
                for (ParleyServicesRoster.Cache cache : ParleyServicesRoster.Cache.values()) {
                    RosterBenchmark benchmark = new RosterBenchmark(contacts, PLAN,
                            "loaded (services, roster cache " + cache.name().toLowerCase(java.util.Locale.ROOT) + ")");
                    Comparison result = benchmark.run(server, new ParleyServicesRoster(work, cache, archive), floor);
                    rows.add(new Row(benchmark.scenario(), new Outcome.Measured(result.figure()),
                            new Outcome.Measured(result.reference()), "bare Smack", GOAL));
                }
            }
        } finally {
            FileTrees.delete(work);
        }
        System.out.println();
        System.out.print(ResultTable.render(rows));
        System.out.println(warnings.summary());
    }
}
