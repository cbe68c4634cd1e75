package org.tanghulu.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayCalendarTest {

    private static final HolidayCalendar CN = shipped();

    private static HolidayCalendar shipped() {
        try (InputStream in = HolidayCalendarTest.class.getResourceAsStream(CalendarFileService.BUNDLED)) {
            return HolidayCalendar.parse(in, "cn-mainland.json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static HolidayCalendar parse(String json) {
        return HolidayCalendar.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    /** A one-year file with the given holidays and make-up working days (JSON array contents). */
    private static String year(String holidays, String workdays) {
        return "{\"years\": [{\"year\": 2026, \"source\": \"通知\", \"holidays\": [" + holidays + "], \"workdays\": [" + workdays + "]}]}";
    }

    private static void assertRejected(String json, String... expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json));
        for (String part : expected) {
            assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void shippedCalendarCoversThreeYearsAndEqualsTheDistributionCopy() throws IOException {
        assertEquals(Set.of(2024, 2025, 2026), CN.years());
        assertEquals(List.of(2024, 2025, 2026), List.copyOf(CN.years()));
        Path distribution = Path.of("../../distribution/src/main/resources/etc", CalendarFileService.FILE_NAME);
        try (InputStream bundled = getClass().getResourceAsStream(CalendarFileService.BUNDLED)) {
            assertArrayEquals(bundled.readAllBytes(), Files.readAllBytes(distribution),
                    "the admin copy in the distribution must equal the bundled calendar");
        }
        try (InputStream in = Files.newInputStream(distribution)) {
            assertEquals(CN.years(), HolidayCalendar.parse(in, distribution.toString()).years());
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2024-01-01, 元旦", "2024-02-10, 春节", "2024-02-17, 春节", "2024-04-05, 清明节", "2024-05-03, 劳动节",
        "2024-06-10, 端午节", "2024-09-16, 中秋节", "2024-10-07, 国庆节",
        "2025-01-01, 元旦", "2025-01-28, 春节", "2025-02-04, 春节", "2025-04-04, 清明节", "2025-05-05, 劳动节",
        "2025-06-02, 端午节", "2025-10-06, '国庆节、中秋节'", "2025-10-08, '国庆节、中秋节'",
        "2026-01-02, 元旦", "2026-01-03, 元旦", "2026-02-15, 春节", "2026-02-23, 春节", "2026-04-06, 清明节",
        "2026-05-05, 劳动节", "2026-06-19, 端午节", "2026-09-25, 中秋节", "2026-10-01, 国庆节", "2026-10-07, 国庆节"})
    void holidaysAreNamedAndOff(LocalDate day, String name) {
        assertEquals(Optional.of(name), CN.holiday(day));
        assertFalse(CN.isWorkingDay(day));
    }

    @ParameterizedTest(name = "{0} is a make-up working day")
    @CsvSource({"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
        "2024-10-12", "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11", "2026-01-04",
        "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
    void makeUpWeekendDaysAreWorked(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        assertTrue(weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY, day + " is a " + weekday);
        assertTrue(CN.isWorkingDay(day));
        assertEquals(Optional.empty(), CN.holiday(day));
    }

    @Test
    void ordinaryWeekdaysAndWeekends() {
        assertTrue(CN.isWorkingDay(d("2026-11-20")));   // Friday
        assertFalse(CN.isWorkingDay(d("2026-11-21")));  // Saturday
        assertFalse(CN.isWorkingDay(d("2026-11-22")));  // Sunday
        assertTrue(CN.isWorkingDay(d("2026-10-08")));   // Thursday after National Day
        assertEquals(Optional.empty(), CN.holiday(d("2026-11-21")));
    }

    @Test
    void dueCountsFromTheNextDay() {
        assertEquals(d("2026-11-23"), CN.due(d("2026-11-20"), 1));
        assertEquals(d("2026-11-20"), CN.due(d("2026-11-19"), 1));
        assertEquals(d("2026-12-04"), CN.due(d("2026-11-20"), 10));
    }

    @Test
    void aSameDayMatterIsDueTheDayItStartsOrTheNextWorkingDay() {
        assertEquals(d("2026-11-20"), CN.due(d("2026-11-20"), 0), "a Friday");
        assertEquals(d("2026-11-23"), CN.due(d("2026-11-21"), 0), "a Saturday: the Monday");
        assertEquals(d("2026-10-08"), CN.due(d("2026-10-03"), 0), "National Day: the first day back");
        assertEquals(d("2026-10-10"), CN.due(d("2026-10-10"), 0), "the make-up Saturday is worked");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CN.due(d("2026-11-20"), -1));
        assertTrue(e.getMessage().contains("0 or more working days"), e.getMessage());
    }

    @Test
    void dueAcrossSpringFestival2026() {
        assertEquals(d("2026-02-14"), CN.due(d("2026-02-13"), 1), "the make-up Saturday before the holiday");
        assertEquals(d("2026-02-24"), CN.due(d("2026-02-13"), 2), "then nine days off, 15 to 23 February");
        assertEquals(d("2026-02-28"), CN.due(d("2026-02-13"), 6), "the make-up Saturday after the holiday");
        assertEquals(d("2026-03-02"), CN.due(d("2026-02-13"), 7));
        assertEquals(d("2026-02-24"), CN.due(d("2026-02-14"), 1));
    }

    @Test
    void dueAcrossNationalDay2026() {
        assertEquals(d("2026-09-20"), CN.due(d("2026-09-18"), 1), "the make-up Sunday");
        assertEquals(d("2026-10-08"), CN.due(d("2026-09-30"), 1), "1 to 7 October are off");
        assertEquals(d("2026-10-10"), CN.due(d("2026-09-30"), 3), "the make-up Saturday counts");
        assertEquals(d("2026-10-12"), CN.due(d("2026-09-30"), 4));
        // 20 working days from 2026-09-18: 9-20..9-24 (5), 9-28..9-30 (3), 10-8..10-10 (3), 10-12..10-16 (5), 10-19..10-22 (4)
        assertEquals(d("2026-10-22"), CN.due(d("2026-09-18"), 20));
    }

    @Test
    void workingDaysBetweenMeasuresAPause() {
        assertEquals(3, CN.workingDaysBetween(d("2026-09-30"), d("2026-10-10")));
        assertEquals(1, CN.workingDaysBetween(d("2026-11-20"), d("2026-11-23")));
        assertEquals(0, CN.workingDaysBetween(d("2026-11-20"), d("2026-11-22")));
        assertEquals(0, CN.workingDaysBetween(d("2026-11-20"), d("2026-11-20")));
        assertEquals(0, CN.workingDaysBetween(d("2026-11-23"), d("2026-11-20")));
        assertEquals(5, CN.workingDaysBetween(d("2026-02-13"), d("2026-02-27")), "14 Feb and 24 to 27 Feb");
    }

    @Test
    void plusPauseMovesTheDueDateByWorkingDays() {
        assertEquals(d("2026-09-30"), CN.plusPause(d("2026-09-30"), 0));
        assertEquals(d("2026-10-10"), CN.plusPause(d("2026-09-30"), 3));
        assertEquals(d("2026-11-23"), CN.plusPause(d("2026-11-20"), 1));
        LocalDate paused = d("2026-09-25");
        LocalDate resumed = d("2026-10-09");
        LocalDate due = d("2026-09-30");
        assertEquals(5, CN.workingDaysBetween(paused, resumed));
        assertEquals(d("2026-10-13"), CN.plusPause(due, CN.workingDaysBetween(paused, resumed)));
        assertThrows(IllegalArgumentException.class, () -> CN.plusPause(due, -1));
    }

    @Test
    void uncoveredYearsCountMondayToFriday() {
        assertFalse(CN.covers(d("2027-01-01")));
        assertTrue(CN.covers(d("2026-12-31")));
        assertTrue(CN.isWorkingDay(d("2027-01-01")), "New Year's Day 2027 is not listed, so it is a plain Friday");
        assertEquals(Optional.empty(), CN.holiday(d("2027-10-01")));
        assertEquals(d("2027-01-04"), CN.due(d("2026-12-31"), 2));
        assertEquals(d("2023-10-02"), CN.due(d("2023-09-29"), 1));
    }

    @Test
    void minimalFileWithOneDayHolidayAndComments() {
        HolidayCalendar c = parse("{\"_comment\": [\"top\"], \"years\": [{\"_comment\": \"a year\", \"year\": 2026, "
                + "\"source\": \"通知\", \"holidays\": [{\"_comment\": \"no to\", \"name\": \"元旦\", \"from\": \"2026-01-01\"}]}]}");
        assertEquals(Set.of(2026), c.years());
        assertEquals(Optional.of("元旦"), c.holiday(d("2026-01-01")));
        assertTrue(c.isWorkingDay(d("2026-01-02")));
        assertFalse(c.isWorkingDay(d("2026-01-04")));
    }

    @Test
    void decemberOfThePreviousYearMayBelongToTheNotice() {
        // as in the 2012 notice: 2011-12-31 (Saturday) was worked for New Year's Day 2012
        HolidayCalendar c = parse("{\"years\": [{\"year\": 2012, \"source\": \"通知\", "
                + "\"holidays\": [{\"name\": \"元旦\", \"from\": \"2012-01-01\", \"to\": \"2012-01-03\"}], "
                + "\"workdays\": [{\"name\": \"元旦调休上班\", \"date\": \"2011-12-31\"}]}]}");
        assertTrue(c.isWorkingDay(d("2011-12-31")));
        assertFalse(c.covers(d("2011-12-31")));
    }

    @Test
    void notADate() {
        assertRejected(year("{\"name\": \"春节\", \"from\": \"2026-02-15\", \"to\": \"2026-02-30\"}", ""),
                "test.json, year 2026, holiday 1 (春节): \"to\" is \"2026-02-30\", which is not a date; write it as yyyy-MM-dd");
        assertRejected(year("", "{\"name\": \"调休\", \"date\": \"2026/2/14\"}"),
                "make-up working day 1 (调休): \"date\" is \"2026/2/14\", which is not a date");
    }

    @Test
    void makeUpWorkingDayOnAWeekday() {
        assertRejected(year("", "{\"name\": \"劳动节调休上班\", \"date\": \"2026-05-09\"}, {\"name\": \"错\", \"date\": \"2026-05-08\"}"),
                "test.json, year 2026, make-up working day 2 (错): 2026-05-08 is a Friday (周五), a working day anyway; "
                        + "a make-up working day (调休上班) is always a Saturday or Sunday");
    }

    @Test
    void holidayEndingBeforeItStarts() {
        assertRejected(year("{\"name\": \"元旦\", \"from\": \"2026-01-01\"}, {\"name\": \"国庆节\", \"from\": \"2026-10-07\", \"to\": \"2026-10-01\"}", ""),
                "test.json, year 2026, holiday 2 (国庆节): \"to\" 2026-10-01 is before \"from\" 2026-10-07");
    }

    @Test
    void holidayThatIsAlsoAWorkday() {
        assertRejected(year("{\"name\": \"国庆节\", \"from\": \"2026-10-01\", \"to\": \"2026-10-07\"}",
                "{\"name\": \"国庆节调休上班\", \"date\": \"2026-10-04\"}"),
                "make-up working day 1 (国庆节调休上班): 2026-10-04 is also a day of the holiday 国庆节");
    }

    @Test
    void overlappingHolidaysAndRepeatedDays() {
        assertRejected(year("{\"name\": \"国庆节\", \"from\": \"2026-10-01\", \"to\": \"2026-10-07\"}, "
                + "{\"name\": \"中秋节\", \"from\": \"2026-10-06\", \"to\": \"2026-10-08\"}", ""),
                "holiday 2 (中秋节): 2026-10-06 is already a day of the holiday 国庆节");
        assertRejected(year("", "{\"name\": \"a\", \"date\": \"2026-10-10\"}, {\"name\": \"b\", \"date\": \"2026-10-10\"}"),
                "make-up working day 2 (b): 2026-10-10 is listed twice as a make-up working day");
    }

    @Test
    void implausibleDates() {
        assertRejected(year("{\"name\": \"春节\", \"from\": \"2026-02-15\", \"to\": \"2026-12-23\"}", ""),
                "holiday 1 (春节): from 2026-02-15 to 2026-12-23 is longer than 31 days; check the dates");
        assertRejected(year("{\"name\": \"国庆节\", \"from\": \"2025-10-01\", \"to\": \"2025-10-07\"}", ""),
                "holiday 1 (国庆节): \"from\" 2025-10-01 is not in 2026 (only December 2025 may also belong to 2026's notice)");
    }

    @Test
    void missingParts() {
        assertRejected("", "test.json is empty");
        assertRejected("null", "test.json lists no years");
        assertRejected("{\"years\": []}", "test.json lists no years");
        assertRejected("{\"years\": [{\"source\": \"通知\"}]}", "test.json, years[0]: \"year\" is missing");
        assertRejected("{\"years\": [{\"year\": 2026}]}", "test.json, year 2026: \"source\" is missing");
        assertRejected(year("{\"from\": \"2026-01-01\"}", ""), "year 2026, holiday 1: \"name\" is missing");
        assertRejected(year("{\"name\": \"元旦\"}", ""), "holiday 1 (元旦): \"from\" is missing");
        assertRejected(year("", "{\"name\": \"调休\"}"), "make-up working day 1 (调休): \"date\" is missing");
        assertRejected("{\"years\": [{\"year\": 2026, \"source\": \"a\"}, {\"year\": 2026, \"source\": \"b\"}]}",
                "test.json, year 2026: the year is listed twice");
    }

    @Test
    void jsonMistakesAreLocated() {
        assertRejected("{\"years\": [{\"year\": 2026, \"source\": \"通知\",\n \"hollidays\": []}]}",
                "test.json line 2", "at years[0].hollidays", "unknown field \"hollidays\"",
                "allowed here are holidays, source, workdays, year and _comment");
        assertRejected("{\"years\": [{\"year\": \"二〇二六\"}]}", "at years[0].year", "expected a whole number such as 2026");
        assertRejected("{\"years\": {\"year\": 2026}}", "at years", "expected a list in square brackets");
        assertRejected("{\"years\": [{\"year\": 2026,}]}", "test.json line 1");
        assertRejected("{\"years\": [], \"years\": []}", "Duplicate field 'years'");
        assertRejected("{\"years\": []} {}", "test.json line 1", "Trailing token");
    }
}
