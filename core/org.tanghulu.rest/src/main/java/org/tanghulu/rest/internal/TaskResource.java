package org.tanghulu.rest.internal;

import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.Decision;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.kernel.time.PlatformTime;
import org.tanghulu.staff.StaffTokens;

/** Officers' work: work lists, claiming and deciding tasks. Staff only (bearer token from POST /api/staff/login). */
@Component(service = TaskResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TanghuluApplication.SELECT)
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Reference
    private Cases cases;

    @Reference
    private StaffTokens tokens;

    /**
     * @param department whose work; may be left out by an officer of exactly one department
     * @param all also list decided tasks
     */
    @GET
    public List<TaskView> workList(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("department") String department, @QueryParam("all") boolean all) {
        Actor actor = Staff.authenticate(tokens, authorization);
        if (department == null || department.isBlank()) {
            if (actor.departments().size() != 1) {
                throw new BadRequestException("Say whose work to list: ?department=<id>"
                        + (actor.departments().isEmpty() ? "" : ", one of " + actor.departments()) + ".");
            }
            department = actor.departments().iterator().next();
        }
        return cases.workList(department, actor, all);
    }

    /** @return the open tasks past their promised due date today, of the departments the caller may see */
    @GET
    @Path("overdue")
    public List<TaskView> overdue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Actor actor = Staff.authenticate(tokens, authorization);
        return cases.overdue(LocalDate.now(PlatformTime.ZONE)).stream()
                .filter(t -> actor.maySee(t.matter().department())).toList();
    }

    @GET
    @Path("{id}")
    public TaskView task(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id) {
        return cases.task(id, Staff.authenticate(tokens, authorization));
    }

    @POST
    @Path("{id}/claim")
    public TaskView claim(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id) {
        return cases.claim(id, Staff.authenticate(tokens, authorization));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskView decide(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id,
            Decision decision) {
        if (decision == null) {
            throw new BadRequestException("Send the decision as a JSON object: {\"kind\": \"APPROVE\", \"outputs\": {...}}.");
        }
        return cases.decide(id, Staff.authenticate(tokens, authorization), decision);
    }
}
