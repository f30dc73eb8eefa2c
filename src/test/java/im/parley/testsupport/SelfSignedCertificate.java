package im.parley.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/** A fresh self-signed RSA certificate for localhost and its components, made with the {@code openssl} CLI. */
final class SelfSignedCertificate {

    static final String SUBJECT_ALT_NAMES = "subjectAltName=DNS:localhost,DNS:conference.localhost,DNS:upload.localhost,IP:127.0.0.1";

    private SelfSignedCertificate() {
    }

    /** Writes a new key pair and certificate (PEM) to the given files and returns the certificate. */
    static X509Certificate generate(Path certificateFile, Path keyFile) {
        List<String> command = List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", SUBJECT_ALT_NAMES,
                "-keyout", keyFile.toString(), "-out", certificateFile.toString());
        Commands.run(command, "openssl (needed to make the test server's certificate)");
        return read(certificateFile);
    }

    static X509Certificate read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a certificate: " + pem, e);
        }
    }

    /** SHA-256 of the DER encoding as upper-case hex pairs joined by colons ({@code AB:CD:…}). */
    static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot fingerprint " + certificate.getSubjectX500Principal(), e);
        }
    }
}
