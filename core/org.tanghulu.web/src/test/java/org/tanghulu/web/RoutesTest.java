package org.tanghulu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class RoutesTest {

    final List<String> called = new ArrayList<>();
    final Routes.Handler home = x -> called.add("home");
    final Routes.Handler task = x -> called.add("task " + x.pathParam("id"));
    final Routes.Handler claim = x -> called.add("claim " + x.pathParam("id"));
    final Routes.Handler correction = x -> called.add("correction " + x.pathParam("tn") + " " + x.pathParam("task"));
    final Routes routes = Routes.builder()
            .get("/", home)
            .get("/tasks/{id:\\d{1,18}}", task)
            .post("/tasks/{id:\\d{1,18}}/claim", claim)
            .post("/cases/{tn}/tasks/{task:\\d+}/correction", correction)
            .build();

    @Test
    void matchesMethodAndPathAndReadsParameters() {
        Routes.Match m = routes.find("GET", "/tasks/42");
        assertTrue(m.found());
        assertSame(task, m.handler());
        assertEquals(Map.of("id", "42"), m.params());
        Routes.Match c = routes.find("POST", "/cases/TH-1/tasks/7/correction");
        assertSame(correction, c.handler());
        assertEquals(Map.of("tn", "TH-1", "task", "7"), c.params());
        assertSame(home, routes.find("HEAD", "/").handler(), "HEAD is answered as GET");
    }

    @Test
    void unknownPathIsNotFound() {
        for (String path : List.of("/nothing", "/tasks/", "/tasks/x1", "/tasks/1234567890123456789", "/tasks/1/",
                "/cases/a/b/tasks/1/correction", "//", "")) {
            Routes.Match m = routes.find("GET", path);
            assertFalse(m.found(), path);
            assertTrue(m.allowed().isEmpty(), path);
        }
    }

    @Test
    void wrongMethodNamesTheAllowedOnes() {
        Routes.Match m = routes.find("POST", "/tasks/42");
        assertFalse(m.found());
        assertEquals(Set.of("GET"), m.allowed());
        assertEquals(Set.of("POST"), routes.find("GET", "/tasks/42/claim").allowed());
        assertEquals(Set.of("GET"), routes.find("DELETE", "/").allowed());
    }

    @Test
    void literalPartsAreNotRegexes() {
        Routes dotted = Routes.builder().get("/a.b", home).build();
        assertTrue(dotted.find("GET", "/a.b").found());
        assertFalse(dotted.find("GET", "/axb").found());
    }

    @Test
    void malformedPatternsAreRefused() {
        for (String bad : List.of("tasks", "/tasks/{id", "/tasks/id}", "/tasks/{}", "/x/{1a}", "/{a}/{a}", "/{a:}")) {
            assertThrows(IllegalArgumentException.class, () -> Routes.builder().get(bad, home), bad);
        }
    }

    // --- dispatch, with a request and a response of the servlet API made by proxies ---

    final Map<String, String> headers = new HashMap<>();
    final int[] status = { 0 };
    final StringWriter body = new StringWriter();

    Exchange exchange(String method, String path) {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> path;
                    case "getContextPath" -> "/desk";
                    case "isSecure" -> false;
                    default -> null;
                });
        PrintWriter writer = new PrintWriter(body);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status[0] = (Integer) a[0];
                        case "setHeader", "addHeader" -> headers.put((String) a[0], (String) a[1]);
                        case "getWriter" -> {
                            return writer;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        Sessions sessions = Sessions.of("TEST", "/", 1, 1, 10);
        return new Exchange(request, response, Texts.of(Locale.ENGLISH, getClass().getClassLoader()),
                new Pages(RoutesTest.class), sessions, new HashMap<>());
    }

    @Test
    void dispatchCallsTheHandlerWithItsParameters() throws Exception {
        routes.dispatch(exchange("POST", "/tasks/9/claim"));
        assertEquals(List.of("claim 9"), called);
    }

    @Test
    void dispatchAnswers404ForAnUnknownPath() throws Exception {
        routes.dispatch(exchange("GET", "/no/such/page"));
        assertEquals(404, status[0]);
        assertTrue(called.isEmpty());
    }

    @Test
    void dispatchAnswers405WithAllowForAWrongMethod() throws Exception {
        routes.dispatch(exchange("POST", "/tasks/9"));
        assertEquals(405, status[0]);
        assertEquals("GET, HEAD", headers.get("Allow"));
        assertTrue(called.isEmpty());
    }

    @Test
    void theGateRunsFirstAndMayAnswer() throws Exception {
        Routes gated = Routes.builder().gate(x -> {
            x.redirect("/login");
            return false;
        }).get("/", home).build();
        gated.dispatch(exchange("GET", "/"));
        assertEquals(303, status[0]);
        assertEquals("/desk/login", headers.get("Location"));
        assertTrue(called.isEmpty());
    }

    @Test
    void aMissingPathParameterIsAProgrammingError() throws Exception {
        Routes wrong = Routes.builder().get("/{a}", x -> x.pathParam("b")).build();
        assertThrows(IllegalArgumentException.class, () -> wrong.dispatch(exchange("GET", "/x")));
    }
}
