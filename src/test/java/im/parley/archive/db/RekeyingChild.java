package im.parley.archive.db;

import java.io.DataInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link RekeyCrashTest}: reads the current and the new key from stdin and changes the key
 * of the archive. {@code run} says {@value #STARTED} just before and {@value #DONE} after, so the parent can kill it
 * at chosen moments; {@code halt:STEP} dies with {@link Runtime#halt} the moment that step is reached.
 */
public final class RekeyingChild {

    static final String STARTED = "@@rekey-started";
    static final String DONE = "@@rekey-done";
    static final String STEP = "@@rekey-step ";

    private RekeyingChild() {
    }

    /** Loads the native library, logging and the JCA before "started", so kill moments fall inside the rekey. */
    private static void warmUpDriver() throws Exception {
        org.slf4j.LoggerFactory.getLogger(Rekey.class).debug("warm-up");
        javax.crypto.Mac.getInstance("HmacSHA256");
        new java.security.SecureRandom().nextBytes(new byte[16]);
        try (ArchiveKey key = ArchiveSample.randomKey();
             var c = EncryptedDatabase.connect(Path.of(System.getProperty("java.io.tmpdir")).resolve("parley-warm-up-" + java.util.UUID.randomUUID()), key, true)) {
            c.getMetaData();
        } catch (java.sql.SQLException expected) {
            // the file does not exist; the driver is loaded all the same
        }
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String mode = args[1];
        DataInputStream in = new DataInputStream(System.in);
        ArchiveKey current = new ArchiveKey(in.readNBytes(ArchiveKey.BYTES));
        ArchiveKey next = new ArchiveKey(in.readNBytes(ArchiveKey.BYTES));
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        warmUpDriver();
        long begin = System.nanoTime();
        Rekey.Observer observer = step -> out.println(STEP + step + " " + (System.nanoTime() - begin) / 1_000_000);
        if (mode.startsWith("halt:")) {
            Rekey.Step target = Rekey.Step.valueOf(mode.substring("halt:".length()));
            observer = step -> {
                if (step == target) {
                    Runtime.getRuntime().halt(3);
                }
            };
        }
        out.println(STARTED);
        Rekey.rekey(file, current, next, observer);
        out.println(DONE + " " + (System.nanoTime() - begin) / 1_000_000);
    }
}
