package im.parley.platform;

import im.parley.service.account.CertificatePinStore;
import im.parley.service.common.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Certificate pins in a small properties file (account → SHA-256 fingerprint). A fingerprint is
 * public data; this moves into the encrypted archive with the archive issue. Writes are atomic,
 * so a crash never leaves a half-written pin file.
 */
public final class FileCertificatePinStore implements CertificatePinStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileCertificatePinStore.class);
    private static final Pattern FINGERPRINT = Pattern.compile("([0-9A-F]{2}:){31}[0-9A-F]{2}");

    private final PropertiesFile file;

    public FileCertificatePinStore(Path file) {
        this.file = new PropertiesFile(file, "Parley certificate pins: account = SHA-256 fingerprint");
    }

    @Override
    public synchronized Optional<String> pinnedFingerprint(Jid account) {
        String value = load().getProperty(account.bare().toString());
        if (value == null) {
            return Optional.empty();
        }
        if (!FINGERPRINT.matcher(value).matches()) {
            LOG.warn("Ignoring a malformed certificate pin for {} in {}", account.bare(), file.path());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    @Override
    public synchronized void pin(Jid account, String sha256Fingerprint) {
        String normalized = sha256Fingerprint.strip().toUpperCase(java.util.Locale.ROOT);
        if (!FINGERPRINT.matcher(normalized).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 fingerprint: " + sha256Fingerprint);
        }
        Properties pins = load();
        pins.setProperty(account.bare().toString(), normalized);
        save(pins);
    }

    @Override
    public synchronized void forget(Jid account) {
        Properties pins = load();
        if (pins.remove(account.bare().toString()) != null) {
            save(pins);
        }
    }

    private Properties load() {
        return file.load();
    }

    private void save(Properties pins) {
        file.save(pins);
    }

    /** Every well-formed pin in the file, for moving them elsewhere. */
    public synchronized java.util.Map<Jid, String> all() {
        java.util.Map<Jid, String> found = new java.util.LinkedHashMap<>();
        Properties pins = load();
        for (String name : pins.stringPropertyNames()) {
            String value = pins.getProperty(name);
            if (FINGERPRINT.matcher(value).matches()) {
                try {
                    found.put(Jid.parse(name), value);
                } catch (RuntimeException e) {
                    LOG.warn("Ignoring a certificate pin for a malformed address in {}", file.path());
                }
            }
        }
        return found;
    }
}
