package org.tanghulu.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.core.Refusal;

/**
 * The base of the portal's and the desk's page servlets. For every request it chooses the language
 * ({@code ?lang=en|zh}, remembered in a cookie; Chinese by default), sets protective headers, refuses
 * a state change (POST) whose {@code _csrf} parameter or {@code X-CSRF-Token} header is not the
 * session's token, hands GET, HEAD and POST to the set's {@link Routes route table}, serves
 * {@code /static/web/*} (shared) and {@code /static/app/*} (the page bundle's {@code /static/}), and
 * turns failures into error pages: a {@link Refusal} into its status with its message, anything
 * else into 500 with a sentence (the stack trace goes to the log only).
 */
public abstract class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PageServlet.class);
    private static final String LANGUAGE_COOKIE = "tanghulu-lang";
    private static final String STATIC = "/static/";
    private static final java.util.Map<String, String> CONTENT_TYPES = java.util.Map.of("css", "text/css;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8", "svg", "image/svg+xml", "png", "image/png");

    private final transient Pages pages;
    private final String[] bundles;

    /** @param bundles the page's own resource bundle base names, most specific first */
    protected PageServlet(String... bundles) {
        this.pages = new Pages(getClass());
        this.bundles = bundles;
    }

    /** @return the sessions of this set of pages */
    protected abstract Sessions sessions();

    /**
     * @return the route table of this set of pages, or {@code null} if {@link #get} and {@link #post}
     *         are overridden instead
     */
    protected Routes routes() {
        return null;
    }

    /** Answers a GET (or HEAD): by default through the {@link #routes() route table}. */
    protected void get(Exchange x) throws IOException {
        route(x);
    }

    /** Answers a POST whose CSRF token has been checked: by default through the {@link #routes() route table}. */
    protected void post(Exchange x) throws IOException {
        route(x);
    }

    private void route(Exchange x) throws IOException {
        Routes routes = routes();
        if (routes == null) {
            x.error(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "web.error.method");
        } else {
            routes.dispatch(x);
        }
    }

    /** Puts what every page of this set shows (who is logged in, navigation) into the exchange. */
    protected void prepare(Exchange x) {
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'");
        if (request.getPathInfo() != null && request.getPathInfo().startsWith(STATIC)) {
            serveStatic(request.getPathInfo().substring(STATIC.length()), response);
            return;
        }
        Locale locale;
        boolean readable = true;
        try {
            // the first parameter read parses a posted form: a malformed one (a bad %-escape) fails here
            locale = language(request, response);
        } catch (RuntimeException unreadable) {
            locale = Texts.LANGUAGES.get(0);
            readable = false;
        }
        Texts texts = Texts.of(locale, getClass().getClassLoader(), bundles);
        Exchange x = new Exchange(request, response, texts, pages, sessions(), new HashMap<>());
        if (!readable) {
            x.error(HttpServletResponse.SC_BAD_REQUEST, "web.error.400");
            return;
        }
        try {
            prepare(x);
            switch (request.getMethod()) {
                case "GET", "HEAD" -> get(x);
                case "POST" -> {
                    String token = request.getHeader("X-CSRF-Token");
                    if (token == null) {
                        token = request.getParameter("_csrf");
                    }
                    String presented = token;
                    if (x.session().map(s -> s.csrfMatches(presented)).orElse(false)) {
                        post(x);
                    } else {
                        x.error(HttpServletResponse.SC_FORBIDDEN, "web.error.csrf");
                    }
                }
                default -> x.error(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "web.error.method");
            }
        } catch (Refusal e) {
            if (!response.isCommitted()) {
                response.resetBuffer();
                x.render(e.kind().status(), "error.ftlh", java.util.Map.of("status", e.kind().status(),
                        "message", texts.get("web.error." + e.kind().name().toLowerCase(Locale.ROOT)),
                        "problems", e.problems()));
            }
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                x.error(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "web.error.internal");
            }
        }
    }

    /**
     * Serves {@code web/NAME} from this bundle's {@code org/tanghulu/web/static/} and {@code app/NAME} from
     * the page bundle's {@code /static/}: style sheets, scripts and images only.
     */
    private void serveStatic(String path, HttpServletResponse response) throws IOException {
        String type = CONTENT_TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        java.net.URL resource = null;
        if (type != null && !path.contains("..")) {
            if (path.startsWith("web/")) {
                resource = PageServlet.class.getResource("/org/tanghulu/web/static/" + path.substring(4));
            } else if (path.startsWith("app/")) {
                resource = getClass().getResource("/static/" + path.substring(4));
            }
        }
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (var in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static Locale language(HttpServletRequest request, HttpServletResponse response) {
        String chosen = request.getParameter("lang");
        if (chosen != null) {
            Locale locale = match(chosen);
            response.addHeader("Set-Cookie", LANGUAGE_COOKIE + "=" + locale.getLanguage()
                    + "; Path=/; Max-Age=31536000; SameSite=Lax" + (request.isSecure() ? "; Secure" : ""));
            return locale;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    return match(cookie.getValue());
                }
            }
        }
        return Texts.LANGUAGES.get(0);
    }

    private static Locale match(String language) {
        return Texts.LANGUAGES.stream().filter(l -> l.getLanguage().equals(language)).findFirst()
                .orElse(Texts.LANGUAGES.get(0));
    }
}
