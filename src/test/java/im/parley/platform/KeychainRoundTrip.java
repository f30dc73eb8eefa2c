package im.parley.platform;

import im.parley.archive.SqlArchiveVault;
import im.parley.service.archive.KeySource;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child JVM for {@link OsKeychainIT}: runs against whatever secret service the session bus in its environment
 * offers, and reports each step on stdout as {@code step=value}.
 */
public final class KeychainRoundTrip {

    private KeychainRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        OsKeychain keychain = new OsKeychain();
        boolean available = keychain.available();
        out.println("available=" + available);
        if (!available || args.length == 0) {
            return;
        }
        keychain.save("round trip", "s3cret-value");
        out.println("loaded=" + keychain.load("round trip").orElse("<none>"));
        keychain.delete("round trip");
        out.println("deleted=" + keychain.load("round trip").isEmpty());

        Path dir = Files.createDirectories(Path.of(args[0]));
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            vault.createWithKeychain();
        }
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            out.println("source=" + vault.keySource());
            vault.unlockFromKeychain();
            out.println("reopened=" + (vault.database().schemaVersion() > 0 && vault.keySource() == KeySource.KEYCHAIN));
        }
    }
}
