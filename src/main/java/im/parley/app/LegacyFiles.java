package im.parley.app;

import im.parley.platform.FileCertificatePinStore;
import im.parley.platform.FileRememberedLoginStore;
import im.parley.service.account.CertificatePinStore;
import im.parley.service.account.RememberedLoginStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Versions before the archive kept "remember me" and certificate pins in plain files under the config directory:
 * moves them into the encrypted archive and deletes the files, once.
 */
final class LegacyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyFiles.class);

    private final Path login;
    private final Path pins;

    LegacyFiles(Path configDirectory) {
        this.login = configDirectory.resolve("login.properties");
        this.pins = configDirectory.resolve("certificate-pins.properties");
    }

    void moveInto(CertificatePinStore pinStore, RememberedLoginStore rememberedStore) {
        try {
            if (Files.exists(pins)) {
                new FileCertificatePinStore(pins).all().forEach(pinStore::pin);
                Files.delete(pins);
                LOG.info("Moved certificate pins from {} into the archive", pins);
            }
            if (Files.exists(login)) {
                new FileRememberedLoginStore(login).load().ifPresent(rememberedStore::save);
                Files.delete(login);
                LOG.info("Moved the remembered login from {} into the archive", login);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Old settings files could not be moved into the archive: {}", e.toString());
        }
    }
}
