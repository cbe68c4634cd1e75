package org.tanghulu.rest.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.staff.Audience;
import org.tanghulu.staff.LoginAttempt;
import org.tanghulu.staff.LoginThrottle;
import org.tanghulu.staff.StaffRealm;
import org.tanghulu.staff.StaffToken;
import org.tanghulu.staff.StaffTokens;

/**
 * Staff log in to the API: a throttled password check (shared with the desk's login form) that
 * answers a bearer token, and log out.
 */
@Component(service = StaffResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TanghuluApplication.SELECT)
@Path("staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    /** What a member of staff logs in with. */
    public record Credentials(String user, String password) {
    }

    /**
     * The answer to a login.
     *
     * @param token to send as {@code Authorization: Bearer <token>}
     * @param expiresAt when the token ends at the latest
     * @param idleMinutes the token ends earlier if unused for this long
     * @param user the login name
     * @param departments whose tasks the member of staff works on (roles {@code officer-<department>})
     * @param supervisor whether they read every department's work (role {@code supervisor})
     */
    public record StaffLogin(String token, Instant expiresAt, long idleMinutes, String user, List<String> departments,
            boolean supervisor) {
    }

    @Reference
    private StaffRealm realm;

    @Reference
    private LoginThrottle throttle;

    @Reference
    private StaffTokens tokens;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffLogin login(@Context HttpServletRequest request, @Context HttpServletResponse response,
            Credentials credentials) {
        if (credentials == null || credentials.user() == null || credentials.user().isBlank()
                || credentials.password() == null || credentials.password().isEmpty()) {
            throw new BadRequestException("Send the login as a JSON object: {\"user\": \"...\", \"password\": \"...\"}.");
        }
        String user = credentials.user().strip();
        char[] password = credentials.password().toCharArray();
        LoginAttempt<Actor> attempt;
        try {
            attempt = throttle.attempt(Audience.STAFF, user, request.getRemoteAddr(), () -> realm.login(user, password));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (attempt.locked()) {
            throw new WebApplicationException("Too many failed logins for this name or from this address. Try again in "
                    + attempt.waitMinutes() + " minute(s).", Response.status(429)
                    .header(HttpHeaders.RETRY_AFTER, attempt.waitSeconds()).build());
        }
        Actor actor = attempt.who().orElseThrow(() -> Staff.unauthorized("Wrong user name or password."));
        StaffToken t = tokens.issue(actor);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return new StaffLogin(t.token(), t.expiresAt(), t.idleTimeout().toMinutes(), actor.name(),
                actor.departments().stream().sorted().toList(), actor.supervisor());
    }

    /** Ends the token sent; 204, or 401 if it was not a valid token. */
    @POST
    @Path("logout")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Staff.authenticate(tokens, authorization);
        tokens.revoke(Staff.token(authorization));
        return Response.noContent().build();
    }
}
