package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** An inclusive range of days, counted in the project's time zone. */
public record DateRange(LocalDate start, LocalDate end) implements Iterable<LocalDate> {
    public DateRange {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("date range ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public static DateRange of(LocalDate start, LocalDate end) {
        return new DateRange(start, end);
    }

    public static DateRange day(LocalDate day) {
        return new DateRange(day, day);
    }

    /** Parses {@code YYYY-MM-DD} for both ends; a clear error names the bad part. */
    public static DateRange parse(String start, String end) {
        return new DateRange(parseDay("start", start), parseDay("end", end));
    }

    private static LocalDate parseDay(String which, String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(which + " date must be YYYY-MM-DD, got '" + text + "'", e);
        }
    }

    /** The range of {@code days} days ending on {@code end}. */
    public static DateRange lastDays(LocalDate end, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        return new DateRange(end.minusDays(days - 1L), end);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** The range of the same length just before this one (for period-over-period comparisons). */
    public DateRange previous() {
        return new DateRange(start.minusDays(days()), start.minusDays(1));
    }

    /** Splits into consecutive ranges of at most {@code maxDays} days, in order. */
    public List<DateRange> split(int maxDays) {
        if (maxDays < 1) {
            throw new IllegalArgumentException("maxDays must be at least 1, got " + maxDays);
        }
        List<DateRange> parts = new ArrayList<>();
        LocalDate from = start;
        while (!from.isAfter(end)) {
            LocalDate to = from.plusDays(maxDays - 1L);
            if (to.isAfter(end)) {
                to = end;
            }
            parts.add(new DateRange(from, to));
            from = to.plusDays(1);
        }
        return List.copyOf(parts);
    }

    public Stream<LocalDate> stream() {
        return start.datesUntil(end.plusDays(1));
    }

    @Override
    public Iterator<LocalDate> iterator() {
        return stream().iterator();
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
