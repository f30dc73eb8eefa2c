package im.parley.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan the no-plaintext UI test relies on finds markers wherever they are, in each encoding. */
class PlaintextScanTest {

    @TempDir
    Path dir;

    @Test
    void findsAMarkerInANestedFileInUtf8AndUtf16() throws Exception {
        Files.createDirectories(dir.resolve("data/sub"));
        Files.write(dir.resolve("data/sub/a.log"), ("xx secret-marker yy").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("b.bin"), ("secret-marker").getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("clean.db"), new byte[] {1, 2, 3});

        assertThat(PlaintextScan.filesContaining(dir, List.of("secret-marker")))
                .hasSize(2).anyMatch(s -> s.contains("a.log")).anyMatch(s -> s.contains("b.bin"));
    }

    @Test
    void aCleanDirectoryHasNoFindings() throws Exception {
        Files.write(dir.resolve("clean.db"), "nothing here".getBytes(StandardCharsets.UTF_8));
        assertThat(PlaintextScan.filesContaining(dir, List.of("secret-marker"))).isEmpty();
    }
}
