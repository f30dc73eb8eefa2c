package im.parley.testsupport;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * Plain Smack connections to a {@link ProsodyServer}, for the other side of a test or for setting up state,
 * independent of Parley's own connection code. They trust exactly the server's certificate of the moment the
 * configuration is built.
 *
 * <p>Smack's {@code Roster} rejects subscription requests by default ({@code reject_all}), silently. Tests that
 * exchange subscriptions must call {@code Roster.setDefaultSubscriptionMode(Roster.SubscriptionMode.manual)}
 * (a JVM-wide setting) before creating their connections; this class does not do it for them.
 */
public final class TestConnections {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestConnections() {
    }

    /** Connects over STARTTLS and logs in with a random resource. */
    public static XMPPTCPConnection connect(ProsodyServer server, TestAccount account)
            throws SmackException, IOException, XMPPException, InterruptedException {
        return connect(server, account, randomResource());
    }

    /** Connects to {@link ProsodyServer#c2sPort()} with STARTTLS (required) and logs in. */
    public static XMPPTCPConnection connect(ProsodyServer server, TestAccount account, String resource)
            throws SmackException, IOException, XMPPException, InterruptedException {
        return connectAndLogin(startTls(server, account, resource).build());
    }

    /**
     * Connects to {@link ProsodyServer#directTlsPort()} with TLS from the first byte (XEP-0368) and logs in.
     * Smack's {@code isSecureConnection()} reports {@code false} for it: Smack only counts STARTTLS.
     */
    public static XMPPTCPConnection connectDirectTls(ProsodyServer server, TestAccount account, String resource)
            throws SmackException, IOException, XMPPException, InterruptedException {
        return connectAndLogin(directTls(server, account, resource).build());
    }

    /** Connects and logs in with any configuration, disconnecting again if the login fails. */
    public static XMPPTCPConnection connectAndLogin(XMPPTCPConnectionConfiguration configuration)
            throws SmackException, IOException, XMPPException, InterruptedException {
        XMPPTCPConnection connection = new XMPPTCPConnection(configuration);
        try {
            connection.connect().login();
            return connection;
        } catch (SmackException | IOException | XMPPException | InterruptedException | RuntimeException e) {
            connection.instantShutdown();
            throw e;
        }
    }

    /** A configuration for STARTTLS on 127.0.0.1:{@link ProsodyServer#c2sPort()}, to adjust before building. */
    public static XMPPTCPConnectionConfiguration.Builder startTls(ProsodyServer server, TestAccount account, String resource) {
        return common(server, account, resource)
                .setPort(server.c2sPort())
                .setSecurityMode(SecurityMode.required);
    }

    /**
     * A configuration for direct TLS on 127.0.0.1:{@link ProsodyServer#directTlsPort()}. The TLS socket comes
     * from the socket factory; the security mode must be {@code ifpossible}, as {@code required} makes Smack insist
     * on STARTTLS, which Prosody does not offer inside TLS.
     */
    public static XMPPTCPConnectionConfiguration.Builder directTls(ProsodyServer server, TestAccount account, String resource) {
        return common(server, account, resource)
                .setPort(server.directTlsPort())
                .setSecurityMode(SecurityMode.ifpossible)
                .setSocketFactory(sslContext(trusting(server.certificate())).getSocketFactory());
    }

    /** A trust manager that accepts exactly {@code certificate} (compared by DER encoding) and nothing else. */
    public static X509TrustManager trusting(X509Certificate certificate) {
        return new SingleCertificateTrustManager(certificate);
    }

    public static String randomResource() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return "test-" + HexFormat.of().formatHex(bytes);
    }

    private static XMPPTCPConnectionConfiguration.Builder common(ProsodyServer server, TestAccount account, String resource) {
        try {
            return XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(server.host())
                    .setHostAddress(ProsodyServer.LOOPBACK)
                    .setUsernameAndPassword(account.localpart(), account.password())
                    .setResource(resource)
                    .setCustomX509TrustManager(trusting(server.certificate()))
                    .setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Invalid domain or resource: " + server.host() + ", " + resource, e);
        }
    }

    private static SSLContext sslContext(X509TrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, RANDOM);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a TLS context", e);
        }
    }
}
