package im.parley.bench;

import im.parley.testsupport.ProsodyServer;
import im.parley.testsupport.TestAccount;

import java.time.Duration;

/**
 * One way of getting from "not connected" to "the whole roster is there" for an account whose roster the server
 * already holds. Implementations time only that stretch and clean up after themselves.
 */
interface RosterScenario {

    // Besides BareSmackRoster and ParleyServicesRoster, a UI-rendered variant (real JavaFX roster view filled) is to be added.

    /** @throws IllegalStateException if fewer or more than {@code expectedContacts} arrived */
    Duration loginAndLoadRoster(ProsodyServer server, TestAccount account, int expectedContacts) throws Exception;

    static void check(int expectedContacts, int loaded) {
        if (loaded != expectedContacts) {
            throw new IllegalStateException("Loaded " + loaded + " contacts, expected " + expectedContacts);
        }
    }
}
