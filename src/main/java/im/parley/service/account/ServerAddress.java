package im.parley.service.account;

/**
 * A manual host/port override for accounts whose server is not found through DNS SRV records.
 * {@code port} 0 means the default port.
 */
public record ServerAddress(String host, int port, boolean directTls) {

    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The host is empty.");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The port must be between 1 and 65535.");
        }
        host = host.strip();
    }
}
