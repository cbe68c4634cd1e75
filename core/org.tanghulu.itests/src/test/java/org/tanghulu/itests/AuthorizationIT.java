package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may do what: every endpoint of {@code /api} (as {@code /api/openapi.json} lists them) and every portal and
 * desk page with personal data, tried by every role, each cell asserted as the status documented in
 * {@code docs/cases.md}, {@code docs/portal.md} and {@code docs/desk.md}. The matrix is printed. A new endpoint,
 * page or role joins {@link #MATRIX} (see docs/reliability.md); the test fails if {@code openapi.json} lists an
 * operation the matrix does not.
 *
 * <p>Roles: anonymous; applicant A (the access key of case A over the API, the portal account that submitted case P
 * on the pages); applicant B (another case's key, another portal account); an officer of department X (aic, which
 * has the open task on the case) and of Y (zgc, which has none yet); a supervisor. Endpoints that change something
 * get a fresh case for each cell, so one role's success does not decide another's answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIT {

    enum Role {
        ANONYMOUS("anonymous"), APPLICANT_A("applicant A"), APPLICANT_B("applicant B"), OFFICER_X("officer aic"),
        OFFICER_Y("officer zgc"), SUPERVISOR("supervisor"), WINDOW_CLERK("window clerk");

        final String label;

        Role(String label) {
            this.label = label;
        }
    }

    /**
     * Where a request goes: the JSON API, the portal's pages, the desk's pages, the departments' systems' callbacks
     * on the internal (desk) port, which only a system's HMAC signature opens: no role has it.
     */
    enum Surface { API, PORTAL, DESK, EXCHANGE }

    /**
     * One row: a request and the status each role gets, in {@link Role} order. 303 is a redirect to the login page
     * (pages ask for a login that way), 401 no or wrong credentials, 403 known but not allowed, 404 not there for
     * this caller (another's case: the same answer as an unknown one, so its existence is not revealed).
     *
     * @param fresh whether each cell gets its own new case (the request changes something)
     */
    record Row(Surface surface, String method, String path, boolean fresh, int... statuses) {

        /**
         * @return the status documented for the role; a row of six gives the window clerk (a member of staff with no
         *         department) what the officer of the uninvolved department Y gets
         */
        int status(Role role) {
            return role == Role.WINDOW_CLERK && statuses.length == Role.WINDOW_CLERK.ordinal()
                    ? statuses[Role.OFFICER_Y.ordinal()] : statuses[role.ordinal()];
        }
    }

    private static final String GROUP = "enterprise-establishment";
    private static final String OFFICER_X = "officer-aic";
    private static final String OFFICER_Y = "officer-zgc";
    private static final String SUPERVISOR = "it-supervisor";
    private static final String CLERK = WindowIT.CLERK;
    private static final String APPLICANT_PASSWORD = "a-much-longer-secret-1";

    /*
     * {tn}: case A's tracking number; {task}: its task of aic (name pre-approval), READY, or CLAIMED by officer X
     * for /decision, or waiting for the applicant's correction for /correction; {ptn}: case P, submitted on the
     * portal by applicant A's account.
     */
    static final List<Row> MATRIX = List.of(
            //                                                           anon  A    B    X    Y    sup
            new Row(Surface.API, "GET", "/api/health", false, 200, 200, 200, 200, 200, 200),
            new Row(Surface.API, "GET", "/api/openapi.json", false, 200, 200, 200, 200, 200, 200),
            new Row(Surface.API, "GET", "/api/departments", false, 200, 200, 200, 200, 200, 200),
            new Row(Surface.API, "GET", "/api/departments/aic", false, 200, 200, 200, 200, 200, 200),
            new Row(Surface.API, "GET", "/api/groups", false, 200, 200, 200, 200, 200, 200),
            new Row(Surface.API, "GET", "/api/groups/" + GROUP, false, 200, 200, 200, 200, 200, 200),
            new Row(Surface.API, "GET", "/api/groups/" + GROUP + "/chart", false, 200, 200, 200, 200, 200, 200),
            new Row(Surface.API, "GET", "/api/groups/" + GROUP + "/form", false, 200, 200, 200, 200, 200, 200),
            new Row(Surface.API, "GET", "/api/groups/" + GROUP + "/form?from={tn}", false, 404, 200, 404, 404, 404, 404),
            new Row(Surface.API, "GET", "/api/groups/" + GROUP + "/redundancy", false, 200, 200, 200, 200, 200, 200),
            new Row(Surface.API, "GET", "/api/checklist", false, 200, 200, 200, 200, 200, 200),
            new Row(Surface.API, "POST", "/api/cases", true, 201, 201, 201, 201, 201, 201),
            // open like a submission (confirming a held result needs its number and its holder's identity number); no
            // system of aic is linked on this platform, so it is refused with that reason, the same for everyone
            new Row(Surface.API, "POST", "/api/cases/held-results", false, 422, 422, 422, 422, 422, 422),
            new Row(Surface.API, "GET", "/api/cases/{tn}", false, 401, 200, 404, 200, 404, 200),
            new Row(Surface.API, "GET", "/api/cases/{tn}/events", false, 401, 200, 404, 200, 404, 200),
            new Row(Surface.API, "GET", "/api/cases/{tn}/dossier", false, 401, 200, 404, 200, 404, 200),
            new Row(Surface.API, "POST", "/api/cases/{tn}/tasks/{task}/correction", true, 404, 200, 404, 404, 404, 404),
            // issue 14: the case's one correction answer, and ratings of a decided step and of a closed case (fresh cases
            // made ready for each: a correction asked, the task approved, the case rejected)
            new Row(Surface.API, "POST", "/api/cases/{tn}/correction", true, 404, 200, 404, 404, 404, 404),
            new Row(Surface.API, "POST", "/api/cases/{tn}/tasks/{task}/rating", true, 404, 200, 404, 404, 404, 404),
            new Row(Surface.API, "POST", "/api/cases/{tn}/rating", true, 404, 200, 404, 404, 404, 404),
            // the same on the portal for case P: nothing waits for a correction there (409); a rating without a level (422)
            new Row(Surface.PORTAL, "POST", "/cases/{ptn}/correction", false, 403, 409, 404, 403, 403, 403),
            new Row(Surface.PORTAL, "POST", "/cases/{ptn}/tasks/{ptask}/rating", false, 403, 422, 404, 403, 403, 403),
            // issue 14: supplying a material the case waits for (a fresh case whose applicant promised the labour contracts)
            new Row(Surface.API, "POST", "/api/cases/{tn}/materials/{material}", true, 404, 200, 404, 404, 404, 404),
            new Row(Surface.API, "GET", "/api/tasks?department=aic", false, 401, 401, 401, 200, 403, 200),
            new Row(Surface.API, "GET", "/api/tasks/overdue", false, 401, 401, 401, 200, 200, 200),
            new Row(Surface.API, "GET", "/api/tasks/{task}", false, 401, 401, 401, 200, 404, 200),
            new Row(Surface.API, "POST", "/api/tasks/{task}/claim", true, 401, 401, 401, 200, 403, 403),
            new Row(Surface.API, "POST", "/api/tasks/{task}/decision", true, 401, 401, 401, 200, 403, 403),
            new Row(Surface.API, "POST", "/api/staff/login", true, 400, 401, 401, 200, 200, 200),
            new Row(Surface.API, "POST", "/api/staff/logout", true, 401, 401, 401, 204, 204, 204),
            new Row(Surface.PORTAL, "GET", "/cases", false, 303, 200, 200, 303, 303, 303),
            new Row(Surface.PORTAL, "GET", "/cases/{ptn}", false, 303, 200, 404, 303, 303, 303),
            new Row(Surface.PORTAL, "GET", "/cases/{ptn}/receipt", false, 303, 200, 404, 303, 303, 303),
            new Row(Surface.PORTAL, "GET", "/cases/{ptn}/dossier", false, 303, 200, 404, 303, 303, 303),
            new Row(Surface.PORTAL, "GET", "/groups/" + GROUP + "/apply?from={ptn}", false, 303, 200, 404, 303, 303, 303),
            // the catalog's questions are public: everybody gets the questions and the same explanations
            new Row(Surface.PORTAL, "GET", "/needs/business-start", false, 200, 200, 200, 200, 200, 200),
            new Row(Surface.PORTAL, "GET", "/needs/business-start?a.entity-type=sole-proprietorship&a.foreign-investment=no"
                    + "&a.high-tech=yes", false, 200, 200, 200, 200, 200, 200),
            // the form's own questions (held results, registry lookups): applicants in their session with its CSRF token,
            // refused for what is missing (no number, no consent: 422); without a portal session the token check says 403
            new Row(Surface.PORTAL, "POST", "/groups/" + GROUP + "/held", false, 403, 422, 422, 403, 403, 403),
            new Row(Surface.PORTAL, "POST", "/groups/" + GROUP + "/lookup", false, 403, 422, 422, 403, 403, 403),
            // the form's "add a row" / "remove this row" (a table's rows): the applicant's own form again; no session, no token
            new Row(Surface.PORTAL, "POST", "/groups/" + GROUP + "/rows", false, 403, 200, 200, 403, 403, 403),
            // uploaded materials ({upl}: applicant A's file, submitted with case P): the owner's own, the officers' whose
            // department has a task on the case (aic), supervisors'; uploads need the portal session's token, and a
            // form that is no multipart is refused 400; a submitted file cannot be removed (404, as another's)
            new Row(Surface.PORTAL, "GET", "/uploads/{upl}", false, 303, 200, 404, 303, 303, 303),
            new Row(Surface.PORTAL, "POST", "/groups/" + GROUP + "/uploads", false, 403, 400, 400, 403, 403, 403),
            new Row(Surface.PORTAL, "POST", "/cases/{ptn}/uploads", false, 403, 400, 404, 403, 403, 403),
            new Row(Surface.PORTAL, "POST", "/uploads/{upl}/remove", false, 403, 404, 404, 403, 403, 403),
            new Row(Surface.DESK, "GET", "/desk/cases/{ptn}/uploads/{upl}", false, 303, 303, 303, 200, 404, 200),
            // issue 14: the supply action on the case page (no material named: 422; another's case: 404)
            new Row(Surface.PORTAL, "POST", "/cases/{ptn}/supply", false, 403, 422, 404, 403, 403, 403),
            new Row(Surface.DESK, "GET", "/desk/", false, 303, 303, 303, 200, 200, 200),
            new Row(Surface.DESK, "GET", "/desk/tasks/{task}", false, 303, 303, 303, 200, 404, 200),
            new Row(Surface.DESK, "GET", "/desk/supervision", false, 303, 303, 303, 403, 403, 200),
            new Row(Surface.DESK, "GET", "/desk/supervision/aic", false, 303, 303, 303, 403, 403, 200),
            new Row(Surface.DESK, "GET", "/desk/cases/{tn}", false, 303, 303, 303, 403, 403, 200),
            // offline media: only aic's officers, for aic (409: allowed, but aic has no offline media registered); a POST
            // without the desk session's CSRF token is refused 403 before anything else
            new Row(Surface.DESK, "GET", "/desk/disk/aic", false, 303, 303, 303, 200, 403, 403),
            new Row(Surface.DESK, "POST", "/desk/disk/aic/export", false, 403, 403, 403, 409, 403, 403),
            new Row(Surface.DESK, "POST", "/desk/disk/aic/import", false, 403, 403, 403, 409, 403, 403),
            // the four tables: an officer his own department's (aic), a supervisor every department's and group's
            new Row(Surface.DESK, "GET", "/desk/tables", false, 303, 303, 303, 200, 200, 200),
            new Row(Surface.DESK, "GET", "/desk/tables/departments/aic/matter-scope", false, 303, 303, 303, 200, 403, 200),
            new Row(Surface.DESK, "GET", "/desk/tables/departments/aic/collaboration.csv", false, 303, 303, 303, 200, 403, 200),
            new Row(Surface.DESK, "GET", "/desk/tables/departments/aic/applicant-types.xlsx", false, 303, 303, 303, 200, 403, 200),
            new Row(Surface.DESK, "GET", "/desk/tables/groups/" + GROUP + "/process", false, 303, 303, 303, 403, 403, 200),
            new Row(Surface.DESK, "GET", "/desk/tables/groups/" + GROUP + "/process.xlsx", false, 303, 303, 303, 403, 403, 200),
            new Row(Surface.EXCHANGE, "POST", "/exchange/callback/stats", false, 401, 401, 401, 401, 401, 401),
            new Row(Surface.EXCHANGE, "POST", "/exchange/callback/aic", false, 401, 401, 401, 401, 401, 401),
            // callbacks are never served on the public port: the portal takes it for a form without its CSRF token
            new Row(Surface.API, "POST", "/exchange/callback/stats", false, 403, 403, 403, 403, 403, 403),
            // the comprehensive window (综合窗口): its clerk only (7th column); officers' task pages and supervision are not
            // the clerk's (the rows above with six columns: the clerk gets what officer Y gets). The clerk's POSTs on case A
            // are refused for their content (no finding, no recipient: 422); confirming receipt is the
            // applicant's own, refused while nothing was handed over (409)
            //                                                                       anon  A    B    X    Y    sup  clerk
            new Row(Surface.DESK, "GET", "/desk/window", false, 303, 303, 303, 403, 403, 403, 200),
            new Row(Surface.DESK, "GET", "/desk/window?q={tn}", false, 303, 303, 303, 403, 403, 403, 200),
            new Row(Surface.DESK, "GET", "/desk/window/cases/{tn}", false, 303, 303, 303, 403, 403, 403, 200),
            new Row(Surface.DESK, "POST", "/desk/window/cases/{tn}/check", false, 403, 403, 403, 403, 403, 403, 422),
            new Row(Surface.DESK, "POST", "/desk/window/cases/{tn}/handover", false, 403, 403, 403, 403, 403, 403, 422),
            new Row(Surface.PORTAL, "POST", "/cases/{ptn}/window/confirm", false, 403, 409, 404, 403, 403, 403, 403));

    private Distribution karaf;
    private ObjectNode demoApplication;
    private JsonNode demoOutputs;
    /** Case A (shared by the rows that change nothing) and applicant B's own case. */
    private Fixture caseA;
    private Fixture caseB;
    /** Case P, submitted on the portal by applicant A. */
    private String portalCase;
    /** Case P's first task (aic's name pre-approval, READY). */
    private long portalTask;
    /** The file applicant A uploaded with case P. */
    private String portalUpload;
    /** The portal accounts of applicants A and B (their passwords are {@link #APPLICANT_PASSWORD}). */
    private final Map<Role, String> applicantAccounts = new EnumMap<>(Role.class);
    /** Page sessions (cookies) by role; anonymous has an empty one. */
    private final Map<Role, HttpClient> sessions = new EnumMap<>(Role.class);

    /** A case submitted over the API, and its task of aic. */
    record Fixture(String trackingNumber, String accessKey, long task) {
    }

    @BeforeAll
    void boot() throws Exception {
        karaf = Distribution.shared();
        demoApplication = (ObjectNode) karaf.demo("enterprise-establishment-application.json");
        demoOutputs = karaf.demo("enterprise-establishment-outputs.json");
        caseA = submit();
        caseB = submit();
        for (Role r : Role.values()) {
            sessions.put(r, HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build());
        }
        String suffix = Long.toHexString(System.nanoTime());
        applicantAccounts.put(Role.APPLICANT_A, "authz-a-" + suffix);
        applicantAccounts.put(Role.APPLICANT_B, "authz-b-" + suffix);
        register(sessions.get(Role.APPLICANT_A), applicantAccounts.get(Role.APPLICANT_A));
        register(sessions.get(Role.APPLICANT_B), applicantAccounts.get(Role.APPLICANT_B));
        portalCase = applyOnThePortal(sessions.get(Role.APPLICANT_A));
        HttpResponse<String> p = api("GET", "/api/cases/" + portalCase, null, karaf.staffAuth(SUPERVISOR));
        assertEquals(200, p.statusCode(), p.body());
        portalTask = Distribution.JSON.readTree(p.body()).get("tasks").get(0).get("id").asLong();
        deskLogin(sessions.get(Role.OFFICER_X), OFFICER_X);
        deskLogin(sessions.get(Role.OFFICER_Y), OFFICER_Y);
        deskLogin(sessions.get(Role.SUPERVISOR), SUPERVISOR);
        deskLogin(sessions.get(Role.WINDOW_CLERK), CLERK);
        awaitAtTheWindow(caseA.trackingNumber());
        awaitAtTheWindow(portalCase);
    }

    @Test
    void everyRoleGetsWhatIsDocumentedOnEveryEndpoint() throws Exception {
        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%-58s", "endpoint"));
        for (Role r : Role.values()) {
            table.append(String.format(" %-13s", r.label));
        }
        table.append('\n');
        for (Row row : MATRIX) {
            assertTrue(row.statuses().length == Role.values().length || row.statuses().length == Role.WINDOW_CLERK.ordinal(),
                    row.path());
            table.append(String.format("%-58s", row.surface() + " " + row.method() + " " + row.path()));
            for (Role role : Role.values()) {
                int expected = row.status(role);
                HttpResponse<String> got = cell(row, role);
                boolean ok = got.statusCode() == expected;
                table.append(String.format(" %-13s", got.statusCode() + (ok ? "" : " (want " + expected + ")")));
                if (!ok) {
                    wrong.add(row.method() + " " + row.path() + " as " + role.label + ": " + got.statusCode() + ", documented "
                            + expected + ": " + abbreviate(got.body()));
                }
                // a 422 is allowed and refused for its content: an applicant's own form shown again carries their own data
                if (expected >= 400 && expected != 422 || expected == 303) {
                    assertDeniedWithoutData(row, role, got);
                }
            }
            table.append('\n');
        }
        System.out.println("Authorization matrix (status per role; denied = 303 to the login page, 401, 403, 404):\n" + table);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void theMatrixCoversEveryOperationOfTheApi() throws Exception {
        List<String> covered = MATRIX.stream().filter(r -> r.surface() == Surface.API)
                .map(r -> r.method() + " " + r.path().replaceAll("\\?.*", "").replace("/departments/aic", "/departments/{}")
                        .replace("/groups/" + GROUP, "/groups/{}").replaceAll("\\{[^}]+}", "{}"))
                .toList();
        List<String> missing = new ArrayList<>();
        JsonNode paths = karaf.json("/api/openapi.json").get("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method -> {
            String op = method.toUpperCase() + " /api" + path.replaceAll("\\{[^}]+}", "{}");
            if (!covered.contains(op)) {
                missing.add(op);
            }
        }));
        assertTrue(missing.isEmpty(), "operations of openapi.json not in the authorization matrix: " + missing);
    }

    /** Sends the row's request as the role; a fresh row gets its own case, prepared as the row needs it. */
    private HttpResponse<String> cell(Row row, Role role) throws Exception {
        if (row.path().startsWith("/api/staff/")) {
            return staffCell(row, role);
        }
        Fixture f = caseA;
        if (row.fresh() && (row.path().contains("{task}") || row.path().startsWith("/api/cases/{tn}/"))) {
            f = submit();
            if (row.path().endsWith("/rating")) {
                assertEquals(200, api("POST", "/api/tasks/" + f.task() + "/claim", null, karaf.staffAuth(OFFICER_X)).statusCode());
                Map<String, Object> decision = row.path().contains("{task}")
                        ? Map.of("kind", "APPROVE", "outputs", Distribution.JSON.convertValue(
                                demoOutputs.get("aic/name-preapproval"), Map.class))
                        : Map.of("kind", "REJECT", "message", "不予受理。");
                HttpResponse<String> decided = api("POST", "/api/tasks/" + f.task() + "/decision",
                        Distribution.JSON.writeValueAsString(decision), karaf.staffAuth(OFFICER_X));
                assertEquals(200, decided.statusCode(), decided.body());
            } else if (row.path().endsWith("/decision")) {
                assertEquals(200, api("POST", "/api/tasks/" + f.task() + "/claim", null, karaf.staffAuth(OFFICER_X)).statusCode());
            } else if (row.path().endsWith("/correction")) {
                assertEquals(200, api("POST", "/api/tasks/" + f.task() + "/claim", null, karaf.staffAuth(OFFICER_X)).statusCode());
                HttpResponse<String> asked = api("POST", "/api/tasks/" + f.task() + "/decision", Distribution.JSON
                        .writeValueAsString(Map.of("kind", "REQUEST_CORRECTION", "message", "请核对企业电话。",
                                "fields", List.of("enterprise-phone"))), karaf.staffAuth(OFFICER_X));
                assertEquals(200, asked.statusCode(), asked.body());
            }
        }
        if (row.fresh() && row.path().contains("/materials/")) {
            f = submitPromising();
        }
        String path = row.path().replace("{material}", "labour-contracts").replace("{tn}", f.trackingNumber())
                .replace("{task}", String.valueOf(f.task()))
                .replace("{ptn}", portalCase).replace("{ptask}", String.valueOf(portalTask))
                .replace("{upl}", portalUpload);
        return switch (row.surface()) {
            case API -> api(row.method(), path, body(row, f), credentials(role, f));
            case PORTAL -> row.method().equals("POST") ? portalPost(sessions.get(role), karaf.portal(path), role)
                    : page(sessions.get(role), karaf.portal(path), role, Surface.PORTAL);
            case DESK -> row.method().equals("POST") ? deskPost(sessions.get(role), karaf.desk(path.substring("/desk".length())), role)
                    : page(sessions.get(role), karaf.desk(path.substring("/desk".length())), role, Surface.DESK);
            case EXCHANGE -> callback(path, credentials(role, f));
        };
    }

    /**
     * Staff login and logout. Login: anonymous sends no credentials, applicants their portal account's (which is no
     * staff account), staff their own. Logout: staff with a token of their own, fresh for the cell (logging out the
     * token the other rows use would end them), applicants with their access key.
     */
    private HttpResponse<String> staffCell(Row row, Role role) throws Exception {
        String staff = role == Role.OFFICER_X ? OFFICER_X : role == Role.OFFICER_Y ? OFFICER_Y
                : role == Role.SUPERVISOR ? SUPERVISOR : role == Role.WINDOW_CLERK ? CLERK : null;
        if (row.path().endsWith("/login")) {
            return switch (role) {
                case ANONYMOUS -> api("POST", row.path(), "{}");
                case APPLICANT_A, APPLICANT_B -> karaf.staffLogin(applicantAccounts.get(role), APPLICANT_PASSWORD);
                default -> karaf.staffLogin(staff, Distribution.STAFF_PASSWORD);
            };
        }
        if (staff == null) {
            return api("POST", row.path(), null, role == Role.ANONYMOUS ? new String[0]
                    : new String[] {"X-Access-Key", (role == Role.APPLICANT_A ? caseA : caseB).accessKey()});
        }
        HttpResponse<String> login = karaf.staffLogin(staff, Distribution.STAFF_PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        return api("POST", row.path(), null, "Authorization",
                "Bearer " + Distribution.JSON.readTree(login.body()).get("token").asText());
    }

    /** A callback with the role's credentials (and no system's signature) on the internal port. */
    private HttpResponse<String> callback(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + karaf.deskPort + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answerId\":\"a\",\"task\":" + caseA.task()
                        + ",\"kind\":\"APPROVED\"}"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON a row's POST sends: a new application, a correction, a rejection. */
    private String body(Row row, Fixture f) throws IOException {
        if (!row.method().equals("POST") || row.path().endsWith("/claim")) {
            return null;
        }
        if (row.path().equals("/api/cases")) {
            ObjectNode app = demoApplication.deepCopy();
            app.put("submissionKey", UUID.randomUUID().toString());
            return Distribution.JSON.writeValueAsString(app);
        }
        if (row.path().equals("/api/cases/held-results")) {
            return Distribution.JSON.writeValueAsString(Map.of("group", GROUP, "matter", "aic/name-preapproval",
                    "reference", "（京海）名称预核（内）字[2026]第0123456号", "holderId", "110108199007223016"));
        }
        if (row.path().endsWith("/rating")) {
            return Distribution.JSON.writeValueAsString(Map.of("level", 4, "comment", "还可以。"));
        }
        if (row.path().endsWith("/correction")) {
            return Distribution.JSON.writeValueAsString(Map.of("values", Map.of("enterprise-phone",
                    demoApplication.get("values").get("enterprise-phone").asText()), "message", "已核对。"));
        }
        return Distribution.JSON.writeValueAsString(Map.of("kind", "REJECT", "message", "不予受理。"));
    }

    /** The API credentials of a role for case {@code f}: applicant A holds its key, B the key of its own case. */
    private String[] credentials(Role role, Fixture f) {
        return switch (role) {
            case ANONYMOUS -> new String[0];
            case APPLICANT_A -> new String[] {"X-Access-Key", f.accessKey()};
            case APPLICANT_B -> new String[] {"X-Access-Key", caseB.accessKey()};
            case OFFICER_X -> karaf.staffAuth(OFFICER_X);
            case OFFICER_Y -> karaf.staffAuth(OFFICER_Y);
            case SUPERVISOR -> karaf.staffAuth(SUPERVISOR);
            case WINDOW_CLERK -> karaf.staffAuth(CLERK);
        };
    }

    /** A denied answer gives nothing away: no personal data of case A or P, no Java class names. */
    private void assertDeniedWithoutData(Row row, Role role, HttpResponse<String> got) {
        String where = row.method() + " " + row.path() + " as " + role.label;
        String body = got.body();
        assertTrue(!body.contains(demoApplication.get("applicantName").asText())
                && !body.contains(demoApplication.get("contactPhone").asText()), where + " shows personal data: "
                + abbreviate(body));
        assertTrue(!body.contains("Exception") && !body.matches("(?s).*\\b(java|javax|org)\\.[a-z]+\\.[A-Za-z.]+.*"),
                where + " names Java classes: " + abbreviate(body));
        if (got.statusCode() == 303) {
            String location = got.headers().firstValue("Location").orElse("");
            assertTrue(location.contains("/login"), where + " redirects to " + location);
        }
    }

    private HttpResponse<String> api(String method, String path, String body, String... headers) throws IOException {
        return karaf.send(method, path, body, headers);
    }

    /**
     * A page request in the role's session. Staff have no portal session: they come with their API credentials,
     * which must not open a portal page. Applicants come to the desk with their portal session's cookies.
     */
    private HttpResponse<String> page(HttpClient session, String url, Role role, Surface surface) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (surface == Surface.PORTAL && role.compareTo(Role.OFFICER_X) >= 0) {
            String[] auth = karaf.staffAuth(role == Role.OFFICER_X ? OFFICER_X : role == Role.OFFICER_Y ? OFFICER_Y
                    : role == Role.WINDOW_CLERK ? CLERK : SUPERVISOR);
            request.header(auth[0], auth[1]);
        }
        return session.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * A desk POST in the role's session, with the CSRF token of its desk session if it has one (staff), and a body that
     * is no result file (an import that got through would say so with 422).
     */
    private HttpResponse<String> deskPost(HttpClient session, String url, Role role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("not a result file\n"));
        if (role.compareTo(Role.OFFICER_X) >= 0) {
            request.header("X-CSRF-Token", csrf(session, karaf.desk("/")));
        }
        return session.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A portal form POST in the role's session, with its portal CSRF token if the role is an applicant. */
    private HttpResponse<String> portalPost(HttpClient session, String url, Role role) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        if (role == Role.APPLICANT_A || role == Role.APPLICANT_B) {
            fields.put("_csrf", csrf(session, karaf.portal("/groups/" + GROUP + "/apply")));
        }
        return post(session, url, fields);
    }

    /** A case whose applicant promised the labour contracts for later (容缺受理) instead of handing them in. */
    private Fixture submitPromising() throws Exception {
        ObjectNode app = demoApplication.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode materials = app.putArray("materials");
        demoApplication.get("materials").forEach(m -> {
            if (!m.asText().equals("labour-contracts")) {
                materials.add(m.asText());
            }
        });
        app.putArray("promised").add("labour-contracts");
        return submit(app);
    }

    private Fixture submit() throws Exception {
        return submit(demoApplication.deepCopy());
    }

    private Fixture submit(ObjectNode app) throws Exception {
        app.put("submissionKey", UUID.randomUUID().toString());
        HttpResponse<String> r = api("POST", "/api/cases", Distribution.JSON.writeValueAsString(app));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode receipt = Distribution.JSON.readTree(r.body());
        String tn = receipt.get("trackingNumber").asText();
        String key = receipt.get("accessKey").asText();
        JsonNode view = Distribution.JSON.readTree(api("GET", "/api/cases/" + tn, null, "X-Access-Key", key).body());
        long task = view.get("tasks").get(0).get("id").asLong();
        assertEquals("aic", view.get("tasks").get(0).get("matter").get("department").asText());
        return new Fixture(tn, key, task);
    }

    /** Waits (up to 30 s: the window follows the case event log) until the window knows the case. */
    private void awaitAtTheWindow(String trackingNumber) throws Exception {
        for (int i = 0; i < 60; i++) {
            if (page(sessions.get(Role.WINDOW_CLERK), karaf.desk("/window/cases/" + trackingNumber), Role.WINDOW_CLERK,
                    Surface.DESK).statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the window does not know case " + trackingNumber);
    }

    private void register(HttpClient session, String username) throws Exception {
        String csrf = csrf(session, karaf.portal("/register"));
        HttpResponse<String> r = post(session, karaf.portal("/register"), Map.of("_csrf", csrf, "username", username,
                "password", APPLICANT_PASSWORD, "name", "张三", "mobile", "13800138000",
                "email", username + "@example.cn"));
        assertEquals(303, r.statusCode(), r.body());
    }

    /** Applicant A's own case, submitted with the portal's unified form; returns its tracking number. */
    private String applyOnThePortal(HttpClient session) throws Exception {
        String csrf = csrf(session, karaf.portal("/groups/" + GROUP + "/apply"));
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"_csrf", csrf});
        String key = UUID.randomUUID().toString();
        form.add(new String[] {"submissionKey", key});
        portalUpload = uploadOnThePortal(session, csrf, key);
        for (String particular : List.of("applicantType", "applicantName", "contactPhone", "contactEmail")) {
            form.add(new String[] {particular, demoApplication.get(particular).asText()});
        }
        demoApplication.get("values").fields().forEachRemaining(v -> form.add(new String[] {"v." + v.getKey(),
                v.getValue().asText()}));
        demoApplication.get("materials").forEach(m -> form.add(new String[] {"m", m.asText()}));
        HttpResponse<String> r = session.send(HttpRequest.newBuilder(URI.create(karaf.portal("/groups/" + GROUP + "/apply")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        Matcher m = Pattern.compile("/cases/([^/]+)/receipt").matcher(r.headers().firstValue("Location").orElse(""));
        assertTrue(m.find(), r.headers().map().toString());
        return m.group(1);
    }

    /** A real PNG uploaded to applicant A's draft (the form's material line) under the submission key; its id. */
    private String uploadOnThePortal(HttpClient session, String csrf, String key) throws Exception {
        byte[] body = Multipart.body(Map.of("_csrf", csrf, "submissionKey", key, "material",
                demoApplication.get("materials").get(0).asText()), "licence.png", "image/png", Multipart.png());
        HttpResponse<String> r = session.send(HttpRequest.newBuilder(URI.create(karaf.portal("/groups/" + GROUP + "/uploads")))
                .header("Content-Type", Multipart.TYPE).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Distribution.JSON.readTree(r.body()).get("upload").get("id").asText();
    }

    private void deskLogin(HttpClient session, String user) throws Exception {
        deskLogin(karaf, session, user);
    }

    /** Logs {@code user} (password {@link Distribution#STAFF_PASSWORD}) in to the desk in {@code session}, as the login form does. */
    static void deskLogin(Distribution karaf, HttpClient session, String user) throws Exception {
        String csrf = csrf(session, karaf.desk("/login"));
        HttpResponse<String> r = post(session, karaf.desk("/login"), Map.of("_csrf", csrf, "user", user,
                "password", Distribution.STAFF_PASSWORD));
        assertEquals(303, r.statusCode(), r.body());
    }

    /** @return the CSRF token of the page at {@code url} in the session */
    static String csrf(HttpClient session, String url) throws Exception {
        String page = session.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), url + ": " + abbreviate(page));
        return m.group(1);
    }

    private static HttpResponse<String> post(HttpClient session, String url, Map<String, String> fields) throws Exception {
        List<String[]> form = new ArrayList<>();
        new LinkedHashMap<>(fields).forEach((k, v) -> form.add(new String[] {k, v}));
        return session.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(List<String[]> form) {
        List<String> pairs = new ArrayList<>();
        for (String[] f : form) {
            pairs.add(URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
