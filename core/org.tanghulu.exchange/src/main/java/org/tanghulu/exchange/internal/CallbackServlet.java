package org.tanghulu.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.tanghulu.kernel.json.Json;

/**
 * {@code POST /exchange/callback/<department>}: a department system's decision on a task it accepted
 * earlier, signed with the department's secret (see {@link Signatures}). Answers JSON: 200 (decided,
 * or a replay of an answer already taken), 400, 401, 403, 404, 409, 413, 422, 503.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/callback/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=" + CallbackContext.NAME + ")")
public class CallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 64 * 1024;

    private final transient DirectSender sender;

    @Activate
    public CallbackServlet(@Reference DirectSender sender) {
        this.sender = sender;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String department = path == null ? "" : path.replaceFirst("^/", "");
        if (!department.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            reply(response, new DirectSender.Reply(404, Map.of("error", "callbacks go to /exchange/callback/<department>")));
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            reply(response, new DirectSender.Reply(405, Map.of("error", "a callback is a POST")));
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            reply(response, new DirectSender.Reply(413, Map.of("error", "a callback has at most " + MAX_BODY + " bytes")));
            return;
        }
        reply(response, sender.callback(department, request.getHeader(Signatures.TIMESTAMP),
                request.getHeader(Signatures.SIGNATURE), body));
    }

    private static void reply(HttpServletResponse response, DirectSender.Reply reply) throws IOException {
        response.setStatus(reply.status());
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Json.api().writeValue(response.getOutputStream(), reply.body());
    }
}
