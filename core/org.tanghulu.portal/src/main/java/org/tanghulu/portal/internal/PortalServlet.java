package org.tanghulu.portal.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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
import org.tanghulu.core.FunctionGroupStatus;
import org.tanghulu.core.Registry;
import org.tanghulu.web.Exchange;
import org.tanghulu.web.PageServlet;
import org.tanghulu.web.Sessions;

/** The applicant portal's pages, at the root of the portal port. */
@Component(service = Servlet.class, configurationPid = PortalServlet.PID)
@Designate(ocd = PortalServlet.Config.class)
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=default)")
public class PortalServlet extends PageServlet {

    static final String PID = "org.tanghulu.portal";
    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "Tanghulu portal")
    public @interface Config {
        @AttributeDefinition(description = "Minutes an applicant's session lives unused")
        int sessionIdleMinutes() default 30;

        @AttributeDefinition(description = "Hours any applicant session lives at most")
        int sessionAbsoluteHours() default 8;
    }

    @Reference
    private transient Registry registry;

    private transient Sessions sessions;

    public PortalServlet() {
        super("org.tanghulu.portal.messages");
    }

    @Activate
    void activate(Config config) {
        sessions = new Sessions("tanghulu-portal", "/", Duration.ofMinutes(config.sessionIdleMinutes()),
                Duration.ofHours(config.sessionAbsoluteHours()), 100_000, Clock.systemUTC());
    }

    @Override
    protected Sessions sessions() {
        return sessions;
    }

    @Override
    protected void prepare(Exchange x) {
        x.share("site", x.texts().get("portal.name"));
    }

    @Override
    protected void get(Exchange x) throws IOException {
        if (!x.path().equals("/")) {
            x.error(404, "web.error.notfound");
            return;
        }
        List<FunctionGroupStatus> groups = registry.functionGroups().stream()
                .filter(g -> g.problems().isEmpty())
                .sorted(Comparator.comparing(g -> g.group().id())).toList();
        x.render("home.ftlh", Map.of("groups", groups));
    }
}
