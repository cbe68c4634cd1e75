package org.tanghulu.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.catalog.plan.Checklist;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.catalog.plan.RedundancyReport;
import org.tanghulu.catalog.plan.UnifiedForm;

/** The catalog by need: function groups, their flow charts, unified forms, redundancy reports, and the materials checklist. */
@Component(service = CatalogResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TanghuluApplication.SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    /**
     * A function group as the catalog lists it; the totals are there when it is available. {@code need} is the
     * catalog need it is listed under ({@code null} for none), {@code extensions} the ids of other bundles'
     * extensions that add matters to it now.
     */
    public record GroupSummary(String id, int version, LocalizedText name, LocalizedText description,
            Set<ApplicantType> applicantTypes, boolean available, List<String> missing, Integer promisedDays,
            Integer serialPromisedDays, Integer matters, String need, List<String> extensions) {
    }

    @Reference
    private Registry registry;
    @Reference
    private Procedures procedures;
    @Reference
    private Cases cases;

    /** @param applicantType only groups open to this applicant type; all if absent */
    @GET
    @Path("groups")
    public List<GroupSummary> groups(@QueryParam("applicantType") String applicantType) {
        ApplicantType type = applicantType(applicantType);
        return registry.functionGroups().stream()
                .filter(s -> s.problems().isEmpty() && (type == null || s.group().applicantTypes().contains(type)))
                .map(this::summary).toList();
    }

    @GET
    @Path("groups/{id}")
    public GroupSummary group(@PathParam("id") String id) {
        return summary(status(id));
    }

    @GET
    @Path("groups/{id}/chart")
    public FlowChart chart(@PathParam("id") String id) {
        return derived(id, procedures::flowChart);
    }

    /**
     * @param from an earlier case of the applicant's whose data prefill the form
     * @param accessKey that case's access key
     */
    @GET
    @Path("groups/{id}/form")
    public UnifiedForm form(@PathParam("id") String id, @QueryParam("from") String from,
            @HeaderParam(CaseResource.ACCESS_KEY) String accessKey) {
        Map<String, String> prefill = from == null || from.isBlank() ? Map.of() : cases.applicantView(from, accessKey).values();
        return derived(id, g -> procedures.form(g, prefill));
    }

    @GET
    @Path("groups/{id}/redundancy")
    public RedundancyReport redundancy(@PathParam("id") String id) {
        return derived(id, procedures::redundancy);
    }

    /**
     * @param have the ids of the materials the applicant has (repeat the parameter)
     * @param applicantType the applicant's type; all if absent
     */
    @GET
    @Path("checklist")
    public Checklist checklist(@QueryParam("have") List<String> have, @QueryParam("applicantType") String applicantType,
            @QueryParam("group") String group) {
        Checklist all = procedures.checklist(Set.copyOf(have), applicantType(applicantType));
        // the per-material lines of one group when asked for it; without, every group's verdict only (a bounded answer)
        return new Checklist(all.matters(), all.groups().stream().filter(g -> group == null || g.group().equals(group))
                .map(g -> group != null ? g : new Checklist.GroupReadiness(g.group(), g.name(), g.available(), g.ready(),
                        g.missing())).toList());
    }

    private <T> T derived(String id, Function<String, Optional<T>> derive) {
        FunctionGroupStatus status = status(id);
        return derive.apply(id).orElseThrow(() -> unavailable(status));
    }

    private FunctionGroupStatus status(String id) {
        return registry.functionGroups().stream().filter(s -> s.group().id().equals(id) && s.problems().isEmpty())
                .findFirst().orElseThrow(() -> new NotFoundException("There is no function group '" + id + "'."));
    }

    private GroupSummary summary(FunctionGroupStatus s) {
        Optional<FlowChart> chart = s.available() ? procedures.flowChart(s.group().id()) : Optional.empty();
        return new GroupSummary(s.group().id(), s.group().version(), s.group().name(), s.group().description(),
                s.group().applicantTypes(), chart.isPresent(), s.missing(), chart.map(FlowChart::promisedDays).orElse(null),
                chart.map(FlowChart::serialPromisedDays).orElse(null), chart.map(c -> c.blocks().size()).orElse(null),
                s.group().need(), s.extensions());
    }

    private static ServiceUnavailableException unavailable(FunctionGroupStatus s) {
        return new ServiceUnavailableException("'" + s.group().name().zh() + "' is not available right now"
                + (s.missing().isEmpty() ? "" : ": " + String.join("; ", s.missing())) + ". Please try again later.");
    }

    static ApplicantType applicantType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ApplicantType.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + value + "' is not an applicant type; use one of "
                    + List.of(ApplicantType.values()) + ".");
        }
    }
}
