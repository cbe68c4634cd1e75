package org.tanghulu.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.calendar.CalendarCoverage;
import org.tanghulu.catalog.DepartmentRecord;
import org.tanghulu.catalog.DepartmentState;
import org.tanghulu.catalog.DepartmentStatus;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.Registry;

/** Health and the departments present on the platform. */
@Component(service = PlatformResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TanghuluApplication.SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    /** A department as the API shows it; times are ISO-8601 strings. */
    public record DepartmentJson(String id, LocalizedText name, DepartmentState state, List<String> problems,
            String bundle, String since, String firstSeen, List<String> matters) {
    }

    /**
     * The health answer: UP when the platform has finished starting (the framework reached its
     * beginning start level, so every installed bundle, department or not, has been started), every
     * resource of the API is there and the catalog's database answers; STARTING (503) before that. {@code calendar} is OK, or
     * INCOMPLETE with {@code calendarWarning} when time limits run into a year the working-day calendar
     * does not cover (counted Monday to Friday; the platform keeps working).
     */
    public record Health(String status, String database, Map<DepartmentState, Long> departments,
            long availableFunctionGroups, String calendar, String calendarWarning) {
    }

    @Reference
    private Registry registry;

    @Reference
    private CalendarCoverage calendar;

    /**
     * Not called: health answers only once the API's other resources are registered (their services
     * come before this one's, and the whiteboard takes them in that order), and so once what they
     * need is up: the case engine, accounts, staff logins, the catalog.
     */
    @Reference
    private CaseResource cases;
    @Reference
    private TaskResource tasks;
    @Reference
    private StaffResource staff;
    @Reference
    private CatalogResource catalog;
    @Reference
    private OpenApiResource openApi;

    private final BundleContext context;

    @Activate
    public PlatformResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Path("health")
    public Response health() {
        boolean started = started();
        boolean database = registry.databaseHealthy();
        Map<DepartmentState, Long> counts = new TreeMap<>();
        registry.departments().forEach(d -> counts.merge(d.state(), 1L, Long::sum));
        long available = registry.functionGroups().stream().filter(FunctionGroupStatus::available).count();
        String warning = calendar.warning().orElse(null);
        Health health = new Health(!started ? "STARTING" : database ? "UP" : "DOWN", database ? "UP" : "DOWN", counts,
                available, warning == null ? "OK" : "INCOMPLETE", warning);
        return Response.status(started && database ? 200 : 503).entity(health).build();
    }

    /**
     * @return whether the framework has reached the start level it starts to (Karaf: 100). Karaf
     *         starts the framework low and raises it; the level it raises to is the system property, as
     *         Karaf's own shell reads it.
     */
    private boolean started() {
        String beginning = System.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL,
                context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL));
        int target = beginning == null || beginning.isBlank() ? 1 : Integer.parseInt(beginning.strip());
        return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class)
                .getStartLevel() >= target;
    }

    /**
     * @param all also list departments seen before but not installed now, from the
     *        database
     */
    @GET
    @Path("departments")
    public List<DepartmentJson> departments(@QueryParam("all") boolean all) {
        if (!all) {
            return registry.departments().stream().map(d -> json(d, null)).toList();
        }
        List<DepartmentRecord> history;
        try {
            history = registry.departmentHistory();
        } catch (IllegalStateException e) {
            throw new ServiceUnavailableException("The database is not available; try again shortly.");
        }
        return history.stream()
                .map(r -> registry.department(r.id()).map(d -> json(d, r.firstSeen().toString()))
                        .orElse(new DepartmentJson(r.id(), r.name(), r.state(), r.problems(), r.bundle(),
                                String.valueOf(r.lastChanged()), String.valueOf(r.firstSeen()), List.of())))
                .toList();
    }

    @GET
    @Path("departments/{id}")
    public DepartmentJson department(@PathParam("id") String id) {
        return registry.department(id).map(d -> json(d, null))
                .orElseThrow(() -> new NotFoundException("No department '" + id + "' is installed."));
    }

    private static DepartmentJson json(DepartmentStatus d, String firstSeen) {
        List<String> matters = d.definition() == null || d.state() != DepartmentState.ACTIVE ? List.of()
                : d.definition().matters().stream().map(Matter::id).toList();
        return new DepartmentJson(d.id(), d.name(), d.state(), d.problems(), d.bundle(), d.since().toString(), firstSeen,
                matters);
    }
}
