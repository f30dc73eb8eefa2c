package im.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

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
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        rows.forEach(row -> lines.add(cells(row)));
        int[] widths = IntStream.range(0, HEADER.size())
                .map(column -> lines.stream().mapToInt(line -> line.get(column).length()).max().orElse(0))
                .toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(line(lines.get(i), widths));
            if (i == 0) {
                out.append(line(IntStream.of(widths).mapToObj("-"::repeat).toList(), widths));
            }
        }
        return out.toString();
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

    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder("|");
        for (int i = 0; i < cells.size(); i++) {
            out.append(' ').append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(" |");
        }
        return out.append('\n').toString();
    }
}
