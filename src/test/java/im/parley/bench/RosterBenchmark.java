package im.parley.bench;

import im.parley.testsupport.ProsodyServer;
import im.parley.testsupport.RosterSeed;
import im.parley.testsupport.TestAccount;

import java.util.Locale;

/** "login → roster loaded" for a fresh account holding {@code contacts} contacts: Parley against bare Smack. */
record RosterBenchmark(int contacts, Interleaved plan, String what) {

    String scenario() {
        return String.format(Locale.ROOT, "login → roster %s, %,d contacts", what, contacts);
    }

    Comparison run(ProsodyServer server, RosterScenario parley, RosterScenario floor) throws Exception {
        TestAccount owner = server.newAccount("bench-" + contacts);
        server.seedRoster(owner, RosterSeed.numbered(contacts, "Bench"));
        return plan.compare(() -> parley.loginAndLoadRoster(server, owner, contacts),
                () -> floor.loginAndLoadRoster(server, owner, contacts));
    }
}
