package org.tanghulu.desk.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tanghulu.core.progress.CaseProgress;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.Refusal;
import org.tanghulu.window.Window;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.staff.StaffRealm;
import org.tanghulu.staff.Audience;
import org.tanghulu.staff.LoginThrottle;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.uploads.Uploads;
import org.tanghulu.web.Exchange;
import org.tanghulu.web.LoginFlow;
import org.tanghulu.web.PageServlet;
import org.tanghulu.web.Routes;
import org.tanghulu.web.Sessions;
import org.tanghulu.kernel.time.PlatformTime;
import org.tanghulu.exchange.Dossiers;
import org.tanghulu.exchange.Exchanges;

/**
 * The officers' and supervisors' pages, under {@code /desk} on the desk port: the route table, the
 * login and what every page shows; the pages are {@link WorkListPages} (the work list {@code /}, a
 * department's {@code /supervision/DEPT}), {@link TaskPages} ({@code /tasks/ID}) and
 * {@link SupervisionPages} (statistics {@code /supervision}, a case {@code /cases/TN}), {@link DiskPages} (a
 * department's offline media {@code /disk/DEPT}, its export and import, for its officers) and {@link TablePages}
 * (the four tables of a department or function group {@code /tables}, as pages and files). Every page but
 * the login needs a logged-in {@link Actor}, kept in the desk session; every check of what the actor
 * may see or do is the core's.
 */
@Component(service = Servlet.class, configurationPid = DeskServlet.PID)
@Designate(ocd = DeskServlet.Config.class)
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=" + DeskContext.NAME + ")")
public class DeskServlet extends PageServlet {

    static final String PID = "org.tanghulu.desk";
    private static final long serialVersionUID = 1L;
    private static final String TASK = "/tasks/{id:\\d{1,18}}";
    private static final String DISK = "/disk/{department:[a-z0-9][a-z0-9-]{0,63}}";
    private static final String WINDOW_CASE = "/window/cases/{tn:[A-Za-z0-9_-]{1,64}}";
    private static final String TABLE = "/{id:[a-z0-9][a-z0-9-]{0,63}}/{table:[A-Za-z0-9._-]{1,64}}";

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

    @Reference
    private transient LoginThrottle throttle;

    @Reference
    private transient Registry registry;

    @Reference
    private transient Procedures procedures;

    @Reference
    private transient DepartmentGateway gateway;

    @Reference
    private transient Dossiers dossiers;

    @Reference
    private transient Exchanges exchanges;

    @Reference
    private transient Window window;

    @Reference
    private transient CaseProgress progress;

    @Reference
    private transient Uploads uploads;

    private transient Sessions sessions;
    private transient Routes routes;

    public DeskServlet() {
        super("org.tanghulu.desk.messages");
    }

    @Activate
    void activate(Config config) {
        sessions = Sessions.of("tanghulu-desk", DeskContext.PATH, config.sessionIdleMinutes(),
                config.sessionAbsoluteHours(), 10_000);
        Clock clock = Clock.system(PlatformTime.ZONE);
        CaseData data = new CaseData(cases, registry, procedures, dossiers, exchanges, progress, gateway);
        WorkListPages work = new WorkListPages(cases, progress, data, clock);
        WindowPages windowPages = new WindowPages(window);
        TaskPages tasks = new TaskPages(cases, data, windowPages);
        SupervisionPages supervision = new SupervisionPages(cases, data, clock);
        DiskPages disk = new DiskPages(exchanges);
        DeskUploads files = new DeskUploads(uploads, cases, registry);
        TablePages tables = new TablePages(registry, gateway);
        LoginFlow<Actor> login = LoginFlow.builder(throttle, Audience.STAFF, realm::login)
                .userField("user")
                .form(DeskServlet::loginForm)
                .failedKey("desk.login.failed")
                .build();
        routes = Routes.builder()
                .gate(DeskServlet::admit)
                .get("/login", login::show)
                .post("/login", login::login)
                .post("/logout", x -> login.logout(x, "/login"))
                .get("/", x -> {
                    if (onlySupervises(actor(x))) {
                        supervision.statistics(x); // a supervisor of no department lands on his work: supervision
                    } else if (onlyAtTheWindow(actor(x))) {
                        windowPages.list(x); // so does a window clerk of no department: the window
                    } else {
                        work.mine(x);
                    }
                })
                .get(TASK, x -> {
                    files.shareForTask(x);
                    tasks.page(x);
                })
                .post(TASK + "/claim", tasks::claim)
                .post(TASK + "/decision", tasks::decide)
                .get("/supervision", supervision::statistics)
                .get("/supervision/{department:[A-Za-z0-9_-]{1,64}}", work::department)
                .get("/cases/{tn:[A-Za-z0-9_-]{1,64}}", x -> {
                    files.shareForCase(x);
                    supervision.casePage(x);
                })
                .get("/cases/{tn:[A-Za-z0-9_-]{1,64}}/uploads/{uid:[0-9a-f-]{36}}", files::view)
                .get(DISK, disk::page)
                .post(DISK + "/export", disk::export)
                .post(DISK + "/import", disk::importFile)
                .get("/tables", tables::index)
                .get("/tables/departments" + TABLE, tables::department)
                .get("/tables/groups" + TABLE, tables::group)
                .get("/window", windowPages::list)
                .get(WINDOW_CASE, windowPages::casePage)
                .post(WINDOW_CASE + "/check", windowPages::check)
                .post(WINDOW_CASE + "/handover", windowPages::handOver)
                .build();
    }

