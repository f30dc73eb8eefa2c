package im.parley.bench;

import java.util.List;
import java.util.Locale;

/**
 * Like {@link ResultTable}, for throughput: the figure and the reference as messages per second (from the median
 * run), the ratio as the figure's throughput over the reference's, and a goal as the lowest acceptable ratio.
 */
final class ThroughputTable {

    private static final List<String> HEADER = List.of("scenario", "figure (median, N runs)",
            "floor or reference (median)", "ratio", "goal");

    /** One row: {@code messages} moved in each run of both sides. */
    record Line(String scenario, int messages, Samples figure, Samples reference, String referenceName,
                double goal) {

        double ratio() {
            return reference.medianMillis() / figure.medianMillis();
        }
    }

    private ThroughputTable() {
    }

    static String render(List<Line> rows) {
        return MarkdownTable.render(HEADER, rows.stream().map(ThroughputTable::cells).toList());
    }

    private static List<String> cells(Line row) {
        return List.of(row.scenario(), rate(row.messages(), row.figure(), ""),
                rate(row.messages(), row.reference(), row.referenceName() + " "),
                String.format(Locale.ROOT, "%.2f×", row.ratio()),
                String.format(Locale.ROOT, "≥%.1f× %s", row.goal(), row.ratio() >= row.goal() ? "met" : "MISSED"));
    }

    private static String rate(int messages, Samples samples, String name) {
        return String.format(Locale.ROOT, "%s%,.0f msg/s, %.1f s (N=%d)", name,
                messages / (samples.medianMillis() / 1000), samples.medianMillis() / 1000, samples.count());
    }
}
