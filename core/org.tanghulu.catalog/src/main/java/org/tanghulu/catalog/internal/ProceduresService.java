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
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.catalog.FunctionGroupStatus;
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

    @Activate
    public ProceduresService(@Reference Registry registry, @Reference DepartmentGateway departments) {
        this.registry = registry;
        this.departments = departments;
    }

    @Override
    public Optional<FlowChart> flowChart(String group) {
        return flowChart(group, departments.active());
    }

    /** Empty if the group is unavailable or cannot be charted (a department left a moment ago, a cycle through data). */
    private Optional<FlowChart> flowChart(String group, Map<String, DepartmentDefinition> active) {
        Optional<FunctionGroup> available = registry.functionGroups().stream()
                .filter(s -> s.group().id().equals(group) && s.available())
                .findFirst()
                .map(FunctionGroupStatus::group);
        try {
            return available.map(g -> Planner.chart(g, active));
        } catch (IllegalArgumentException e) {
            LOG.warn("Function group '{}' cannot be charted now: {}", group, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<UnifiedForm> form(String group, Map<String, String> prefill) {
        Map<String, DepartmentDefinition> active = departments.active();
        return flowChart(group, active).map(chart -> Planner.form(chart, departments.elements(active), prefill));
    }

    @Override
    public Optional<RedundancyReport> redundancy(String group) {
        Map<String, DepartmentDefinition> active = departments.active();
        return flowChart(group, active).map(chart -> Planner.report(chart, active,
                Planner.form(chart, departments.elements(active), Map.of())));
    }

    @Override
    public Checklist checklist(Set<String> materials, ApplicantType applicantType) {
        return Planner.checklist(materials, applicantType, departments.active(), registry.functionGroups());
    }
}
