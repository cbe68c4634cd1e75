package org.tanghulu.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.tanghulu.calendar.WorkingCalendar;
import org.tanghulu.kernel.json.Json;

/**
 * Which days are working days in mainland China: Monday to Friday, except public holidays,
 * plus the Saturdays and Sundays worked instead (调休上班). Read from a JSON file that lists,
 * per year, the days of the State Council General Office's holiday notice; days in years
 * the file does not cover count Monday to Friday as working days, and each such year is reported to
 * the listener given by {@link #reportingUncovered} (the {@link CalendarFileService} logs and shows it). Immutable.
 */
public final class HolidayCalendar implements WorkingCalendar {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Longer holidays are taken for typing mistakes; the longest so far had 9 days. */
    private static final int LONGEST_HOLIDAY_DAYS = 31;
    private static final String[] WEEKDAYS_ZH = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    private final Set<Integer> years;
    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, String> workdays;
    private final IntConsumer uncovered;

    private HolidayCalendar(Set<Integer> years, Map<LocalDate, String> holidays, Map<LocalDate, String> workdays,
            IntConsumer uncovered) {
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
        this.holidays = Map.copyOf(holidays);
        this.workdays = Map.copyOf(workdays);
        this.uncovered = uncovered;
    }

    /** @return this calendar, telling {@code listener} the year of every day counted that it does not cover */
    public HolidayCalendar reportingUncovered(IntConsumer listener) {
        return new HolidayCalendar(years, holidays, workdays, listener);
    }

    /**
     * Reads and checks a calendar file.
     *
     * @param sourceName names the file in error messages
     * @throws IllegalArgumentException if the file is not a valid calendar; the message names
     *         the entry at fault and what is wrong with it
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static HolidayCalendar parse(InputStream json, String sourceName) {
        CalendarJson file;
        try {
            byte[] content = json.readAllBytes();
            if (new String(content, StandardCharsets.UTF_8).isBlank()) {
                throw new IllegalArgumentException(sourceName + " is empty");
            }
            file = MAPPER.readValue(content, CalendarJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(sourceName, e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + " cannot be read: " + e.getMessage(), e);
        }
        if (file == null || file.years() == null || file.years().isEmpty()) {
            throw new IllegalArgumentException(sourceName + " lists no years: it needs \"years\": [{\"year\": ..., ...}]");
        }
        return new Reader(sourceName).read(file.years());
    }

    /** @return whether people work on {@code day} */
    @Override
    public boolean isWorkingDay(LocalDate day) {
        if (!years.contains(day.getYear())) {
            uncovered.accept(day.getYear());
        }
        if (holidays.containsKey(day)) {
            return false;
        }
        return workdays.containsKey(day) || !isWeekend(day);
    }

    /** @return the name of the public holiday {@code day} belongs to, if any */
    @Override
    public Optional<String> holiday(LocalDate day) {
        return Optional.ofNullable(holidays.get(Objects.requireNonNull(day)));
    }

