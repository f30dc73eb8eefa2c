package im.parley.archive;

import im.parley.archive.db.PassphraseKdf;
import im.parley.service.archive.KeySource;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/** The archive's non-secret key settings: where the key comes from and, for a passphrase, the Argon2id parameters. */
final class KeyDerivationFile {

    record Settings(KeySource source, PassphraseKdf.Parameters parameters) {
    }

    private final Path file;

    KeyDerivationFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    Optional<Settings> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        KeySource source = KeySource.valueOf(required(p, "source"));
        if (source == KeySource.KEYCHAIN) {
            return Optional.of(new Settings(source, null));
        }
        if (!"argon2id".equals(required(p, "kdf"))) {
            throw new IllegalArgumentException("unknown key derivation " + p.getProperty("kdf"));
        }
        return Optional.of(new Settings(source, new PassphraseKdf.Parameters(
                HexFormat.of().parseHex(required(p, "salt")), Integer.parseInt(required(p, "memoryKiB")),
                Integer.parseInt(required(p, "iterations")), Integer.parseInt(required(p, "parallelism")))));
    }

    void write(Settings settings) throws IOException {
        Properties p = new Properties();
        p.setProperty("source", settings.source().name());
        if (settings.parameters() != null) {
            PassphraseKdf.Parameters a = settings.parameters();
            p.setProperty("kdf", "argon2id");
            p.setProperty("salt", HexFormat.of().formatHex(a.salt()));
            p.setProperty("memoryKiB", Integer.toString(a.memoryKiB()));
            p.setProperty("iterations", Integer.toString(a.iterations()));
            p.setProperty("parallelism", Integer.toString(a.parallelism()));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "Parley archive key settings (not secret)");
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String required(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return value.strip();
    }
}
