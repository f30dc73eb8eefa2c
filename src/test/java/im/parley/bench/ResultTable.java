package im.parley.bench;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Renders rows as one aligned, Markdown-compatible table. */
final class ResultTable {

    private static final List<String> HEADER = List.of("scenario", "figure (median ms, N runs)",
            "floor or reference (median ms)", "ratio", "goal");

    private ResultTable() {
    }

    static String render(List<Row> rows) {
        return MarkdownTable.render(HEADER, rows.stream().map(ResultTable::cells).toList());
    }

    private static List<String> cells(Row row) {
        String ratio = row.ratio().map(r -> String.format(Locale.ROOT, "%.2f×", r)).orElse("n/a");
        return List.of(row.scenario(), figure(row.figure()), reference(row.reference(), row.referenceName()), ratio,
                goal(row));
    }

    private static String figure(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Measured(Samples s) -> String.format(Locale.ROOT, "%.0f ms (N=%d)", s.medianMillis(), s.count());
            case Outcome.Missing(String reason) -> reason;
        };
    }

    private static String reference(Outcome outcome, String name) {
        return switch (outcome) {
            case Outcome.Measured(Samples s) ->
                    String.format(Locale.ROOT, "%.0f ms %s (N=%d)", s.medianMillis(), name, s.count());
            case Outcome.Missing(String reason) -> name + ": " + reason;
        };
    }

    private static String goal(Row row) {
        OptionalDouble goal = row.goal();
        if (goal.isEmpty()) {
            return "none set";
        }
        String limit = String.format(Locale.ROOT, "≤%.1f×", goal.getAsDouble());
        return row.ratio().map(r -> limit + (r <= goal.getAsDouble() ? " met" : " MISSED")).orElse(limit);
    }
}
