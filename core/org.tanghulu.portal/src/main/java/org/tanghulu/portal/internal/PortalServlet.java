package org.tanghulu.portal.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tanghulu.window.Window;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.accounts.Account;
import org.tanghulu.core.accounts.Accounts;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.staff.Audience;
import org.tanghulu.staff.LoginThrottle;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.web.Exchange;
import org.tanghulu.web.LoginFlow;
import org.tanghulu.web.PageServlet;
import org.tanghulu.web.Routes;
import org.tanghulu.web.Sessions;
import org.tanghulu.web.Texts;
import org.tanghulu.kernel.time.PlatformTime;
import org.tanghulu.exchange.Dossiers;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.core.progress.CaseProgress;
import org.tanghulu.notify.NotificationChannels;
import org.tanghulu.exchange.Lookups;
import org.tanghulu.uploads.Uploads;

/**
 * The applicant portal's pages, at the root of the portal port: the route table and what every page
 * shows; the pages themselves are {@link CatalogPages}, {@link AccountPages}, {@link ApplicationPages}
 * and {@link CasePages}. Routes and conventions: docs/portal.md.
 */
@Component(service = Servlet.class, configurationPid = PortalServlet.PID)
@Designate(ocd = PortalServlet.Config.class)
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=default)")
// uploaded materials (UploadPages): files are checked against the configured limits (org.tanghulu.uploads);
// these are the outer bounds of a request the servlet container parses at all (413 above them)
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = 1024 * 1024, maxFileSize = 64L * 1024 * 1024,
        maxRequestSize = 65L * 1024 * 1024)
public class PortalServlet extends PageServlet {

    static final String PID = "org.tanghulu.portal";
    private static final long serialVersionUID = 1L;
    /** How the portal shows a moment: Beijing time to the minute. */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(PlatformTime.ZONE);
    private static final String GROUP = "{id:[a-z0-9][a-z0-9._-]{0,99}}";
    private static final String UPLOAD = "{uid:[0-9a-f-]{36}}";
    private static final String CASE = "{tn:[A-Za-z0-9-]{1,64}}";
    /** The POSTs an anonymous visitor may make; any other answers 401. */
    private static final Set<String> OPEN_POSTS = Set.of("/register", "/login", "/logout");

    @ObjectClassDefinition(name = "Tanghulu portal")
    public @interface Config {
        @AttributeDefinition(description = "Minutes an applicant's session lives unused")
        int sessionIdleMinutes() default 30;

        @AttributeDefinition(description = "Hours any applicant session lives at most")
        int sessionAbsoluteHours() default 8;
    }

    @Reference
    private transient Registry registry;
    @Reference
    private transient Procedures procedures;
    @Reference
    private transient Cases cases;
    @Reference
    private transient Accounts accounts;
    @Reference
    private transient Dossiers dossiers;
    @Reference
    private transient LoginThrottle throttle;
    @Reference
    private transient Lookups lookups;
    @Reference
    private transient Window window;
    @Reference
    private transient CaseProgress progress;
    @Reference
    private transient DepartmentGateway departments;
    @Reference
    private transient NotificationChannels channels;
    @Reference
    private transient Uploads uploads;

    private transient Sessions sessions;
    private transient Routes routes;

    public PortalServlet() {
        super("org.tanghulu.portal.messages");
    }

