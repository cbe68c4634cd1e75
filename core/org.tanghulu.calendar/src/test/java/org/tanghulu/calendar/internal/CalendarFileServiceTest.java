package org.tanghulu.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarFileServiceTest {

    private static final LocalDate ONE_DAY_OFF = LocalDate.parse("2030-05-06");

    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-11-20T08:00:00Z");
    private int edits;

    private CalendarFileService service(Path file) {
        return new CalendarFileService(file, () -> now);
    }

    private void later(Duration d) {
        now = now.plus(d);
    }

    /** Writes the file with a new modification time, as an editor would. */
    private void write(Path file, String json) throws IOException {
        Files.writeString(file, json);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(++edits)));
    }

    private static String calendar(int year, String holiday) {
        return "{\"years\": [{\"year\": " + year + ", \"source\": \"test\", \"holidays\": [{\"name\": \"假\", \"from\": \""
                + holiday + "\"}]}]}";
    }

    @Test
    void withoutAFileTheBundledCalendarIsUsed() {
        assertEquals(Set.of(2024, 2025, 2026), service(null).current().years());
        assertEquals(Set.of(2024, 2025, 2026), service(dir.resolve(CalendarFileService.FILE_NAME)).current().years());
    }

    @Test
    void theFileIsReadAndReReadWhenItChanges() throws IOException {
        Path file = dir.resolve(CalendarFileService.FILE_NAME);
        write(file, calendar(2030, "2030-05-06"));
        CalendarFileService service = service(file);
        HolidayCalendar first = service.current();
        assertEquals(Set.of(2030), first.years());
        assertFalse(first.isWorkingDay(ONE_DAY_OFF));

        write(file, calendar(2031, "2031-05-05"));
        later(Duration.ofMillis(500));
        assertSame(first, service.current(), "checked at most once a second");
        later(Duration.ofMillis(500));
        HolidayCalendar second = service.current();
        assertEquals(Set.of(2031), second.years());
        assertTrue(second.isWorkingDay(ONE_DAY_OFF));

        later(Duration.ofSeconds(5));
        assertSame(second, service.current(), "an unchanged file is not read again");
    }

    @Test
    void anInvalidEditKeepsThePreviousCalendar() throws IOException {
        Path file = dir.resolve(CalendarFileService.FILE_NAME);
        write(file, calendar(2030, "2030-05-06"));
        CalendarFileService service = service(file);
        HolidayCalendar good = service.current();

        write(file, calendar(2030, "2030-05-32"));
        later(Duration.ofSeconds(1));
        assertSame(good, service.current());
        write(file, "{\"years\": [");
        later(Duration.ofSeconds(1));
        assertSame(good, service.current());

        write(file, calendar(2031, "2031-05-05"));
        later(Duration.ofSeconds(1));
        assertEquals(Set.of(2031), service.current().years(), "a corrected file is loaded");
    }

    @Test
    void anInvalidFileAtStartKeepsTheBundledCalendar() throws IOException {
        Path file = dir.resolve(CalendarFileService.FILE_NAME);
        write(file, "not json");
        assertEquals(Set.of(2024, 2025, 2026), service(file).current().years());
    }

    @Test
    void aFileThatAppearsOrDisappearsIsNoticed() throws IOException {
        Path file = dir.resolve(CalendarFileService.FILE_NAME);
        CalendarFileService service = service(file);
        assertEquals(Set.of(2024, 2025, 2026), service.current().years());

        write(file, calendar(2030, "2030-05-06"));
        later(Duration.ofSeconds(1));
        assertEquals(Set.of(2030), service.current().years());

        Files.delete(file);
        later(Duration.ofSeconds(1));
        assertEquals(Set.of(2024, 2025, 2026), service.current().years());
    }

    @Test
    void theFileIsConfiguredOrInKarafEtc() {
        assertEquals(Path.of("/srv/calendar.json"), CalendarFileService.configuredFile(" /srv/calendar.json ", "/opt/karaf/etc"));
        assertEquals(Path.of("/opt/karaf/etc", "tanghulu-calendar.json"), CalendarFileService.configuredFile("", "/opt/karaf/etc"));
        assertNull(CalendarFileService.configuredFile("", null));
        assertNull(CalendarFileService.configuredFile(null, " "));
    }

    @Test
    void aYearTheCalendarDoesNotCoverIsCountedMondayToFridayAndReported() throws IOException {
        Path file = dir.resolve(CalendarFileService.FILE_NAME);
        write(file, calendar(2026, "2026-10-01"));
        CalendarFileService service = service(file);
        assertTrue(service.warning().isEmpty(), "2026 is covered and nothing was counted beyond it");
        // 3 working days from Wednesday 2026-12-30: Thursday 31st, then Friday 1 Jan and Monday 4 Jan 2027 (New Year unknown)
        assertEquals(LocalDate.parse("2027-01-04"), service.current().due(LocalDate.parse("2026-12-30"), 3));
        String warning = service.warning().orElseThrow();
        assertTrue(warning.contains("[2027]") && warning.contains("Monday to Friday"), warning);
        assertEquals(Set.of(2026), service.years());

        later(Duration.ofSeconds(2));
        write(file, "{\"years\": [" + calendar(2026, "2026-10-01").replaceAll("^\\{\"years\": \\[|\\]\\}$", "")
                + ", {\"year\": 2027, \"source\": \"test\", \"holidays\": [{\"name\": \"元旦\", \"from\": \"2027-01-01\"}]}]}");
        assertEquals(LocalDate.parse("2027-01-05"), service.current().due(LocalDate.parse("2026-12-30"), 3));
        assertTrue(service.warning().isEmpty(), "a calendar that covers 2027 clears the warning");
    }

    @Test
    void aCalendarWithoutTheCurrentYearIsReportedAtOnce() throws IOException {
        Path file = dir.resolve(CalendarFileService.FILE_NAME);
        write(file, calendar(2025, "2025-10-01"));
        String warning = service(file).warning().orElseThrow();
        assertTrue(warning.contains("[2026]"), warning);
    }
}
