package org.tanghulu.core.internal.cases;

import static org.tanghulu.core.Refusal.Kind.UNAVAILABLE;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.internal.store.JsonColumns;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.Procedures;

/**
 * Frozen function-group versions ({@code group_version}): the flow chart a group's cases run on
 * at a version, frozen by its first case, so that running cases keep it. Cached once read.
 */
final class GroupVersions {

    private static final Logger LOG = LoggerFactory.getLogger(GroupVersions.class);

    private final Procedures procedures;
    private final EventLog log;
    private final Clock clock;
    private final Map<GroupVersionEntity.Key, FlowChart> charts = new ConcurrentHashMap<>();

    GroupVersions(Procedures procedures, EventLog log, Clock clock) {
        this.procedures = procedures;
        this.log = log;
        this.clock = clock;
    }

    /**
     * The chart the group's cases run on at this version: the one frozen by its first case, else now's.
     * Synchronized so that a node's first concurrent submissions freeze it once; nodes racing each
     * other are decided by the primary key.
     */
    FlowChart freeze(FunctionGroupStatus status) {
        GroupVersionEntity.Key key = new GroupVersionEntity.Key(status.group().id(), status.group().version());
        FlowChart frozen = chart(key);
        if (frozen != null) {
            return frozen;
        }
        synchronized (charts) {
            frozen = chart(key);
            return frozen != null ? frozen : freeze(status, key);
        }
    }

    /** The chart a case submitted now would run on, without freezing it (the questions asked before submitting). */
    FlowChart current(FunctionGroupStatus status) {
        FlowChart frozen = chart(new GroupVersionEntity.Key(status.group().id(), status.group().version()));
        return frozen != null ? frozen : now(status);
    }

    private FlowChart now(FunctionGroupStatus status) {
        return procedures.flowChart(status.group().id()).orElseThrow(() -> new Refusal(UNAVAILABLE,
                "'" + status.group().name().zh() + "' cannot take new applications right now; please try again later."));
    }

    private FlowChart freeze(FunctionGroupStatus status, GroupVersionEntity.Key key) {
        FlowChart now = now(status);
        try {
            log.run(em -> {
                GroupVersionEntity g = new GroupVersionEntity();
                g.groupId = now.group();
                g.version = now.version();
                g.chart = JsonColumns.write(now);
                g.firstUsed = clock.instant();
                em.persist(g);
                return g;
            });
            LOG.info("Function group {} version {} frozen for its cases", now.group(), now.version());
        } catch (RuntimeException e) {
            LOG.debug("Version frozen concurrently", e);
        }
        return Optional.ofNullable(chart(key)).orElse(now);
    }

    /** @return the chart frozen at this group version, or {@code null} if no case has started on it */
    FlowChart chart(GroupVersionEntity.Key key) {
        FlowChart cached = charts.get(key);
        if (cached != null) {
            return cached;
        }
        GroupVersionEntity g = log.run(em -> em.find(GroupVersionEntity.class, key));
        if (g == null) {
            return null;
        }
        FlowChart chart = JsonColumns.read(g.chart, FlowChart.class);
        charts.put(key, chart);
        return chart;
    }

    /** @return the chart the case runs on */
    FlowChart of(CaseEntity c) {
        return chart(new GroupVersionEntity.Key(c.groupId, c.groupVersion));
    }
}
