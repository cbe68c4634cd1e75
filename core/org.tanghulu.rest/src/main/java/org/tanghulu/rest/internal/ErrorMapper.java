package org.tanghulu.rest.internal;

import java.util.List;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.core.cases.CaseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error leaves the API as JSON {@code {"status", "error", "message", "problems"}}:
 * the client's mistakes with their own status, a message and the fields at fault; the
 * platform's own failures as a 500 that says nothing of the internals (the stack trace
 * goes to the log).
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TanghuluApplication.SELECT)
public class ErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** The body of every error answer; {@code problems} name the fields at fault, if any. */
    public record Error(int status, String error, String message, List<FieldProblem> problems) {
    }

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof CaseException c) {
            return json(c.kind().status(), c.getMessage(), c.problems()).build();
        }
        if (e instanceof JsonProcessingException j) {
            return json(400, unreadable(j), List.of()).build();
        }
        if (e instanceof WebApplicationException w) {
            if (w.getCause() instanceof JsonProcessingException j) {
                return json(400, unreadable(j), List.of()).build();
            }
            Response.StatusType status = w.getResponse().getStatusInfo();
            String message = w.getMessage() == null || w.getMessage().startsWith("HTTP ") ? status.getReasonPhrase() : w.getMessage();
            Response.ResponseBuilder answer = json(status.getStatusCode(), message, List.of());
            w.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(v -> answer.header(name, v));
                }
            });
            return answer.build();
        }
        LOG.error("Request failed", e);
        return json(500, "The platform could not answer this request; the error has been logged.", List.of()).build();
    }

    /** Says where and why a request body could not be read, without the parser's internals. */
    private static String unreadable(JsonProcessingException e) {
        String where = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                path.append(r.getFieldName() != null ? (path.length() == 0 ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]");
            }
            where = " at '" + path + "'";
        }
        String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            why = "'" + f.getValue() + "' is not allowed; use one of " + List.of(f.getTargetType().getEnumConstants());
        } else if (e instanceof UnrecognizedPropertyException u) {
            why = "there is no property '" + u.getPropertyName() + "'; the known ones are " + u.getKnownPropertyIds();
        }
        if (why.length() > 200) {
            why = why.substring(0, 200) + "...";
        }
        return "The request body could not be read" + where + ": " + why;
    }

    static Response.ResponseBuilder json(int status, String message, List<FieldProblem> problems) {
        String reason = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        if (status == 422) {
            reason = "Unprocessable Entity";
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Error(status, reason, message, problems.isEmpty() ? null : problems));
    }
}
