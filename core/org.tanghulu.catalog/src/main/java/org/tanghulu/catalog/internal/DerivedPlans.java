package org.tanghulu.catalog.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.plan.Checklist;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.UnifiedForm;

/**
 * What {@link ProceduresService} derives from one state of the catalog - flow charts, the data elements, unified forms
 * without prefill, checklists without materials - kept until the state changes (issue 13: at Haidian's scale,
 * charting a group anew on every request made the catalog's pages slow).
 *
 * <p>A state is the pair of the active departments' map and the function-group list, by identity: the catalog
 * ({@link Coordinator}) hands out the same read-only instances until something changes and new ones after. Another
 * implementation that makes new instances on every call only misses the cache; one must never change an instance it
 * has handed out.
 */
final class DerivedPlans {

    /** One state and what has been derived from it so far. */
    static final class State {
        final Map<String, DepartmentDefinition> active;
        final java.util.List<FunctionGroupStatus> groups;
        /** The available groups by id. */
        final Map<String, FunctionGroup> available;
        private final Map<String, Optional<FlowChart>> charts = new ConcurrentHashMap<>();
        private final Map<String, Optional<UnifiedForm>> forms = new ConcurrentHashMap<>();
        private final Map<String, Checklist> checklists = new ConcurrentHashMap<>();
        private volatile Map<String, DataElement> elements;

        State(Map<String, DepartmentDefinition> active, java.util.List<FunctionGroupStatus> groups) {
            this.active = active;
            this.groups = groups;
            this.available = groups.stream().filter(FunctionGroupStatus::available).map(FunctionGroupStatus::group)
                    .collect(Collectors.toUnmodifiableMap(FunctionGroup::id, Function.identity(), (a, b) -> a));
        }

        /** @return the group's chart, charted once; empty for a group that is not available */
        Optional<FlowChart> chart(String group, Function<FunctionGroup, Optional<FlowChart>> chart) {
            FunctionGroup g = available.get(group);
            return g == null ? Optional.empty() : charts.computeIfAbsent(group, id -> chart.apply(g));
        }

        /** @return the form without prefill of an available group, made once */
        Optional<UnifiedForm> form(String group, Supplier<Optional<UnifiedForm>> form) {
            return available.containsKey(group) ? forms.computeIfAbsent(group, id -> form.get()) : form.get();
        }

        Checklist checklist(String applicantType, Supplier<Checklist> checklist) {
            return checklists.computeIfAbsent(applicantType, t -> checklist.get());
        }

        Map<String, DataElement> elements(Supplier<Map<String, DataElement>> elements) {
            Map<String, DataElement> known = this.elements;
            if (known == null) {
                known = Map.copyOf(elements.get());
                this.elements = known;
            }
            return known;
        }
    }

    private volatile State state;

    /** @return what is derived from this state of the catalog, a new, empty one if it is not the last state seen */
    State of(Map<String, DepartmentDefinition> active, java.util.List<FunctionGroupStatus> groups) {
        State known = state;
        if (known != null && known.active == active && known.groups == groups) {
            return known;
        }
        State fresh = new State(active, groups);
        state = fresh;
        return fresh;
    }
}
