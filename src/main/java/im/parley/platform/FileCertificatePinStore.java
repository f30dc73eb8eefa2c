package im.parley.platform;

import im.parley.service.account.CertificatePinStore;
import im.parley.service.common.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    private final Path file;

    public FileCertificatePinStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<String> pinnedFingerprint(Jid account) {
        String value = load().getProperty(account.bare().toString());
        if (value == null) {
            return Optional.empty();
        }
        if (!FINGERPRINT.matcher(value).matches()) {
            LOG.warn("Ignoring a malformed certificate pin for {} in {}", account.bare(), file);
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
        Properties pins = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                pins.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Certificate pin file {} is unreadable; treating it as empty", file, e);
                return new Properties();
            }
        }
        return pins;
    }

    private void save(Properties pins) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "pins", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                pins.store(out, "Parley certificate pins: account = SHA-256 fingerprint");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save certificate pins to " + file, e);
        }
    }
}
