package im.parley.xmpp;

import org.jivesoftware.smack.java7.XmppHostnameVerifier;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.X509Certificate;

/**
 * The certificate the user pinned identifies the server by itself; anything else must also
 * name the XMPP domain.
 */
final class PinAwareHostnameVerifier implements HostnameVerifier {

    private final PinningTrustManager trust;
    private final HostnameVerifier standard;

    PinAwareHostnameVerifier(PinningTrustManager trust, HostnameVerifier standard) {
        this.trust = trust;
        this.standard = standard;
    }

    @Override
    public boolean verify(String hostname, SSLSession session) {
        try {
            if (session.getPeerCertificates()[0] instanceof X509Certificate leaf && trust.isPinned(leaf)) {
                return true;
            }
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
        return standard.verify(hostname, session);
    }

    static HostnameVerifier smackDefault() {
        return new XmppHostnameVerifier();
    }
}
