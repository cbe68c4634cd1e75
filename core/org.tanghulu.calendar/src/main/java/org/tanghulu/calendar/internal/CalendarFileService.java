package org.tanghulu.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.calendar.CalendarCoverage;
import org.tanghulu.calendar.CalendarService;
import org.tanghulu.kernel.time.PlatformTime;

/**
 * Serves the working-day calendar from the admin's file, re-reading it when it changes.
 * Without a file, the mainland-China calendar shipped in the bundle is used; an invalid
 * edit is logged and the calendar in use before it stays in use.
 */
@Component(service = { CalendarService.class, CalendarCoverage.class }, configurationPid = "org.tanghulu.calendar")
@Designate(ocd = CalendarConfig.class)
public class CalendarFileService implements CalendarService, CalendarCoverage {

    static final String FILE_NAME = "tanghulu-calendar.json";
    static final String BUNDLED = "/calendar/cn-mainland.json";
    private static final String BUNDLED_NAME = "bundle resource " + BUNDLED;

    private static final Logger LOG = LoggerFactory.getLogger(CalendarFileService.class);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    /** The state of a file that does not exist or cannot be seen. */
    private static final Stamp ABSENT = new Stamp(null, -1);
    /** The calendar is mainland China's, so is its "current year". */
    private static final ZoneId ZONE = PlatformTime.ZONE;

    private final Path file;
    private final InstantSource clock;
    private final HolidayCalendar bundled;

    private HolidayCalendar calendar;
    private String loadedFrom;
    private Stamp seen;
    private Instant checked;
    /** Years outside the calendar that time limits have been counted into since it was loaded. */
    private final Set<Integer> countedUncovered = new ConcurrentSkipListSet<>();

    @Activate
    public CalendarFileService(CalendarConfig config) {
        this(configuredFile(config.file(), System.getProperty("karaf.etc")), Clock.systemUTC());
    }

    /** @param file the admin's calendar file; {@code null} to use the bundled calendar only */
    CalendarFileService(Path file, InstantSource clock) {
        this.file = file;
        this.clock = clock;
        try (InputStream in = CalendarFileService.class.getResourceAsStream(BUNDLED)) {
            this.bundled = HolidayCalendar.parse(in, BUNDLED_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.calendar = bundled.reportingUncovered(this::countedInto);
        this.loadedFrom = BUNDLED_NAME;
        refresh(clock.instant());
    }

    /** @return the configured file, else {@code <karafEtc>/tanghulu-calendar.json}, else {@code null} */
    static Path configuredFile(String file, String karafEtc) {
        if (file != null && !file.isBlank()) {
            return Path.of(file.strip());
        }
        return karafEtc == null || karafEtc.isBlank() ? null : Path.of(karafEtc, FILE_NAME);
    }

    /** @return the calendar now in force; the file is checked for changes at most once a second */
    @Override
    public synchronized HolidayCalendar current() {
        Instant now = clock.instant();
        if (!now.isBefore(checked.plus(CHECK_INTERVAL))) {
            refresh(now);
        }
        return calendar;
    }

    private void refresh(Instant now) {
        checked = now;
        Stamp stamp = stamp();
        if (stamp.equals(seen)) {
            return;
        }
        seen = stamp;
        if (stamp == ABSENT) {
            use(bundled, BUNDLED_NAME + (file == null ? "" : " (there is no file " + file + ")"));
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            use(HolidayCalendar.parse(in, file.toString()), file.toString());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.error("Working-day calendar file {} is invalid and was not loaded; still using the previous calendar, "
                    + "from {} (years {}). {}", file, loadedFrom, calendar.years(), e.getMessage());
        }
    }

    private void use(HolidayCalendar loaded, String from) {
        calendar = loaded.reportingUncovered(this::countedInto);
        loadedFrom = from;
        countedUncovered.clear();
        LOG.info("Working-day calendar loaded from {}: years {}", from, loaded.years());
        int year = LocalDate.ofInstant(clock.instant(), ZONE).getYear();
        if (!loaded.years().contains(year)) {
            LOG.error("The working-day calendar from {} does not cover the current year {} (it has {}): time limits are "
                    + "counted Monday to Friday without holidays until {} is added to etc/{}", from, year, loaded.years(),
                    year, FILE_NAME);
        }
    }

    private void countedInto(int year) {
        if (countedUncovered.add(year)) {
            LOG.error("A time limit was counted into {}, which the working-day calendar from {} does not cover (it has {}): "
                    + "Monday to Friday were taken as working days and no holidays. Add {} to etc/{} from the State Council's "
                    + "holiday notice; due dates given before that are not recomputed.", year, loadedFrom, calendar.years(),
                    year, FILE_NAME);
        }
    }

    @Override
    public Set<Integer> years() {
        return current().years();
    }

    @Override
    public Optional<String> warning() {
        HolidayCalendar now = current();
        Set<Integer> missing = new TreeSet<>(countedUncovered);
        missing.add(LocalDate.ofInstant(clock.instant(), ZONE).getYear());
        missing.removeAll(now.years());
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The working-day calendar does not cover " + missing + " (it has " + now.years()
                + "): time limits in those years are counted Monday to Friday without holidays. Add them to etc/"
                + FILE_NAME + ".");
    }

    private Stamp stamp() {
        if (file == null) {
            return ABSENT;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime(), a.size());
        } catch (IOException e) {
            return ABSENT;
        }
    }

    private record Stamp(FileTime modified, long size) {
    }
}
