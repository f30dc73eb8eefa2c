package im.parley.service.chat;

/**
 * How a message travelled between the two clients. Every message goes over TLS to and between servers; only the
 * end-to-end kinds keep its body from the servers.
 */
public enum Transport {
    /** Readable by the servers on the way (TLS hop by hop only). */
    PLAINTEXT,
    /** XEP-0384 OMEMO. */
    OMEMO,
    /** XEP-0373 OpenPGP for XMPP. */
    OPENPGP;

    public boolean endToEnd() {
        return this != PLAINTEXT;
    }
}
