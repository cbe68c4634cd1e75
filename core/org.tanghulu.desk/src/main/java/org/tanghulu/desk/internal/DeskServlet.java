package org.tanghulu.desk.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.StaffRealm;
import org.tanghulu.web.Exchange;
import org.tanghulu.web.PageServlet;
import org.tanghulu.web.Sessions;

/** The officers' and supervisors' pages, under {@code /desk} on the desk port. */
@Component(service = Servlet.class, configurationPid = DeskServlet.PID)
@Designate(ocd = DeskServlet.Config.class)
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=" + DeskContext.NAME + ")")
public class DeskServlet extends PageServlet {

    static final String PID = "org.tanghulu.desk";
    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "Tanghulu desk")
    public @interface Config {
        @AttributeDefinition(description = "Minutes an officer's session lives unused")
        int sessionIdleMinutes() default 15;

        @AttributeDefinition(description = "Hours any officer session lives at most")
        int sessionAbsoluteHours() default 10;
    }

    @Reference
    private transient Cases cases;

    @Reference
    private transient StaffRealm realm;

    private transient Sessions sessions;

    public DeskServlet() {
        super("org.tanghulu.desk.messages");
    }

    @Activate
    void activate(Config config) {
        sessions = new Sessions("tanghulu-desk", DeskContext.PATH, Duration.ofMinutes(config.sessionIdleMinutes()),
                Duration.ofHours(config.sessionAbsoluteHours()), 10_000, Clock.systemUTC());
    }

    @Override
    protected Sessions sessions() {
        return sessions;
    }

    @Override
    protected void prepare(Exchange x) {
        x.share("site", x.texts().get("desk.name"));
        x.principal(Actor.class).ifPresent(a -> x.share("user", a.name()));
    }

    @Override
    protected void get(Exchange x) throws IOException {
        if (x.path().equals("/login")) {
            x.render("login.ftlh", Map.of());
        } else if (x.principal(Actor.class).isEmpty()) {
            x.redirect("/login");
        } else {
            x.render("work.ftlh", Map.of());
        }
    }

    @Override
    protected void post(Exchange x) throws IOException {
        switch (x.path()) {
            case "/login" -> {
                String user = x.param("user");
                char[] password = x.request().getParameter("password") == null ? new char[0]
                        : x.request().getParameter("password").toCharArray();
                var actor = user == null ? java.util.Optional.<Actor>empty() : realm.login(user, password);
                java.util.Arrays.fill(password, '\0');
                if (actor.isPresent()) {
                    x.login(actor.get());
                    x.redirect("/");
                } else {
                    x.render(401, "login.ftlh", Map.of("failed", true, "user", user == null ? "" : user));
                }
            }
            case "/logout" -> {
                x.logout();
                x.redirect("/login");
            }
            default -> x.error(404, "web.error.notfound");
        }
    }
}
