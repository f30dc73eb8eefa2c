package im.parley.service.account;

import im.parley.service.common.Jid;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A pin store that is just a map, keyed exactly as the service passes the address. */
public final class InMemoryPinStore implements CertificatePinStore {

    public final Map<Jid, String> pins = new HashMap<>();

    @Override
    public Optional<String> pinnedFingerprint(Jid account) {
        return Optional.ofNullable(pins.get(account));
    }

    @Override
    public void pin(Jid account, String sha256Fingerprint) {
        pins.put(account, sha256Fingerprint);
    }

    @Override
    public void forget(Jid account) {
        pins.remove(account);
    }
}
