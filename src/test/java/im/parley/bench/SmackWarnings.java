package im.parley.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Counts what Smack logs through java.util.logging instead of printing it. Thousands of contacts produce thousands
 * of identical warnings (late IQ answers and presence callbacks after a disconnect); the table stays readable and
 * the counts still show up in {@link #summary()}.
 */
final class SmackWarnings extends Handler {

    private static final String SMACK = "org.jivesoftware";
    private static final int MESSAGE_CHARS = 90;

    private final Logger smack = Logger.getLogger(SMACK);
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    static SmackWarnings install() {
        SmackWarnings tally = new SmackWarnings();
        tally.smack.setUseParentHandlers(false);
        tally.smack.addHandler(tally);
        return tally;
    }

    @Override
    public void publish(LogRecord record) {
        String kind = record.getThrown() != null ? record.getThrown().getClass().getSimpleName()
                : record.getLoggerName() + ": " + shortened(String.valueOf(record.getMessage()));
        counts.computeIfAbsent(record.getLevel() + " " + kind, k -> new LongAdder()).increment();
    }

    private static String shortened(String message) {
        String firstLine = message.lines().findFirst().orElse("");
        return firstLine.length() <= MESSAGE_CHARS ? firstLine : firstLine.substring(0, MESSAGE_CHARS) + "…";
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    String summary() {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().sum() + "× " + e.getKey())
                .collect(Collectors.joining(", "));
    }
}
