package im.parley.testsupport;

/**
 * An account on a test {@link ProsodyServer}.
 *
 * @param localpart the user name (the part before {@code @})
 * @param password  the account's password
 * @param jid       the bare JID, {@code localpart@localhost}
 */
public record TestAccount(String localpart, String password, String jid) {

    @Override
    public String toString() {
        return "TestAccount[" + jid + "]";
    }
}
