package org.tanghulu.rest.internal;

import java.io.CharConversionException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collection;
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
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.core.Refusal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

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
    /** The most problems an answer lists; messages are cut at 1,000 characters, problems at 500. */
    static final int MAX_PROBLEMS = 50;

    /** The body of every error answer; {@code problems} name the fields at fault, if any. */
    public record Error(int status, String error, String message, List<FieldProblem> problems) {
    }

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof Refusal c) {
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
            // the runtime's own exceptions carry a cause and a message about it; ours carry words for people
            String message = w.getCause() != null || w.getMessage() == null || w.getMessage().startsWith("HTTP ")
                    ? status.getReasonPhrase() + "." : w.getMessage();
            Response.ResponseBuilder answer = json(status.getStatusCode(), message, List.of());
            w.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(v -> answer.header(name, v));
                }
            });
            return answer.build();
        }
        if (e instanceof CharConversionException || e instanceof IllegalCharsetNameException
                || e instanceof UnsupportedCharsetException) {
            return json(400, "The request body could not be read: its characters are not in the charset its "
                    + "Content-Type names (send UTF-8).", List.of()).build();
        }
        LOG.error("Request failed", e);
        return json(500, "The platform could not answer this request; the error has been logged.", List.of()).build();
    }

    /**
     * Says where and why a request body could not be read, in words: never the parser's own
     * message, which names Java types and classes.
     */
    static String unreadable(JsonProcessingException e) {
        String where = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                path.append(r.getFieldName() != null ? (path.length() == 0 ? "" : ".") + clip(r.getFieldName(), 64)
                        : "[" + r.getIndex() + "]");
            }
            where = " at '" + clip(path.toString(), 200) + "'";
        }
        String why;
        if (e instanceof StreamConstraintsException) {
            why = "it is nested too deeply or has a number or text that is too long";
        } else if (e instanceof JsonEOFException) {
            why = "it ends before the JSON is complete";
        } else if (e instanceof InputCoercionException) {
            why = "a number is too large";
        } else if (e instanceof JsonParseException p) {
            why = "it is not valid JSON" + (p.getLocation() == null ? "" : " (line " + p.getLocation().getLineNr()
                    + ", column " + p.getLocation().getColumnNr() + ")");
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            why = "'" + clip(String.valueOf(f.getValue()), 50) + "' is not allowed; use one of "
                    + List.of(f.getTargetType().getEnumConstants());
        } else if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds().stream().map(String::valueOf).sorted().limit(20).toList();
            why = "there is no property '" + clip(u.getPropertyName(), 64) + "'; the known ones are " + known;
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            why = m.getPath().isEmpty() && m.getMessage() != null && m.getMessage().startsWith("No content")
                    ? "it is empty; send a JSON object" : "expected " + expected(m.getTargetType());
        } else if (e instanceof ValueInstantiationException) {
            why = "a value is missing or not allowed";
        } else {
            why = "it does not have the form this request takes; see /api/openapi.json";
        }
        return "The request body could not be read" + where + ": " + why + ".";
    }

    /** @return what a value of this Java type looks like in JSON, in words */
    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text (a JSON string)";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list (a JSON array)";
        }
        return "an object (in braces)";
    }

    /** @return at most {@code max} characters of {@code text}, marked where cut: an error never echoes much of a request */
    static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "...";
    }

    static Response.ResponseBuilder json(int status, String message, List<FieldProblem> problems) {
        String reason = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        if (status == 422) {
            reason = "Unprocessable Entity";
        }
        List<FieldProblem> shown = problems.stream().limit(MAX_PROBLEMS).map(p -> new FieldProblem(clip(p.field(), 100),
                new LocalizedText(clip(p.message().zh(), 500), clip(p.message().en(), 500)))).toList();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Error(status, reason, clip(message, 1000), shown.isEmpty() ? null : shown));
    }
}
