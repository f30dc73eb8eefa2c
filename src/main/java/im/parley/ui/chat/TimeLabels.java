package im.parley.ui.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Times and days as a person reads them: "14:05", "Today", "Yesterday", "Monday, 30 November 2026". */
public final class TimeLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT);

    private final Clock clock;
    private final ZoneId zone;

    public TimeLabels(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    String day(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (day.equals(today)) {
            return "Today";
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        return DAY.format(day);
    }

    /** For the conversation list: the time today, the day otherwise. */
    public String recent(Instant instant) {
        LocalDate day = dayOf(instant);
        if (day.equals(LocalDate.now(clock.withZone(zone)))) {
            return time(instant);
        }
        return day.equals(LocalDate.now(clock.withZone(zone)).minusDays(1)) ? "Yesterday" : SHORT_DAY.format(day);
    }
}
