package im.parley.archive;

import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.account.RememberedLogin;
import im.parley.service.account.ServerAddress;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Certificate pins and the remembered login inside the archive, on the real driver. */
class SqlAccountStoresTest {

    private static final Jid ALICE = Jid.parse("alice@example.org");
    private static final Jid BOB = Jid.parse("bob@example.net");
    private static final String PIN = String.join(":", Collections.nCopies(32, "0F"));

    @TempDir
    Path dir;
    private EncryptedDatabase db;
    private Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() throws Exception {
        byte[] raw = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(raw);
        db = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(raw));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void pinsArePerAccountNormalisedReplacedAndForgotten() {
        SqlCertificatePinStore pins = new SqlCertificatePinStore(db, clock);
        assertThat(pins.pinnedFingerprint(ALICE)).isEmpty();
        pins.pin(Jid.parse("alice@example.org/laptop"), PIN.toLowerCase());
        assertThat(pins.pinnedFingerprint(ALICE)).contains(PIN);
        assertThat(pins.pinnedFingerprint(BOB)).isEmpty();
        String other = String.join(":", Collections.nCopies(32, "A1"));
        pins.pin(ALICE, other);
        assertThat(pins.pinnedFingerprint(ALICE)).contains(other);
        pins.forget(ALICE);
        assertThat(pins.pinnedFingerprint(ALICE)).isEmpty();
    }

    @Test
    void aMalformedFingerprintIsRefused() {
        SqlCertificatePinStore pins = new SqlCertificatePinStore(db, clock);
        assertThatThrownBy(() -> pins.pin(ALICE, "AB:CD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pins.pin(ALICE, PIN + "'; DROP TABLE message; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(pins.pinnedFingerprint(ALICE)).isEmpty();
    }

    @Test
    void theLastRememberedLoginComesBackWithItsServerAndClearingForgetsIt() {
        SqlRememberedLoginStore remembered = new SqlRememberedLoginStore(db, clock);
        assertThat(remembered.load()).isEmpty();
        remembered.save(new RememberedLogin(ALICE, Optional.of(new ServerAddress("127.0.0.1", 5223, true))));
        assertThat(remembered.load()).contains(
                new RememberedLogin(ALICE, Optional.of(new ServerAddress("127.0.0.1", 5223, true))));
        remembered.save(new RememberedLogin(BOB, Optional.empty()));
        assertThat(remembered.load()).contains(new RememberedLogin(BOB, Optional.empty()));
        remembered.clear();
        assertThat(remembered.load()).isEmpty();
    }

    @Test
    void settingsArePerScopeReplacedAndRemoved() {
        SqlSettingsStore settings = new SqlSettingsStore(db);
        assertThat(settings.get("alice@example.org", "clear-on-logout")).isEmpty();
        settings.put("alice@example.org", "clear-on-logout", "true");
        settings.put("bob@example.net", "clear-on-logout", "false");
        settings.put("alice@example.org", "clear-on-logout", "false");
        assertThat(settings.get("alice@example.org", "clear-on-logout")).contains("false");
        assertThat(settings.get("bob@example.net", "clear-on-logout")).contains("false");
        settings.remove("alice@example.org", "clear-on-logout");
        assertThat(settings.get("alice@example.org", "clear-on-logout")).isEmpty();
        assertThat(settings.get("bob@example.net", "clear-on-logout")).contains("false");
    }
}
