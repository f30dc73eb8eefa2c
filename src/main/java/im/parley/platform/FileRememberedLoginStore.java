package im.parley.platform;

import im.parley.service.account.RememberedLogin;
import im.parley.service.account.RememberedLoginStore;
import im.parley.service.account.ServerAddress;
import im.parley.service.common.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The remembered account address and server override in the config directory (no password). */
public final class FileRememberedLoginStore implements RememberedLoginStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileRememberedLoginStore.class);

    private final PropertiesFile file;

    public FileRememberedLoginStore(Path file) {
        this.file = new PropertiesFile(file, "Parley: the remembered login (no password is ever stored here)");
    }

    @Override
    public synchronized Optional<RememberedLogin> load() {
        Properties p = file.load();
        String account = p.getProperty("account");
        if (account == null) {
            return Optional.empty();
        }
        try {
            Optional<ServerAddress> server = Optional.empty();
            String host = p.getProperty("host");
            if (host != null && !host.isBlank()) {
                server = Optional.of(new ServerAddress(host, Integer.parseInt(p.getProperty("port", "0")),
                        Boolean.parseBoolean(p.getProperty("directTls", "false"))));
            }
            return Optional.of(new RememberedLogin(Jid.parseAccount(account), server));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring an invalid remembered login in {}: {}", file.path(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void save(RememberedLogin login) {
        Properties p = new Properties();
        p.setProperty("account", login.account().asBareString());
        login.server().ifPresent(s -> {
            p.setProperty("host", s.host());
            p.setProperty("port", Integer.toString(s.port()));
            p.setProperty("directTls", Boolean.toString(s.directTls()));
        });
        file.save(p);
    }

    @Override
    public synchronized void clear() {
        file.delete();
    }
}