    /**
     * The last day of a time limit of {@code workingDays} working days that starts running
     * the day after {@code start}: 1 working day from Friday 2026-11-20 is Monday 2026-11-23.
     *
     * @throws IllegalArgumentException if {@code workingDays} is less than 1
     */
    @Override
    public LocalDate due(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("a time limit has 0 or more working days, not " + workingDays);
        }
        return workingDays == 0 && isWorkingDay(start) ? start : nthWorkingDayAfter(start, Math.max(workingDays, 1));
    }

    /** @return the working days after {@code fromExclusive} up to and including {@code toInclusive}; 0 if none */
    @Override
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Moves a due date later by the working days its clock was paused.
     *
     * @throws IllegalArgumentException if {@code pausedWorkingDays} is negative
     */
    @Override
    public LocalDate plusPause(LocalDate due, int pausedWorkingDays) {
        if (pausedWorkingDays < 0) {
            throw new IllegalArgumentException("a pause cannot last " + pausedWorkingDays + " working days");
        }
        return pausedWorkingDays == 0 ? due : nthWorkingDayAfter(due, pausedWorkingDays);
    }

    /** @return the years the file lists, ascending */
    @Override
    public Set<Integer> years() {
        return years;
    }

    /** @return whether the file lists the year of {@code day} */
    @Override
    public boolean covers(LocalDate day) {
        return years.contains(day.getYear());
    }

    private LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        LocalDate result = day;
        for (int counted = 0; counted < n;) {
            result = result.plusDays(1);
            if (isWorkingDay(result)) {
                counted++;
            }
        }
        return result;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String weekday(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        String en = d.name().charAt(0) + d.name().substring(1).toLowerCase();
        return en + " (" + WEEKDAYS_ZH[d.getValue() - 1] + ")";
    }

    private static String describe(String sourceName, JsonProcessingException e) {
        StringBuilder s = new StringBuilder(Json.where(sourceName, e)).append(": ");
        if (e instanceof UnrecognizedPropertyException u) {
            return s.append("unknown field \"").append(u.getPropertyName()).append("\"; the fields allowed here are ")
                    .append(u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")))
                    .append(" and _comment").toString();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && !m.getPath().isEmpty()) {
            return s.append("expected ").append(expected(m.getTargetType())).toString();
        }
        return s.append(e.getOriginalMessage()).toString();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number such as 2026";
        }
        if (type == String.class) {
            return "text in double quotes";
        }
        return List.class.isAssignableFrom(type) ? "a list in square brackets [...]" : "an object in braces {...}";
    }

    /** Turns the file's entries into days, checking each entry. */
    private static final class Reader {
        private final String sourceName;
        private final Set<Integer> years = new TreeSet<>();
        private final Map<LocalDate, String> holidays = new HashMap<>();
        private final Map<LocalDate, String> workdays = new HashMap<>();

        Reader(String sourceName) {
            this.sourceName = sourceName;
        }

        HolidayCalendar read(List<YearJson> entries) {
            for (int i = 0; i < entries.size(); i++) {
                YearJson y = entries.get(i);
                if (y == null || y.year() == null) {
                    throw bad(sourceName + ", years[" + i + "]", "\"year\" is missing");
                }
                String where = sourceName + ", year " + y.year();
                if (!years.add(y.year())) {
                    throw bad(where, "the year is listed twice");
                }
                if (y.source() == null || y.source().isBlank()) {
                    throw bad(where, "\"source\" is missing; name the notice the dates come from");
                }
                forEach(y.holidays(), where, "holiday", (h, what) -> addHoliday(h, what, y.year()));
            }
            // holidays of all years first, so that any overlap is reported at the make-up working day
            for (YearJson y : entries) {
                forEach(y.workdays(), sourceName + ", year " + y.year(), "make-up working day",
                        (w, what) -> addWorkday(w, what, y.year()));
            }
            return new HolidayCalendar(years, holidays, workdays, year -> { });
        }

        private <T extends Named> void forEach(List<T> entries, String where, String kind, EntryReader<T> reader) {
            if (entries == null) {
                return;
            }
            for (int i = 0; i < entries.size(); i++) {
                T entry = entries.get(i);
                String what = where + ", " + kind + " " + (i + 1);
                if (entry == null || entry.name() == null || entry.name().isBlank()) {
                    throw bad(what, "\"name\" is missing");
                }
                reader.read(entry, what + " (" + entry.name() + ")");
            }
        }

        private void addHoliday(HolidayJson h, String what, int year) {
            LocalDate from = date(what, "from", h.from(), year);
            LocalDate to = h.to() == null ? from : date(what, "to", h.to(), year);
            if (to.isBefore(from)) {
                throw bad(what, "\"to\" " + to + " is before \"from\" " + from);
            }
            if (ChronoUnit.DAYS.between(from, to) >= LONGEST_HOLIDAY_DAYS) {
                throw bad(what, "from " + from + " to " + to + " is longer than " + LONGEST_HOLIDAY_DAYS + " days; check the dates");
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                String other = holidays.putIfAbsent(day, h.name());
                if (other != null) {
                    throw bad(what, day + " is already a day of the holiday " + other);
                }
            }
        }

        private void addWorkday(WorkdayJson w, String what, int year) {
            LocalDate day = date(what, "date", w.date(), year);
            if (!isWeekend(day)) {
                throw bad(what, day + " is a " + weekday(day)
                        + ", a working day anyway; a make-up working day (调休上班) is always a Saturday or Sunday");
            }
            if (holidays.containsKey(day)) {
                throw bad(what, day + " is also a day of the holiday " + holidays.get(day) + "; a day is either off or worked");
            }
            if (workdays.putIfAbsent(day, w.name()) != null) {
                throw bad(what, day + " is listed twice as a make-up working day");
            }
        }

        /** Parses a date of the given year's notice, which may reach back into December of the year before. */
        private static LocalDate date(String what, String field, String text, int year) {
            if (text == null || text.isBlank()) {
                throw bad(what, "\"" + field + "\" is missing");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw bad(what, "\"" + field + "\" is \"" + text + "\", which is not a date; write it as yyyy-MM-dd, e.g. "
                        + year + "-10-01");
            }
            if (day.getYear() != year && !(day.getYear() == year - 1 && day.getMonthValue() == 12)) {
                throw bad(what, "\"" + field + "\" " + day + " is not in " + year
                        + " (only December " + (year - 1) + " may also belong to " + year + "'s notice); check the year");
            }
            return day;
        }

        private static IllegalArgumentException bad(String where, String problem) {
            return new IllegalArgumentException(where + ": " + problem);
        }
    }

    @FunctionalInterface
    private interface EntryReader<T> {
        void read(T entry, String what);
    }

    private interface Named {
        String name();
    }

    @JsonIgnoreProperties("_comment")
    record CalendarJson(List<YearJson> years) {
    }

    @JsonIgnoreProperties("_comment")
    record YearJson(Integer year, String source, List<HolidayJson> holidays, List<WorkdayJson> workdays) {
    }

    @JsonIgnoreProperties("_comment")
    record HolidayJson(String name, String from, String to) implements Named {
    }

    @JsonIgnoreProperties("_comment")
    record WorkdayJson(String name, String date) implements Named {
    }
}
