/**
 * The working-day calendar: which days count for statutory time limits (due dates, paused
 * clocks, handling times). {@link org.tanghulu.calendar.CalendarService} serves the calendar in
 * force, {@link org.tanghulu.calendar.CalendarCoverage} tells the operator when it runs out of years.
 */
@Export
@Version("1.1.0")
package org.tanghulu.calendar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