    @Activate
    void activate(Config config) {
        sessions = Sessions.of("tanghulu-portal", "/", config.sessionIdleMinutes(), config.sessionAbsoluteHours(),
                100_000);
        CatalogPages catalog = new CatalogPages(registry, procedures);
        NeedPages needs = new NeedPages(registry);
        AccountPages account = new AccountPages(accounts);
        ApplicationPages application = new ApplicationPages(registry, procedures, cases, accounts, catalog, needs, lookups, uploads);
        UploadPages files = new UploadPages(uploads, cases);
        WindowBlock windowBlock = new WindowBlock(window, cases);
        CasePages mine = new CasePages(registry, procedures, cases, catalog, dossiers, windowBlock, progress,
                departments, channels, uploads);
        LoginFlow<Account> login = LoginFlow.builder(throttle, Audience.APPLICANT,
                (user, password) -> accounts.authenticate(user, new String(password)))
                .principal(a -> new Applicant(a.id(), a.name()))
                .form(AccountPages::loginForm)
                .failedKey("portal.login.failed")
                .landing(x -> AccountPages.safeNext(x.param("next")))
                .build();
        routes = Routes.builder()
                .gate(PortalServlet::admit)
                .get("/", catalog::home)
                .get("/groups/" + GROUP, catalog::group)
                .get("/needs/" + GROUP, needs::page)
                .get("/register", account::registerForm)
                .post("/register", account::register)
                .get("/login", login::show)
                .post("/login", login::login)
                .post("/logout", x -> login.logout(x, "/"))
                .get("/groups/" + GROUP + "/apply", application::form)
                .post("/groups/" + GROUP + "/apply", application::submit)
                .post("/groups/" + GROUP + "/draft", application::saveDraft)
                .post("/groups/" + GROUP + "/rows", application::changeRows)
                .post("/groups/" + GROUP + "/held", application::confirmHeld)
                .post("/groups/" + GROUP + "/lookup", application::lookUp)
                .get("/cases", mine::list)
                .get("/cases/" + CASE, mine::page)
                .get("/cases/" + CASE + "/receipt", mine::receipt)
                .get("/cases/" + CASE + "/dossier", mine::dossier)
                .post("/cases/" + CASE + "/rating", mine::rate)
                .post("/cases/" + CASE + "/tasks/{task:\\d{1,18}}/correction", mine::correctTask)
                .post("/cases/" + CASE + "/correction", mine::correct)
                .post("/cases/" + CASE + "/tasks/{task:\\d{1,18}}/rating", mine::rateStep)
                .post("/cases/" + CASE + "/window/confirm", windowBlock::confirm)
                // uploaded materials (UploadPages)
                .post("/groups/" + GROUP + "/uploads", x -> files.toDraft(x, catalog))
                .post("/cases/" + CASE + "/uploads", files::toCase)
                .get("/uploads/" + UPLOAD, files::view)
                .post("/uploads/" + UPLOAD + "/remove", files::remove)
                .post("/cases/" + CASE + "/supply", mine::supply)
                .build();
    }

    /** A POST other than register, login and logout needs a logged-in applicant (401); a GET asks for the login itself. */
    private static boolean admit(Exchange x) throws java.io.IOException {
        if ("POST".equals(x.request().getMethod()) && !OPEN_POSTS.contains(x.path())
                && x.principal(Applicant.class).isEmpty()) {
            x.error(401, "portal.login.needed");
            return false;
        }
        return true;
    }

    @Override
    protected Sessions sessions() {
        return sessions;
    }

    @Override
    protected Routes routes() {
        return routes;
    }

    @Override
    protected void prepare(Exchange x) {
        Texts t = x.texts();
        x.share("site", t.get("portal.name"));
        x.share("script", "portal.js");
        x.share("logout", "/logout");
        Optional<Applicant> me = x.principal(Applicant.class);
        me.ifPresent(a -> x.share("user", a.name()));
        List<Map<String, Object>> nav = new ArrayList<>();
        nav.add(nav(x, "/", t.get("portal.nav.home")));
        if (me.isPresent()) {
            nav.add(nav(x, "/cases", t.get("portal.nav.cases")));
        } else {
            nav.add(nav(x, "/login", t.get("portal.nav.login")));
            nav.add(nav(x, "/register", t.get("portal.nav.register")));
        }
        x.share("nav", nav);
    }

    private static Map<String, Object> nav(Exchange x, String href, String label) {
        return Map.of("href", href, "label", label, "current", x.path().equals(href));
    }
}
