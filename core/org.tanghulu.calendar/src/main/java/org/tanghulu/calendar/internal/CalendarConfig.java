package org.tanghulu.calendar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.tanghulu.calendar} ({@code etc/org.tanghulu.calendar.cfg}, optional). */
@ObjectClassDefinition(name = "Tanghulu working-day calendar",
        description = "Public holidays and make-up working days used to count time limits")
@interface CalendarConfig {

    @AttributeDefinition(name = "Calendar file",
            description = "Path of the calendar JSON file; empty means ${karaf.etc}/tanghulu-calendar.json")
    String file() default "";
}
