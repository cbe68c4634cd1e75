package org.tanghulu.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.tanghulu.web.Sessions.Session;

/** One request to a page and its answer, in the visitor's language. */
public final class Exchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Texts texts;
    private final Pages pages;
    private final Sessions sessions;
    private final Map<String, Object> common;
    private Map<String, String> pathParams = Map.of();

    Exchange(HttpServletRequest request, HttpServletResponse response, Texts texts, Pages pages, Sessions sessions,
            Map<String, Object> common) {
        this.request = request;
        this.response = response;
        this.texts = texts;
        this.pages = pages;
        this.sessions = sessions;
        this.common = common;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    public Texts texts() {
        return texts;
    }

    /** @return the path below the servlet, {@code "/"} at its root */
    public String path() {
        String info = request.getPathInfo();
        return info == null || info.isEmpty() ? "/" : info;
    }

    /**
     * @return the value of a path parameter of the route that matched ({@link Routes}), e.g. {@code id}
     *         of {@code /tasks/{id}}
     * @throws IllegalArgumentException if the route has no such parameter
     */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter " + name);
        }
        return value;
    }

    void pathParams(Map<String, String> params) {
        this.pathParams = Map.copyOf(params);
    }

    /** @return the trimmed parameter, or {@code null} if absent or blank */
    public String param(String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return the parameters whose names start with {@code prefix}, prefix removed, in request order */
    public Map<String, String> params(String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, value) -> {
            if (name.startsWith(prefix) && value.length > 0) {
                values.put(name.substring(prefix.length()), value[0]);
            }
        });
        return values;
    }

    /** Puts a value into the model of every page this exchange renders (e.g. {@code user}, {@code nav}). */
    public void share(String key, Object value) {
        common.put(key, value);
    }

    /** @return the live session, if any */
    public Optional<Session> session() {
        return sessions.current(request);
    }

    /** @return the live session, or a new anonymous one */
    public Session openSession() {
        return sessions.open(request, response);
    }

    /** @return who is logged in, if anybody of that type */
    public <T> Optional<T> principal(Class<T> type) {
        return session().flatMap(s -> s.principal(type));
    }

    /** Starts a new session for {@code principal} (never reuses the anonymous one). */
    public Session login(Object principal) {
        return sessions.login(request, response, principal);
    }

    public void logout() {
        sessions.logout(request, response);
    }

    /** Renders {@code template} with 200. */
    public void render(String template, Map<String, Object> model) throws IOException {
        render(HttpServletResponse.SC_OK, template, model);
    }

    /**
     * Renders {@code template} with the given status. The model gets the page-wide values
     * ({@code base}, {@code csrf}, {@code user}, {@code nav}) in addition to its own.
     */
    public void render(int status, String template, Map<String, Object> model) throws IOException {
        Map<String, Object> all = new HashMap<>(common);
        all.put("base", request.getContextPath());
        all.put("csrf", openSession().csrfToken());
        for (String key : model.keySet()) {
            if (all.containsKey(key)) { // e.g. a form's "user" field would show as the logged-in user
                throw new IllegalArgumentException(template + ": the page's '" + key + "' would hide the shared one");
            }
        }
        all.putAll(model);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        pages.render(response.getWriter(), template, all, texts);
    }

    /** Shows the error page with {@code status} and the text of {@code key}. */
    public void error(int status, String key, Object... args) throws IOException {
        render(status, "error.ftlh", Map.of("status", status, "message", texts.get(key, args)));
    }

    /** Answers 303 to {@code path}, relative to the context (e.g. {@code /cases/TH...}). */
    public void redirect(String path) throws IOException {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }

    /**
     * Answers with a file (an applicant's upload): its type as its content showed it, never sniffed
     * ({@code X-Content-Type-Options: nosniff}), shown or saved as {@code disposition} says.
     *
     * @param mediaType e.g. {@code application/pdf}
     * @param disposition the {@code Content-Disposition} header
     * @since 1.2
     */
    public void file(String mediaType, String disposition, byte[] bytes) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(mediaType);
        response.setHeader("Content-Disposition", disposition);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLengthLong(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Answers with a JSON document the caller has written. */
    public void json(int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json);
    }
}
