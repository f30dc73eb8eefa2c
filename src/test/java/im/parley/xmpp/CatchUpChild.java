package im.parley.xmpp;

import im.parley.service.common.Jid;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link CatchUpCrashIT}: logs in and catches up into the archive file, printing
 * {@code PAGE n} on stdout right after the n-th page is committed, so the parent can kill it in the middle.
 * Arguments: archive file, c2s port, account JID, certificate SHA-256; stdin: the 32-byte key, then the password.
 */
public final class CatchUpChild {

    static final String PAGE = "PAGE ";
    static final String DONE = "DONE";

    private CatchUpChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Jid account = Jid.parse(args[2]);
        DataInputStream in = new DataInputStream(System.in);
        byte[] key = in.readNBytes(32);
        String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        try (SyncClient client = new SyncClient(file, key, account, store -> {
            CommitHook hook = new CommitHook(store);
            hook.onCommit(n -> out.println(PAGE + n));
            return hook;
        })) {
            try (SyncClient.Login login = client.login(password, port, args[3])) {
                login.catchUp();
            }
        }
        out.println(DONE);
        Runtime.getRuntime().halt(0);
    }
}
