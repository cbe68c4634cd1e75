package org.tanghulu.web.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.web.Pages;
import org.tanghulu.web.Texts;

/**
 * The error page of every web context of the platform, for whatever the container itself refuses
 * or fails at (a path no servlet serves, a body too large, an exception that escaped a servlet):
 * JSON {@code {"status", "error", "message"}} under {@code /api}, the platform's error page
 * elsewhere; never the container's page, a class name or a stack trace.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletErrorPage(errorPage = { "4xx", "5xx", "java.lang.Throwable" })
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class ErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final transient Pages pages = new Pages(ErrorPages.class);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 && i < 600 ? i : 500;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (failure instanceof Throwable t) {
            LOG.error("{} {} failed", request.getMethod(), uri, t);
            status = 500;
        }
        Object sentence = request.getAttribute(HttpGuard.MESSAGE);
        response.resetBuffer();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(status);
        if (uri.equals("/api") || uri.startsWith("/api/")) {
            String message = sentence != null ? sentence.toString() : Statuses.sentence(status);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":" + status + ",\"error\":" + quote(Statuses.reason(status))
                    + ",\"message\":" + quote(message) + "}");
            return;
        }
        Texts texts = Texts.of(language(request), ErrorPages.class.getClassLoader());
        String key = "web.error." + status;
        String message = texts.get(key).startsWith("??") ? texts.get(status >= 500 ? "web.error.internal" : "web.error.request")
                : texts.get(key);
        response.setContentType("text/html;charset=UTF-8");
        String base = request.getContextPath();
        pages.render(response.getWriter(), "error.ftlh", Map.of("status", status, "message", message, "base", base,
                "csrf", ""), texts);
    }

    private static Locale language(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if ("tanghulu-lang".equals(c.getName()) && "en".equals(c.getValue())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Texts.LANGUAGES.get(0);
    }

    /** @return a JSON string of {@code s} */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