    /** Everything but the login form and the logout needs a logged-in actor: else 303 to the login. */
    private static boolean admit(Exchange x) throws IOException {
        boolean open = x.path().equals("/login")
                || x.path().equals("/logout") && "POST".equals(x.request().getMethod());
        if (!open && x.principal(Actor.class).isEmpty()) {
            x.redirect("/login");
            return false;
        }
        return true;
    }

    /** The login form; after a refusal with the name typed. */
    private static void loginForm(Exchange x, int status, String failed) throws IOException {
        if (failed == null) {
            x.render(status, "login.ftlh", Map.of());
        } else {
            String user = x.param("user");
            x.render(status, "login.ftlh", Map.of("failed", failed, "typedUser", user == null ? "" : user));
        }
    }

    /** @return the logged-in actor (the gate let only those through) */
    static Actor actor(Exchange x) {
        return x.principal(Actor.class).orElseThrow(() -> new IllegalStateException("not logged in"));
    }

    /** @return the logged-in actor if a supervisor; else FORBIDDEN */
    static Actor supervisor(Exchange x) {
        Actor actor = actor(x);
        if (!actor.supervisor()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "Only supervisors may see this.");
        }
        return actor;
    }

    @Override
    protected Sessions sessions() {
        return sessions;
    }

    /** @return whether the actor is a supervisor of no department: his landing page is supervision, not a work list */
    static boolean onlySupervises(Actor actor) {
        return actor.supervisor() && actor.departments().isEmpty();
    }

    /** @return whether the actor is a window clerk of no department: his landing page is the window */
    static boolean onlyAtTheWindow(Actor actor) {
        return actor.windowClerk() && !actor.supervisor() && actor.departments().isEmpty();
    }

    @Override
    protected Routes routes() {
        return routes;
    }

    @Override
    protected void prepare(Exchange x) {
        x.share("site", x.texts().get("desk.name"));
        Optional<Actor> actor = x.principal(Actor.class);
        actor.ifPresent(a -> {
            x.share("user", a.name());
            List<Map<String, Object>> nav = new ArrayList<>();
            if (!onlySupervises(a) && !onlyAtTheWindow(a)) {
                nav.add(Map.of("href", "/", "label", x.texts().get("desk.nav.work"), "current",
                        x.path().equals("/") || x.path().startsWith("/tasks/")));
            }
            if (a.supervisor()) {
                nav.add(Map.of("href", "/supervision", "label", x.texts().get("desk.nav.supervision"), "current",
                        x.path().startsWith("/supervision") || x.path().startsWith("/cases/")
                                || onlySupervises(a) && x.path().equals("/")));
            }
            if (a.windowClerk()) {
                nav.add(Map.of("href", "/window", "label", x.texts().get("desk.nav.window"), "current",
                        x.path().startsWith("/window") || onlyAtTheWindow(a) && x.path().equals("/")));
            }
            nav.add(Map.of("href", "/tables", "label", x.texts().get("desk.nav.tables"), "current",
                    x.path().startsWith("/tables")));
            x.share("nav", nav);
        });
    }
}
