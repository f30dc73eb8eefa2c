package im.parley.testsupport;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/** Trusts one server certificate, compared byte for byte (DER); trusts no client at all. */
final class SingleCertificateTrustManager extends X509ExtendedTrustManager {

    private final byte[] expected;
    private final String expectedSha256;

    SingleCertificateTrustManager(X509Certificate certificate) {
        try {
            this.expected = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Cannot encode " + certificate.getSubjectX500Principal(), e);
        }
        this.expectedSha256 = SelfSignedCertificate.sha256(certificate);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server presented no certificate");
        }
        if (!Arrays.equals(chain[0].getEncoded(), expected)) {
            throw new CertificateException("The server presented " + SelfSignedCertificate.sha256(chain[0])
                    + ", the test expects " + expectedSha256);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Test clients do not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
