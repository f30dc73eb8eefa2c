package im.parley.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The class path this program was loaded from, for starting child JVMs with the same classes. Under
 * {@code exec:java} that is the plugin's class loader (the JVM's {@code java.class.path} is Maven's own launcher
 * there); under plain {@code java} it is {@code java.class.path}.
 */
final class LaunchClassPath {

    private LaunchClassPath() {
    }

    static String of(ClassLoader loader) {
        Deque<URLClassLoader> chain = new ArrayDeque<>();
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (current instanceof URLClassLoader urls) {
                chain.push(urls);
            }
        }
        List<String> entries = new ArrayList<>();
        for (URLClassLoader urls : chain) {
            for (URL url : urls.getURLs()) {
                if ("file".equals(url.getProtocol())) {
                    entries.add(path(url));
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }

    private static String path(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a file URL: " + url, e);
        }
    }
}
