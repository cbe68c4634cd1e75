package org.tanghulu.catalog.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.catalog.Registry;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.plan.Checklist;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.catalog.plan.RedundancyReport;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.catalog.plan.Planner;

/** {@link Procedures} over the definitions present now, by the {@link Planner}. */
@Component
public class ProceduresService implements Procedures {

    private static final Logger LOG = LoggerFactory.getLogger(ProceduresService.class);

    private final Registry registry;
    private final DepartmentGateway departments;
    private final DerivedPlans derived = new DerivedPlans();

    @Activate
    public ProceduresService(@Reference Registry registry, @Reference DepartmentGateway departments) {
        this.registry = registry;
        this.departments = departments;
    }

    @Override
    public Optional<FlowChart> flowChart(String group) {
        return flowChart(group, now());
    }

    /** What is derived from the catalog as it is now (the same until it changes). */
    private DerivedPlans.State now() {
        return derived.of(departments.active(), registry.functionGroups());
    }

    /** Empty if the group is unavailable or cannot be charted (a department left a moment ago, a cycle through data). */
    private Optional<FlowChart> flowChart(String group, DerivedPlans.State state) {
        return state.chart(group, g -> {
            try {
                return Optional.of(Planner.chart(g, state.active));
            } catch (IllegalArgumentException e) {
                LOG.warn("Function group '{}' cannot be charted now: {}", group, e.getMessage());
                return Optional.empty();
            }
        });
    }

    private Map<String, DataElement> elements(DerivedPlans.State state) {
        return state.elements(() -> departments.elements(state.active));
    }

    @Override
    public Optional<UnifiedForm> form(String group, Map<String, String> prefill) {
        DerivedPlans.State state = now();
        if (prefill.isEmpty()) {
            return state.form(group, () -> flowChart(group, state).map(chart -> Planner.form(chart, elements(state), prefill)));
        }
        return flowChart(group, state).map(chart -> Planner.form(chart, elements(state), prefill));
    }

    @Override
    public Optional<RedundancyReport> redundancy(String group) {
        DerivedPlans.State state = now();
        return flowChart(group, state).map(chart -> Planner.report(chart, state.active, form(group, Map.of()).orElseThrow()));
    }

    @Override
    public Checklist checklist(Set<String> materials, ApplicantType applicantType) {
        DerivedPlans.State state = now();
        if (materials.isEmpty()) {
            return state.checklist(String.valueOf(applicantType),
                    () -> Planner.checklist(materials, applicantType, state.active, state.groups));
        }
        return Planner.checklist(materials, applicantType, state.active, state.groups);
    }
}
