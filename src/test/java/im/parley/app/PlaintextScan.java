package im.parley.app;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks for secrets written in the clear: every file under a directory, each marker in UTF-8 and UTF-16. */
final class PlaintextScan {

    private static final List<Charset> ENCODINGS =
            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    private PlaintextScan() {
    }

    static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Files (with the marker found) that hold any marker in any encoding. */
    static List<String> filesContaining(Path root, List<String> markers) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : filesUnder(root)) {
            byte[] content = Files.readAllBytes(file);
            for (String marker : markers) {
                for (Charset encoding : ENCODINGS) {
                    if (indexOf(content, marker.getBytes(encoding)) >= 0) {
                        found.add(root.relativize(file) + " holds a marker in " + encoding);
                    }
                }
            }
        }
        return found;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
