package im.parley.service.account;

import java.time.Instant;

/** What the user needs to decide whether to trust a server certificate. */
public record CertificateInfo(String sha256Fingerprint, String subject, String issuer, Instant notBefore,
                              Instant notAfter) {
}
