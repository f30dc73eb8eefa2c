package im.parley.xmpp;

import im.parley.service.account.CertificateInfo;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Trusts what the system trusts, and otherwise exactly the certificate the user pinned for this
 * account. An unknown certificate and a changed one fail with exceptions that carry what the
 * user must see.
 */
final class PinningTrustManager implements X509TrustManager {

    private final X509TrustManager system;
    private final String pinnedFingerprint;

    PinningTrustManager(X509TrustManager system, String pinnedFingerprint) {
        this.system = system;
        this.pinnedFingerprint = pinnedFingerprint;
    }

    static X509TrustManager systemDefault() {
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

    boolean isPinned(X509Certificate leaf) {
        return CertificateFingerprint.sameFingerprint(pinnedFingerprint, CertificateFingerprint.sha256(leaf));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server sent no certificate.");
        }
        X509Certificate leaf = chain[0];
        if (isPinned(leaf)) {
            leaf.checkValidity();
            return;
        }
        try {
            system.checkServerTrusted(chain, authType);
        } catch (CertificateException notTrustedBySystem) {
            CertificateInfo info = CertificateFingerprint.describe(leaf);
            if (pinnedFingerprint != null) {
                throw new CertificateChangedException(info, pinnedFingerprint);
            }
            throw new UntrustedCertificateException(info, notTrustedBySystem);
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
