package im.parley.xmpp;

import im.parley.service.account.LoginFailure;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.sasl.SASLError;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;

/** Maps what Smack throws during connect and login to the failure the user is shown. */
final class LoginErrors {

    private LoginErrors() {
    }

    record Context(String account, String domain, String endpoint, boolean scramChallengeSeen, boolean directTls) {
    }

    static LoginFailure map(Throwable error, Context ctx) {
        PinningTrustManager.CertificateChangedException changed = find(error, PinningTrustManager.CertificateChangedException.class);
        if (changed != null) {
            return new LoginFailure.CertificateChanged(changed.info(), changed.pinned());
        }
        PinningTrustManager.UntrustedCertificateException untrusted = find(error, PinningTrustManager.UntrustedCertificateException.class);
        if (untrusted != null) {
            return new LoginFailure.UntrustedCertificate(untrusted.info());
        }
        SASLErrorException sasl = find(error, SASLErrorException.class);
        if (sasl != null) {
            return mapSasl(sasl, ctx);
        }
        if (find(error, SmackException.SecurityRequiredException.class) != null) {
            return new LoginFailure.TlsFailure("the server does not offer TLS, and Parley never connects without it.");
        }
        CertificateException certificate = find(error, CertificateException.class);
        if (certificate != null) {
            return new LoginFailure.TlsFailure(String.valueOf(certificate.getMessage()));
        }
        if (ctx.directTls() && (find(error, SSLException.class) != null
                || find(error, java.net.SocketException.class) != null && find(error, ConnectException.class) == null)) {
            return new LoginFailure.TlsFailure("the server at " + ctx.endpoint() + " did not complete a direct TLS "
                    + "handshake. Is this its direct TLS port (usually 5223)? For a STARTTLS port (usually 5222), "
                    + "turn off Direct TLS under Advanced.");
        }
        SSLException ssl = find(error, SSLException.class);
        if (ssl != null) {
            return new LoginFailure.TlsFailure(String.valueOf(ssl.getMessage()));
        }
        if (find(error, UnknownHostException.class) != null) {
            return new LoginFailure.ServerNotFound(ctx.domain());
        }
        SmackException.EndpointConnectionException endpoints = find(error, SmackException.EndpointConnectionException.class);
        if (endpoints != null) {
            if (endpoints.getConnectionExceptions().isEmpty()) {
                return new LoginFailure.ServerNotFound(ctx.domain());
            }
            return new LoginFailure.ServerUnreachable(ctx.endpoint(), networkDetail(endpoints));
        }
        if (error instanceof SmackException.NoEndpointsDiscoveredException || find(error, SmackException.NoEndpointsDiscoveredException.class) != null) {
            return new LoginFailure.ServerNotFound(ctx.domain());
        }
        if (find(error, ConnectException.class) != null || find(error, NoRouteToHostException.class) != null) {
            return new LoginFailure.ServerUnreachable(ctx.endpoint(), "connection refused");
        }
        if (find(error, SocketTimeoutException.class) != null || find(error, SmackException.NoResponseException.class) != null) {
            return new LoginFailure.ServerUnreachable(ctx.endpoint(), "the server did not answer in time");
        }
        return new LoginFailure.Unexpected(error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    private static LoginFailure mapSasl(SASLErrorException sasl, Context ctx) {
        SASLError condition = sasl.getSASLFailure().getSASLError();
        if (condition == SASLError.account_disabled) {
            return new LoginFailure.AccountDisabled();
        }
        if (condition == SASLError.not_authorized || condition == SASLError.credentials_expired) {
            boolean scram = sasl.getMechanism() != null && sasl.getMechanism().startsWith("SCRAM-");
            if (scram && !ctx.scramChallengeSeen()) {
                return new LoginFailure.AccountNotFound(ctx.account());
            }
            if (scram) {
                return new LoginFailure.WrongPassword();
            }
            return new LoginFailure.NotAuthorized(ctx.account());
        }
        return new LoginFailure.Unexpected("the server refused the login (" + sasl.getSASLFailure().getSASLErrorString() + ")");
    }

    private static String networkDetail(SmackException.EndpointConnectionException e) {
        for (var ce : e.getConnectionExceptions()) {
            Throwable cause = ce.getException();
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof SocketTimeoutException) {
                return "connection timed out";
            }
            if (cause != null && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return "";
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof SmackException.EndpointConnectionException ece && type != SmackException.EndpointConnectionException.class) {
                for (var ce : ece.getConnectionExceptions()) {
                    T inner = find(ce.getException(), type);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }
}
