package org.tanghulu.core.internal.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.core.cases.DepartmentStatistics;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.calendar.WorkingCalendar;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.kernel.time.PlatformTime;

/**
 * The supervisors' numbers per department, from five queries over all tasks: counts by state,
 * overdue counts, tasks with a correction request, the department's step ratings by level (all grouped in the database)
 * and the decided tasks' dates, whose working days only the calendar can count.
 */
final class CaseStatistics {

    private static final List<TaskState> DONE = List.of(TaskState.APPROVED, TaskState.REJECTED);

    /** The running sums of one department. */
    private static final class Sums {
        long open;
        long done;
        long overdue;
        long corrections;
        long handlingDays;
        long promisedDays;
        long decided;
        final long[] ratings = new long[5];
    }

    private CaseStatistics() {
    }

    /**
     * @param running the open states whose clock runs (those that can be overdue)
     * @param charts the frozen chart of a group version (for the matters' promised limits)
     * @param names a department's name by id
     */
    static List<DepartmentStatistics> of(EntityManager em, LocalDate day, List<TaskState> running,
            WorkingCalendar calendar, Function<GroupVersionEntity.Key, FlowChart> charts,
            Function<String, LocalizedText> names) {
        Map<String, Sums> sums = new TreeMap<>();
        Function<Object, Sums> of = department -> sums.computeIfAbsent((String) department, d -> new Sums());
        em.createQuery("select t.department, t.state, count(t) from TaskEntity t group by t.department, t.state",
                Object[].class).getResultList().forEach(r -> {
                    TaskState state = (TaskState) r[1];
                    long n = (Long) r[2];
                    Sums s = of.apply(r[0]);
                    if (state.open()) {
                        s.open += n;
                    } else if (DONE.contains(state)) {
                        s.done += n;
                    }
                });
        em.createQuery("select t.department, count(t) from TaskEntity t where t.state in :s and t.promisedDue < :day "
                + "group by t.department", Object[].class).setParameter("s", running).setParameter("day", day)
                .getResultList().forEach(r -> of.apply(r[0]).overdue = (Long) r[1]);
        em.createQuery("select t.department, count(distinct t.id) from TaskEntity t, EventEntity e "
                + "where e.taskId = t.id and e.type = 'CORRECTION_REQUESTED' group by t.department", Object[].class)
                .getResultList().forEach(r -> of.apply(r[0]).corrections = (Long) r[1]);
        em.createQuery("select t.department, t.ratingLevel, count(t) from TaskEntity t where t.ratingLevel is not null "
                + "group by t.department, t.ratingLevel", Object[].class)
                .getResultList().forEach(r -> of.apply(r[0]).ratings[(Integer) r[1] - 1] = (Long) r[2]);
        em.createQuery("select t.department, t.matter, c.groupId, c.groupVersion, t.createdAt, t.decidedAt, t.pausedDays "
                + "from TaskEntity t join t.caseRecord c where t.state in :s", Object[].class)
                .setParameter("s", DONE).getResultStream().forEach(r -> {
                    Sums s = of.apply(r[0]);
                    FlowChart chart = charts.apply(new GroupVersionEntity.Key((String) r[2], (Integer) r[3]));
                    MatterKey matter = new MatterKey((String) r[0], (String) r[1]);
                    int handling = calendar.workingDaysBetween(date((Instant) r[4]), date((Instant) r[5])) - (Integer) r[6];
                    s.handlingDays += Math.max(0, handling);
                    s.promisedDays += chart.blocks().stream().filter(b -> b.matter().equals(matter))
                            .mapToInt(Block::promisedDays).findFirst().orElse(0);
                    s.decided++;
                });
        List<DepartmentStatistics> result = new ArrayList<>();
        sums.forEach((department, s) -> {
            long rated = 0;
            long levels = 0;
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < s.ratings.length; i++) {
                rated += s.ratings[i];
                levels += s.ratings[i] * (i + 1);
                counts.add(s.ratings[i]);
            }
            result.add(new DepartmentStatistics(department, names.apply(department), s.open, s.done, s.overdue,
                    s.corrections, mean(s.handlingDays, s.decided), mean(s.promisedDays, s.decided), rated,
                    mean(levels, rated), counts));
        });
        return result;
    }

    private static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, PlatformTime.ZONE);
    }

    private static double mean(long sum, long count) {
        return count == 0 ? 0 : (double) sum / count;
    }
}
