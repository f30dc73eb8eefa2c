package im.parley.service.account;

import im.parley.service.common.Jid;

import java.util.Optional;

/** Port: the SHA-256 fingerprint the user chose to trust for an account's server. */
public interface CertificatePinStore {

    Optional<String> pinnedFingerprint(Jid account);

    void pin(Jid account, String sha256Fingerprint);

    void forget(Jid account);
}
