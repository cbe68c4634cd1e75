package org.tanghulu.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error leaves the API as JSON {@code {"status", "error", "message"}}: the
 * client's mistakes with their own status and message, the platform's own failures as
 * a 500 that says nothing of the internals (the stack trace goes to the log).
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TanghuluApplication.SELECT)
public class ErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** The body of every error answer. */
    public record Error(int status, String error, String message) {
    }

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof WebApplicationException w) {
            Response.StatusType status = w.getResponse().getStatusInfo();
            String message = w.getMessage() == null || w.getMessage().startsWith("HTTP ") ? status.getReasonPhrase() : w.getMessage();
            return json(status.getStatusCode(), status.getReasonPhrase(), message);
        }
        LOG.error("Request failed", e);
        return json(500, "Internal Server Error", "The platform could not answer this request; the error has been logged.");
    }

    static Response json(int status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new Error(status, error, message)).build();
    }
}
