package org.tanghulu.core.internal.cases;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.calendar.CalendarService;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.kernel.time.PlatformTime;

/**
 * Reminds applicants of the materials they promised to supply later (容缺受理) before the deadline:
 * every five minutes by default ({@code scheduler.period} in seconds in the same PID; the Karaf scheduler's whiteboard runs it, never two at once on a node) writes a
 * {@code MATERIAL_REMINDER} case event per material due soon, which the notification capability
 * sends. Nodes sharing the database remind once between them ({@link MaterialWaits#remind}).
 */
@Component(service = Runnable.class, configurationPid = MaterialReminders.PID, property = {
        "scheduler.name=tanghulu-material-reminders", "scheduler.period:Long=300", "scheduler.concurrent:Boolean=false"})
@Designate(ocd = MaterialReminders.Config.class)
public class MaterialReminders implements Runnable {

    static final String PID = "org.tanghulu.cases";

    /** {@code etc/org.tanghulu.cases.cfg}. */
    @ObjectClassDefinition(name = "Tanghulu cases")
    public @interface Config {
        @AttributeDefinition(description = "Working days before the deadline of a material promised for later (容缺) "
                + "that its applicant is reminded; 0: on the last day")
        int materialReminderDays() default 2;
    }

    private static final Logger LOG = LoggerFactory.getLogger(MaterialReminders.class);

    private final MaterialWaits waits;
    private final int days;

    @Activate
    public MaterialReminders(@Reference DepartmentGateway departments, @Reference CalendarService calendar,
            @Reference EventLog log, Config config) {
        this.waits = new MaterialWaits(departments, calendar, log, Clock.system(PlatformTime.ZONE));
        this.days = Math.max(0, config.materialReminderDays());
    }

    @Override
    public void run() {
        try {
            int reminded = waits.remind(days);
            if (reminded > 0) {
                LOG.info("{} applicant(s) reminded of a material promised for later", reminded);
            }
        } catch (RuntimeException e) {
            LOG.warn("Material reminders not written this round: {}", e.toString(), e);
        }
    }
}
