package im.parley.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throwaway Prosody 0.12 on 127.0.0.1 for integration tests: own directory (on {@code /dev/shm} when possible),
 * generated config, random free ports, internal storage (or SQLite for the MAM archive: {@link Storage#SQL}), a fresh
 * self-signed certificate, TLS required (STARTTLS on {@link #c2sPort()}, XEP-0368 direct TLS on
 * {@link #directTlsPort()}), MUC with MAM on {@value #MUC_HOST}, HTTP upload on {@value #UPLOAD_HOST} via
 * {@link #httpPort()}, no s2s, no in-band registration.
 *
 * <p>Prosody runs as a child process in the foreground; a JVM shutdown hook stops it, and servers orphaned by a
 * killed JVM are cleaned up when the next one starts. Missing Prosody is an error, never a skipped test.
 * Set {@code -Dparley.prosody.keep=true} to keep the directory (config, data, log) after {@link #close()}, and
 * {@code -Dparley.prosody.loglevel=debug} for a detailed log.
 *
 * <p>Typical use is through {@link ProsodyExtension}; accounts come from {@link #newAccount(String)} and client
 * connections from {@link TestConnections}.
 */
public final class ProsodyServer implements AutoCloseable {

    public static final String HOST = "localhost";
    public static final String MUC_HOST = "conference.localhost";
    public static final String UPLOAD_HOST = "upload.localhost";
    /** System property: {@code true} keeps the server's directory after {@link #close()}. */
    public static final String KEEP_PROPERTY = "parley.prosody.keep";
    /** System property: Prosody's log level ({@code debug}, {@code info}, …); {@code info} by default. */
    public static final String LOG_LEVEL_PROPERTY = "parley.prosody.loglevel";

    static final InetAddress LOOPBACK = loopbackAddress();

    /** Where Prosody keeps its data. */
    public enum Storage {
        /** Everything in {@code internal} files; seed archives with {@link ArchiveSeed}. */
        INTERNAL,
        /**
         * The MAM archive store ({@code archive}) in SQLite via {@code mod_storage_sql} at {@link #sqlDatabase()},
         * everything else (accounts, rosters…) internal, so accounts can be registered while Prosody runs. An
         * archive query costs about the same at 100,000 messages as at 100 (internal storage reads the whole
         * archive file per query). No archive item limit.
         */
        SQL
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProsodyServer.class);
    private static final long STOP_GRACE_MILLIS = 5_000;
    private static final int PORT_ATTEMPTS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProsodyInstallation installation;
    private final ServerLayout layout;
    private final Storage storage;
    private final AtomicInteger accountCounter = new AtomicInteger();
    private volatile ProsodyConfig.Ports ports;
    private volatile X509Certificate certificate;
    private volatile ProsodyProcess process;
    private boolean closed;

    private ProsodyServer(ProsodyInstallation installation, ServerLayout layout, Storage storage) {
        this.installation = installation;
        this.layout = layout;
        this.storage = storage;
    }

    /**
     * Creates a new server and waits until its client and HTTP ports accept connections (about 0.1 s, plus
     * about 0.1–0.3 s for the RSA key).
     *
     * @throws IllegalStateException if Prosody is not installed, or does not come up within 10 s (with its log)
     */
    public static ProsodyServer startNew() {
        return startNew(Storage.INTERNAL);
    }

    /** As {@link #startNew()}, with the given storage. */
    public static ProsodyServer startNew(Storage storage) {
        ProsodyInstallation installation = ProsodyInstallation.locate();
        Path base = baseDirectory();
        ProsodyJanitor.reapOrphans(base);
        ProsodyServer server;
        try {
            server = new ProsodyServer(installation,
                    new ServerLayout(Files.createTempDirectory(base, ServerLayout.DIRECTORY_PREFIX)), storage);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for Prosody in " + base, e);
        }
        try {
            server.firstStart();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private synchronized void firstStart() {
        try {
            Files.writeString(layout.ownerFile(), Long.toString(ProcessHandle.current().pid()));
            if (Boolean.getBoolean(KEEP_PROPERTY)) {
                Files.createFile(layout.keepFile());
            }
            Files.createDirectories(layout.dataDir());
            Files.createDirectories(layout.certificateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + layout.directory(), e);
        }
        certificate = SelfSignedCertificate.generate(layout.certificateFile(), layout.keyFile());
        if (storage == Storage.SQL) {
            ProsodySqlDatabase.create(layout.sqlDatabaseFile());
        }
        for (int attempt = 1; ; attempt++) {
            ports = freePorts();
            writeConfig();
            try {
                launch();
                return;
            } catch (ProsodyProcess.PortTakenException e) {
                if (attempt == PORT_ATTEMPTS) {
                    throw e;
                }
                LOG.info("Another process took one of Prosody's ports {}, trying others", ports);
            }
        }
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------

    /** Starts the stopped server again with the same ports, data and certificate; no-op if it runs. */
    public synchronized void start() {
        ensureOpen();
        if (process == null) {
            launch();
        }
    }

    /**
     * Stops Prosody (SIGTERM, SIGKILL after 5 s; about 10 ms) but keeps its directory, so {@link #start()}
     * resumes with the same accounts and archives. Clients get a {@code system-shutdown} stream error.
     */
    public synchronized void stop() {
        ProsodyProcess running = process;
        if (running == null) {
            return;
        }
        process = null;
        long begin = System.nanoTime();
        running.stop(STOP_GRACE_MILLIS);
        ProsodyJanitor.stopped(this);
        LOG.debug("Prosody (pid {}) stopped in {} ms", running.pid(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    public synchronized void restart() {
        stop();
        start();
    }

    /** Restarts on the same ports with the same data but a new key and certificate (for pinning tests). */
    public synchronized void restartWithNewCertificate() {
        stop();
        certificate = SelfSignedCertificate.generate(layout.certificateFile(), layout.keyFile());
        start();
    }

    /** Stops Prosody and deletes its directory (unless {@code -Dparley.prosody.keep=true}). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        ProsodyJanitor.delete(layout);
    }

    /** For the shutdown hook: takes no lock, as a thread stuck holding it must not block the JVM's exit. */
    void emergencyStop() {
        ProsodyProcess running = process;
        if (running != null) {
            running.stop(2_000);
        }
        ProsodyJanitor.delete(layout);
    }

    public boolean isRunning() {
        ProsodyProcess running = process;
        return running != null && running.isAlive();
    }

    /** The operating-system process id of the running Prosody. */
    public long pid() {
        ProsodyProcess running = process;
        if (running == null) {
            throw new IllegalStateException("Prosody is not running");
        }
        return running.pid();
    }

    // ---- accounts --------------------------------------------------------------------------------------------

    /**
     * Creates the account {@code user@localhost} with {@code prosodyctl register} (about 30–90 ms); works while
     * the server runs. Registering an existing user silently resets its password.
     */
    public void register(String user, String password) {
        ensureOpen();
        Commands.run(List.of(installation.prosodyctl().toString(), "--config", layout.configFile().toString(),
                "register", user, HOST, password), "prosodyctl register " + user + "@" + HOST);
    }

    /** A newly registered account with a unique name ({@code prefix-N-xxxxxx}) and a random password. */
    public TestAccount newAccount(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        byte[] suffix = new byte[3];
        byte[] secret = new byte[18];
        RANDOM.nextBytes(suffix);
        RANDOM.nextBytes(secret);
        String localpart = (clean.isEmpty() ? "user" : clean) + "-" + accountCounter.incrementAndGet() + "-"
                + HexFormat.of().formatHex(suffix);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        register(localpart, password);
        return new TestAccount(localpart, password, localpart + "@" + HOST);
    }

    /**
     * Replaces {@code owner}'s roster with {@code items} (all {@code subscription="both"}) by writing Prosody's
     * storage file directly; 5,000 contacts take about 0.2 s. Prosody caches rosters, so a running server is
     * stopped for the write and started again: connections open at that moment are closed. Seed first, then
     * connect.
     *
     * <p>Beware of big rosters of contacts on this server: when the owner sends presence with entity caps,
     * Prosody probes every contact (one {@code unavailable} presence back each) and every contact's PEP service
     * sends the owner's client a disco#info query. Smack 4.5.0-rc1 answering thousands of those under stream
     * management can deadlock (writer waits for acks with its 500-stanza unacked queue full while the reader is
     * blocked queueing an ack). Connect with {@code setSendPresence(false)} where presence is not the point.
     */
    public synchronized void seedRoster(TestAccount owner, List<RosterSeed> items) {
        ensureOpen();
        String domain = owner.jid().substring(owner.jid().indexOf('@') + 1);
        boolean wasRunning = process != null;
        stop();
        InternalStorage.writeRoster(layout.dataDir(), domain, owner.localpart(), items);
        if (wasRunning) {
            start();
        }
    }

    // ---- where and what --------------------------------------------------------------------------------------

    public String host() {
        return HOST;
    }

    public String mucHost() {
        return MUC_HOST;
    }

    public String uploadHost() {
        return UPLOAD_HOST;
    }

    /** Client-to-server port with STARTTLS (required). */
    public int c2sPort() {
        return ports.c2s();
    }

    /** Client-to-server port with TLS from the first byte (XEP-0368). */
    public int directTlsPort() {
        return ports.directTls();
    }

    /** Plain HTTP port serving XEP-0363 uploads at {@code http://localhost:PORT/file_share/}. */
    public int httpPort() {
        return ports.http();
    }

    /** The certificate Prosody presents now (it changes with {@link #restartWithNewCertificate()}). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the current certificate's DER encoding, {@code AB:CD:…}. */
    public String certificateSha256() {
        return SelfSignedCertificate.sha256(certificate);
    }

    /** Prosody's log (level info unless {@value #LOG_LEVEL_PROPERTY} says otherwise), kept across restarts. */
    public Path logFile() {
        return layout.logFile();
    }

    public Storage storage() {
        return storage;
    }

    /** The SQLite file holding the MAM archives of a {@link Storage#SQL} server. */
    public Path sqlDatabase() {
        if (storage != Storage.SQL) {
            throw new IllegalStateException("This server keeps its archives in internal storage");
        }
        return layout.sqlDatabaseFile();
    }

    /** Prosody's {@code data_path} (internal storage). */
    public Path dataDir() {
        return layout.dataDir();
    }

    /** The server's own directory: config, data, certificates, log. */
    public Path directory() {
        return layout.directory();
    }

    public Path configFile() {
        return layout.configFile();
    }

    @Override
    public String toString() {
        return "ProsodyServer[c2s " + ports.c2s() + ", direct TLS " + ports.directTls() + ", " + storage + " storage, "
                + layout.directory() + "]";
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private synchronized void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This Prosody server was closed");
        }
    }

    private void launch() {
        process = ProsodyProcess.start(installation.prosody(), layout, ports);
        ProsodyJanitor.running(this);
    }

    private void writeConfig() {
        ProsodyConfig config = new ProsodyConfig(ports, layout, storage, System.getProperty(LOG_LEVEL_PROPERTY, "info"));
        try {
            Files.writeString(layout.configFile(), config.render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + layout.configFile(), e);
        }
    }

    private static ProsodyConfig.Ports freePorts() {
        try (ServerSocket c2s = new ServerSocket(0, 1, LOOPBACK);
             ServerSocket directTls = new ServerSocket(0, 1, LOOPBACK);
             ServerSocket http = new ServerSocket(0, 1, LOOPBACK)) {
            return new ProsodyConfig.Ports(c2s.getLocalPort(), directTls.getLocalPort(), http.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free ports on 127.0.0.1", e);
        }
    }

    private static Path baseDirectory() {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static InetAddress loopbackAddress() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
