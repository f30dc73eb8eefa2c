package im.parley.xmpp;

import im.parley.service.account.ConnectionGateway;
import im.parley.service.account.ConnectionState;
import im.parley.service.account.ConnectionStateChanged;
import im.parley.service.account.LoginException;
import im.parley.service.account.LoginFailure;
import im.parley.service.account.LoginRequest;
import im.parley.service.account.ServerAddress;
import im.parley.service.common.Availability;
import im.parley.service.common.Jid;
import im.parley.service.common.Presence;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence.Mode;
import org.jivesoftware.smack.packet.Presence.Type;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Connects and logs in with Smack: TLS required, certificate pins honoured, reconnects on drops. */
public final class SmackConnectionGateway implements ConnectionGateway {

    private static final Logger LOG = LoggerFactory.getLogger(SmackConnectionGateway.class);
    private static final int CONNECT_TIMEOUT_MS = 15_000;
    private static final long REPLY_TIMEOUT_MS = 15_000;
    private static final int STARTTLS_PORT = 5222;
    private static final int DIRECT_TLS_PORT = 5223;

    static {
        ScramChallengeTracker.install();
        CarbonManager.setEnabledByDefault(true);
        ReconnectionManager.setEnabledPerDefault(false);
    }

    private final XmppSession session;
    private volatile Consumer<ConnectionStateChanged> stateListener = e -> { };
    private volatile XMPPTCPConnection attempt;
    private volatile CompletableFuture<Jid> pendingLogin;
    private volatile boolean cancelled;

