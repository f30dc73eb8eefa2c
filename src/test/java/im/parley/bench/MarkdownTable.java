package im.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Lines of cells as one aligned, Markdown-compatible table: the header, a rule, then the rows. */
final class MarkdownTable {

    private MarkdownTable() {
    }

    static String render(List<String> header, List<List<String>> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        int[] widths = IntStream.range(0, header.size())
                .map(column -> lines.stream().mapToInt(line -> line.get(column).length()).max().orElse(0))
                .toArray();
        StringBuilder out = new StringBuilder(line(header, widths));
        out.append(line(IntStream.of(widths).mapToObj("-"::repeat).toList(), widths));
        rows.forEach(row -> out.append(line(row, widths)));
        return out.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder("|");
        for (int i = 0; i < cells.size(); i++) {
            out.append(' ').append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(" |");
        }
        return out.append('\n').toString();
    }
}
