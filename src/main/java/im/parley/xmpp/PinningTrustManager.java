package im.parley.xmpp;

import im.parley.service.account.CertificateInfo;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.Socket;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Trusts what the system trusts, and otherwise exactly the certificate the user pinned for this
 * account. An unknown certificate and a changed one fail with exceptions that carry what the
 * user must see.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager system;
    private final String pinnedFingerprint;
    /** The handshake's own verdict; another Smack thread may see only "socket closed". */
    private volatile CertificateException lastRejection;

    PinningTrustManager(X509TrustManager system, String pinnedFingerprint) {
        this.system = system;
        this.pinnedFingerprint = pinnedFingerprint;
    }

    /** The JDK's trust store, loaded once: reading cacerts costs tens of milliseconds per login otherwise. */
    static X509TrustManager systemDefault() {
        return SystemTrust.MANAGER;
    }

    private static final class SystemTrust {
        static final X509TrustManager MANAGER = load();

        private static X509TrustManager load() {
            try {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                for (var tm : factory.getTrustManagers()) {
                    if (tm instanceof X509TrustManager x509) {
                        return x509;
                    }
                }
                throw new IllegalStateException("No X509TrustManager in the JDK");
            } catch (NoSuchAlgorithmException | KeyStoreException e) {
                throw new IllegalStateException("Cannot load the system trust store", e);
            }
        }
    }

    Optional<CertificateException> lastRejection() {
        return Optional.ofNullable(lastRejection);
    }

    boolean isPinned(X509Certificate leaf) {
        return CertificateFingerprint.sameFingerprint(pinnedFingerprint, CertificateFingerprint.sha256(leaf));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> system.checkServerTrusted(chain, authType));
    }

    /**
     * On a socket that asks for endpoint identification (direct TLS), the system check also
     * matches the certificate against the XMPP domain; a pinned certificate needs no match.
     */
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, () -> viaSystem(chain, authType, extended -> extended.checkServerTrusted(chain, authType, socket)));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> viaSystem(chain, authType, extended -> extended.checkServerTrusted(chain, authType, engine)));
    }

    @FunctionalInterface
    private interface ExtendedCheck {
        void run(X509ExtendedTrustManager extended) throws CertificateException;
    }

    private void viaSystem(X509Certificate[] chain, String authType, ExtendedCheck check) throws CertificateException {
        if (system instanceof X509ExtendedTrustManager extended) {
            check.run(extended);
        } else {
            system.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @FunctionalInterface
    private interface SystemCheck {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, SystemCheck systemCheck) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server sent no certificate.");
        }
        X509Certificate leaf = chain[0];
        if (isPinned(leaf)) {
            leaf.checkValidity();
            return;
        }
        try {
            systemCheck.run();
        } catch (CertificateException notTrustedBySystem) {
            CertificateInfo info = CertificateFingerprint.describe(leaf);
            lastRejection = pinnedFingerprint != null
                    ? new CertificateChangedException(info, pinnedFingerprint)
                    : new UntrustedCertificateException(info, notTrustedBySystem);
            throw lastRejection;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Parley does not accept client connections.");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system.getAcceptedIssuers();
    }

    static final class UntrustedCertificateException extends CertificateException {
        private final transient CertificateInfo info;

        UntrustedCertificateException(CertificateInfo info, Throwable cause) {
            super("Untrusted certificate " + info.sha256Fingerprint(), cause);
            this.info = info;
        }

        CertificateInfo info() {
            return info;
        }
    }

    static final class CertificateChangedException extends CertificateException {
        private final transient CertificateInfo info;
        private final String pinned;

        CertificateChangedException(CertificateInfo info, String pinned) {
            super("Certificate " + info.sha256Fingerprint() + " differs from the pinned " + pinned);
            this.info = info;
            this.pinned = pinned;
        }

        CertificateInfo info() {
            return info;
        }

        String pinned() {
            return pinned;
        }
    }
}