    public SmackConnectionGateway(XmppSession session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<Jid> connect(LoginRequest request, Optional<String> pinnedFingerprint) {
        cancelled = false;
        CompletableFuture<Jid> result = new CompletableFuture<>();
        pendingLogin = result;
        session.runOnIo(() -> connectBlocking(request, pinnedFingerprint.orElse(null), result));
        return result;
    }

    private void connectBlocking(LoginRequest request, String pin, CompletableFuture<Jid> result) {
        XMPPTCPConnection connection = null;
        PinningTrustManager trust = new PinningTrustManager(PinningTrustManager.systemDefault(), pin);
        String endpoint = request.server().map(s -> s.host() + ":" + (s.port() == 0 ? defaultPort(s) : s.port()))
                .orElse(request.account().domain());
        publish(ConnectionState.CONNECTING, "");
        try {
            connection = new XMPPTCPConnection(configuration(request, trust));
            connection.setReplyTimeout(REPLY_TIMEOUT_MS);
            attempt = connection;
            session.attach(connection);
            watch(connection);
            if (cancelled) {
                throw new LoginException(new LoginFailure.Cancelled());
            }
            connection.connect();
            connection.login();
            if (cancelled) {
                throw new LoginException(new LoginFailure.Cancelled());
            }
            ReconnectionManager.getInstanceFor(connection).enableAutomaticReconnection();
            Jid bound = Jids.fromSmack(connection.getUser());
            if (!result.complete(bound)) {
                throw new LoginException(new LoginFailure.Cancelled()); // cancelled while finishing
            }
            LOG.info("Logged in as {}", bound);
            publish(ConnectionState.CONNECTED, "");
        } catch (Exception e) {
            LoginFailure failure = cancelled ? new LoginFailure.Cancelled()
                    : e instanceof LoginException le ? le.failure()
                    : LoginErrors.map(trust.lastRejection().<Throwable>map(r -> r).orElse(e), new LoginErrors.Context(request.account().asBareString(),
                            request.account().domain(), endpoint,
                            connection != null && ScramChallengeTracker.challengeSeen(connection),
                            request.server().map(ServerAddress::directTls).orElse(false)));
            LOG.info("Login of {} failed: {}", request.account(), failure.getClass().getSimpleName());
            if (connection != null) {
                connection.instantShutdown();
                session.detach(connection);
            }
            publish(ConnectionState.DISCONNECTED, failure.userMessage());
            result.completeExceptionally(new LoginException(failure, e));
        } finally {
            attempt = null;
            pendingLogin = null;
            request.wipe();
        }
    }

    private XMPPTCPConnectionConfiguration configuration(LoginRequest request, PinningTrustManager trust)
            throws Exception {
        char[] password = request.password();
        XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(request.account().domain())
                .setUsernameAndPassword(request.account().local(), new String(password))
                .setResource(request.resource())
                .setSecurityMode(ConnectionConfiguration.SecurityMode.required)
                .setCustomX509TrustManager(trust)
                .setHostnameVerifier(new PinAwareHostnameVerifier(trust, PinAwareHostnameVerifier.smackDefault()))
                .setEnabledSSLProtocols(new String[] {"TLSv1.3", "TLSv1.2"})
                .setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setSendPresence(true);
        java.util.Arrays.fill(password, '\0');
        if (request.server().isPresent()) {
            ServerAddress server = request.server().get();
            if (isIpLiteral(server.host())) {
                builder.setHostAddress(InetAddress.getByName(server.host()));
            } else {
                builder.setHost(server.host());
            }
            builder.setPort(server.port() == 0 ? defaultPort(server) : server.port());
            if (server.directTls()) {
                // Every byte is inside TLS already; "required" would make Smack insist on STARTTLS on top.
                builder.setSocketFactory(new DirectTlsSocketFactory(trust, request.account().domain()))
                        .setSecurityMode(ConnectionConfiguration.SecurityMode.ifpossible);
            }
        }
        return builder.build();
    }

    private static int defaultPort(ServerAddress server) {
        return server.directTls() ? DIRECT_TLS_PORT : STARTTLS_PORT;
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private void watch(XMPPTCPConnection connection) {
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (attempt == null) {
                    publish(ConnectionState.CONNECTED, resumed ? "session resumed" : "");
                }
            }

            @Override
            public void connectionClosed() {
                publish(ConnectionState.DISCONNECTED, "");
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                if (attempt == null) {
                    publish(ConnectionState.RECONNECTING, "connection lost: " + e.getMessage());
                }
            }
        });
        ReconnectionManager.getInstanceFor(connection).addReconnectionListener(new ReconnectionListener() {
            @Override
            public void reconnectingIn(int seconds) {
                publish(ConnectionState.RECONNECTING, "reconnecting in " + seconds + " s");
            }

            @Override
            public void reconnectionFailed(Exception e) {
                publish(ConnectionState.RECONNECTING, "reconnection failed: " + e.getMessage());
            }
        });
    }

    @Override
    public void cancelConnect() {
        cancelled = true;
        CompletableFuture<Jid> pending = pendingLogin;
        if (pending != null) {
            // The user gets control back at once; the blocked socket is torn down in the background.
            pending.completeExceptionally(new LoginException(new LoginFailure.Cancelled()));
        }
        XMPPTCPConnection c = attempt;
        if (c != null) {
            session.runOnIo(c::instantShutdown);
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return session.call(() -> {
            XMPPTCPConnection c;
            try {
                c = session.connection();
            } catch (org.jivesoftware.smack.SmackException.NotConnectedException e) {
                return null;
            }
            ReconnectionManager.getInstanceFor(c).disableAutomaticReconnection();
            c.disconnect();
            session.detach(c);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> sendPresence(Presence presence) {
        return session.run(() -> {
            XMPPTCPConnection c = session.connection();
            c.sendStanza(c.getStanzaFactory().buildPresenceStanza()
                    .ofType(Type.available)
                    .setMode(modeOf(presence.availability()))
                    .setStatus(presence.status().isEmpty() ? null : presence.status())
                    .build());
        });
    }

    static Mode modeOf(Availability availability) {
        return switch (availability) {
            case CHAT -> Mode.chat;
            case AWAY -> Mode.away;
            case XA -> Mode.xa;
            case DND -> Mode.dnd;
            case ONLINE, OFFLINE -> Mode.available;
        };
    }

    @Override
    public void setStateListener(Consumer<ConnectionStateChanged> listener) {
        stateListener = listener;
    }

    private void publish(ConnectionState state, String detail) {
        stateListener.accept(new ConnectionStateChanged(state, detail));
    }
}
