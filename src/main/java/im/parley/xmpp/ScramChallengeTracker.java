package im.parley.xmpp;

import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.sasl.SASLMechanism;
import org.jivesoftware.smack.sasl.core.SCRAMSHA1Mechanism;
import org.jivesoftware.smack.sasl.core.ScramSha1PlusMechanism;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Tells "no such account" from "wrong password" under SCRAM: a server that knows the user
 * answers the client-first message with a challenge (salt and iterations); a refusal before any
 * challenge means the user name itself was rejected. Servers that hide this (fake salts) simply
 * get the combined "wrong password or no such account" message.
 */
final class ScramChallengeTracker {

    private static final Map<XMPPConnection, Boolean> CHALLENGED = Collections.synchronizedMap(new WeakHashMap<>());

    private ScramChallengeTracker() {
    }

    static void install() {
        synchronized (ScramChallengeTracker.class) {
            if (SASLAuthentication.isSaslMechanismRegistered(TrackingScramSha1.class.getName())) {
                return;
            }
            SASLAuthentication.unregisterSASLMechanism(SCRAMSHA1Mechanism.class.getName());
            SASLAuthentication.unregisterSASLMechanism(ScramSha1PlusMechanism.class.getName());
            SASLAuthentication.registerSASLMechanism(new TrackingScramSha1());
            SASLAuthentication.registerSASLMechanism(new TrackingScramSha1Plus());
        }
    }

    static boolean challengeSeen(XMPPConnection connection) {
        return CHALLENGED.getOrDefault(connection, false);
    }

    static void reset(XMPPConnection connection) {
        CHALLENGED.remove(connection);
    }

    private static void mark(XMPPConnection connection) {
        if (connection != null) {
            CHALLENGED.put(connection, true);
        }
    }

    static final class TrackingScramSha1 extends SCRAMSHA1Mechanism {
        @Override
        protected byte[] evaluateChallenge(byte[] challenge) throws org.jivesoftware.smack.SmackException.SmackSaslException {
            mark(connection);
            return super.evaluateChallenge(challenge);
        }

        @Override
        protected SASLMechanism newInstance() {
            return new TrackingScramSha1();
        }
    }

    static final class TrackingScramSha1Plus extends ScramSha1PlusMechanism {
        @Override
        protected byte[] evaluateChallenge(byte[] challenge) throws org.jivesoftware.smack.SmackException.SmackSaslException {
            mark(connection);
            return super.evaluateChallenge(challenge);
        }

        @Override
        protected SASLMechanism newInstance() {
            return new TrackingScramSha1Plus();
        }
    }
}
