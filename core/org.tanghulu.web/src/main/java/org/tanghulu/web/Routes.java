package org.tanghulu.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletResponse;

/**
 * A set of pages' route table: method and path pattern to handler. A pattern is a path whose
 * segments are literal or a parameter, {@code {name}} (one segment, any characters but {@code /})
 * or {@code {name:regex}} (what the regex matches, e.g. {@code /tasks/{id:\d{1,18}}/claim}); a
 * handler reads the values with {@link Exchange#pathParam(String)}. {@code HEAD} is answered as
 * {@code GET}.
 *
 * <p>{@link #dispatch(Exchange)} first asks the table's {@link Gate} (e.g. "log in first"), then
 * calls the handler of the first route whose pattern and method match; a path no route matches
 * gets the 404 page, a path that only other methods match the 405 page with {@code Allow}.
 * Immutable and thread-safe once built.
 */
public final class Routes {

    /** Answers a request that matched a route. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange x) throws IOException;
    }

    /** Runs before any route is looked up, for every request of the table. */
    @FunctionalInterface
    public interface Gate {
        /** @return whether to go on; {@code false} when the gate has answered (e.g. redirected to the login) */
        boolean admit(Exchange x) throws IOException;
    }

    private record Route(String method, String pattern, Pattern regex, List<String> names, Handler handler) {
    }

    /**
     * What a lookup found.
     *
     * @param handler the route's handler; {@code null} if none matched both path and method
     * @param params the path parameters by name
     * @param allowed the methods routes of this path accept; empty if no route matches the path
     */
    public record Match(Handler handler, Map<String, String> params, Set<String> allowed) {

        /** @return whether a route matched both path and method */
        public boolean found() {
            return handler != null;
        }
    }

    private final List<Route> routes;
    private final Gate gate;

    private Routes(List<Route> routes, Gate gate) {
        this.routes = List.copyOf(routes);
        this.gate = gate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects routes in order; the first match wins. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private Gate gate = x -> true;

        private Builder() {
        }

        public Builder get(String pattern, Handler handler) {
            return route("GET", pattern, handler);
        }

        public Builder post(String pattern, Handler handler) {
            return route("POST", pattern, handler);
        }

        /**
         * @param method an HTTP method in capitals
         * @throws IllegalArgumentException if the pattern is malformed
         */
        public Builder route(String method, String pattern, Handler handler) {
            List<String> names = new ArrayList<>();
            routes.add(new Route(method, pattern, compile(pattern, names), List.copyOf(names), handler));
            return this;
        }

        /** Sets what runs before every lookup; by default every request goes on. */
        public Builder gate(Gate gate) {
            this.gate = gate;
            return this;
        }

        public Routes build() {
            return new Routes(routes, gate);
        }
    }

    /**
     * Looks up a route.
     *
     * @param method the request's method ({@code HEAD} counts as {@code GET})
     * @param path the path below the servlet, starting with {@code /}
     */
    public Match find(String method, String path) {
        String wanted = "HEAD".equals(method) ? "GET" : method;
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher m = route.regex().matcher(path);
            if (!m.matches()) {
                continue;
            }
            if (route.method().equals(wanted)) {
                Map<String, String> params = new LinkedHashMap<>();
                for (String name : route.names()) {
                    params.put(name, m.group(name));
                }
                return new Match(route.handler(), Map.copyOf(params), Set.of(route.method()));
            }
            allowed.add(route.method());
        }
        return new Match(null, Map.of(), Set.copyOf(allowed));
    }

    /** Answers the exchange: gate, then the matching handler, else 404 or 405. */
    public void dispatch(Exchange x) throws IOException {
        if (!gate.admit(x)) {
            return;
        }
        Match match = find(x.request().getMethod(), x.path());
        if (match.found()) {
            x.pathParams(match.params());
            match.handler().handle(x);
        } else if (match.allowed().isEmpty()) {
            x.error(HttpServletResponse.SC_NOT_FOUND, "web.error.notfound");
        } else {
            Set<String> allow = new LinkedHashSet<>(match.allowed());
            if (allow.contains("GET")) {
                allow.add("HEAD");
            }
            x.response().setHeader("Allow", String.join(", ", allow));
            x.error(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "web.error.method");
        }
    }

    /** @return the pattern as a regex with one named group per parameter */
    static Pattern compile(String pattern, List<String> names) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route's pattern starts with /: " + pattern);
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("unopened } in " + pattern);
            }
            if (c != '{') {
                int next = pattern.indexOf('{', i);
                int end = next < 0 ? pattern.length() : next;
                if (pattern.substring(i, end).indexOf('}') >= 0) {
                    throw new IllegalArgumentException("unopened } in " + pattern);
                }
                regex.append(Pattern.quote(pattern.substring(i, end)));
                i = end;
                continue;
            }
            int depth = 0;
            int close = -1;
            for (int j = i; j < pattern.length(); j++) {
                char d = pattern.charAt(j);
                if (d == '\\') {
                    j++;
                } else if (d == '{') {
                    depth++;
                } else if (d == '}' && --depth == 0) {
                    close = j;
                    break;
                }
            }
            if (close < 0) {
                throw new IllegalArgumentException("unclosed { in " + pattern);
            }
            String body = pattern.substring(i + 1, close);
            int colon = body.indexOf(':');
            String name = colon < 0 ? body : body.substring(0, colon);
            String part = colon < 0 ? "[^/]+" : body.substring(colon + 1);
            if (!name.matches("[A-Za-z][A-Za-z0-9]*") || names.contains(name) || part.isEmpty()) {
                throw new IllegalArgumentException("bad parameter {" + body + "} in " + pattern);
            }
            names.add(name);
            regex.append("(?<").append(name).append('>').append(part).append(')');
            i = close + 1;
        }
        return Pattern.compile(regex.toString());
    }
}
