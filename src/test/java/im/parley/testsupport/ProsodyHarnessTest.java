package im.parley.testsupport;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parts of the Prosody harness that need no running server. */
class ProsodyHarnessTest {

    @Test
    void namesAreEncodedLikeProsodysDatamanager() {
        assertThat(InternalStorage.encode("conference.localhost", false)).isEqualTo("conference%2elocalhost");
        assertThat(InternalStorage.encode("bob-1_x", false)).isEqualTo("bob%2d1%5fx");
        assertThat(InternalStorage.encode("zoë", false)).isEqualTo("zo%c3%ab");
        assertThat(InternalStorage.encode("muc_log", true)).isEqualTo("muc_log");
        assertThat(InternalStorage.file(Path.of("/d"), "localhost", "roster", "a.b"))
                .isEqualTo(Path.of("/d/localhost/roster/a%2eb.dat"));
    }

    @Test
    void rosterSourceIsLuaWithEscapedStrings() {
        String lua = InternalStorage.rosterSource(List.of(
                new RosterSeed("Bob@LocalHost", "Bob \"B\" \\", "Friends\n"),
                new RosterSeed("carol@localhost", null, null)));
        assertThat(lua).startsWith("return {\n\t[false] = { version = 1; pending = {}; };\n")
                .contains("[\"bob@localhost\"] = { subscription = \"both\"; name = \"Bob \\\"B\\\" \\\\\"; "
                        + "groups = { [\"Friends\\010\"] = true; }; };")
                .contains("[\"carol@localhost\"] = { subscription = \"both\"; groups = { }; };")
                .endsWith("};\n");
    }

    @Test
    void aFullJidIsNoRosterItem() {
        assertThatThrownBy(() -> new RosterSeed("bob@localhost/phone", "Bob", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingProsodyIsAnErrorWithTheInstallCommand() {
        assertThatThrownBy(() -> ProsodyInstallation.locate(List.of(Path.of("/nonexistent-" + System.nanoTime()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Prosody is not installed. Install it with: sudo apt-get install -y prosody lua-dbi-sqlite3");
    }
}
