package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Malformed requests to every entry point of one booted distribution: the JSON API (anonymous,
 * applicant and staff), the portal's forms (with a session and its CSRF token), the desk's login, its
 * offline-media upload and download (as aic's officer, aic having a key registered) and its four tables (as aic's
 * officer and as a supervisor).
 * The hand-written corpus is {@code fuzz/corpus.jsonl}; variants of a valid application, correction
 * and decision are generated here. No answer may be a 5xx or show a Java class or stack trace, and
 * the platform must still be healthy afterwards.
 */
class FuzzIT {

    private static final Pattern LEAK = Pattern.compile(
            // a department's bundle name (org.tanghulu.dept.aic) is data of /api/departments, and a configuration
            // file the documentation names (etc/org.tanghulu.login.cfg) is no internal: neither is a leak
            "java\\.|javax\\.|org\\.(apache|eclipse|hibernate)\\.|org\\.tanghulu\\.(?!dept\\.|group\\.|[a-z.]+\\.cfg\\b)"
                    + "|Exception|\\tat ");
    private static final String OFFICER = "fuzz-officer";
    private static final String SUPERVISOR = "fuzz-supervisor";
    private static final String CLERK = "fuzz-window-clerk";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One request: where, how, and what it exercises. */
    record Probe(String port, String method, String path, Map<String, String> headers, byte[] body, String what) {
    }

    private Distribution karaf;
    private final Map<String, String> slots = new LinkedHashMap<>();
    private final Map<String, HttpClient> sessions = new LinkedHashMap<>();

    /** The one place staff credentials are put on a request; adapt here when staff use tokens. */
    private String staffAuthorization() {
        return karaf.staffAuth(OFFICER)[1];
    }

    @Test
    void malformedRequestsGetClearClientErrors() throws Exception {
        try (Distribution d = new Distribution("fuzz-" + ItDatabase.kind(), ItDatabase.datasource("tanghulu_it_fuzz"))) {
            karaf = d;
            d.staff(OFFICER, "officer-aic");
            d.staff(SUPERVISOR, "supervisor");
            d.staff(CLERK, "window-clerk");
            d.start();
            prepare();
            List<Probe> probes = new ArrayList<>(corpus());
            probes.addAll(generated());
            probes.addAll(diskProbes());
            probes.addAll(tableProbes());
            probes.addAll(windowProbes());
            probes.addAll(uploadProbes());
            assertTrue(probes.size() >= 300, "only " + probes.size() + " requests");
            Map<Integer, Integer> histogram = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (Probe p : probes) {
                HttpResponse<String> r = send(p);
                histogram.merge(r.statusCode(), 1, Integer::sum);
                Matcher leak = LEAK.matcher(r.body());
                if (r.statusCode() >= 500 || leak.find()) {
                    String body = r.body().length() > 300 ? r.body().substring(0, 300) + "..." : r.body();
                    failures.add(r.statusCode() + " " + p.method() + " " + p.port() + " " + clip(p.path()) + " (" + p.what()
                            + "): " + body.replace('\n', ' '));
                }
                // no answer echoes a huge value back: 100,000 characters at most; the portal's application form
                // itself is about 101,000 (nine matters, each material with its upload form, three tables), so it may take 130,000
                int bound = p.path().replaceFirst("\\?.*", "").matches("/groups/[^/]+/(apply|draft|rows|lookup|held)") ? 130_000
                        : 100_000;
                assertTrue(r.body().length() < bound, () -> p.what() + " answered " + r.body().length() + " characters");
            }
            System.out.println("FuzzIT: " + probes.size() + " requests, status histogram " + histogram);
            failures.forEach(f -> System.out.println("FuzzIT failure: " + f));
            assertEquals(List.of(), failures, failures.size() + " answer(s) were 5xx or leaked internals");
            assertEquals(200, d.get("/api/health").statusCode(), "the platform still answers /api/health");
        }
    }

    /** A real case with a claimed task, and a portal session, for the probes to aim at. */
    private void prepare() throws Exception {
        ObjectNode application = (ObjectNode) karaf.demo("enterprise-establishment-application.json");
        application.put("submissionKey", UUID.randomUUID().toString());
        HttpResponse<String> r = karaf.send("POST", "/api/cases", Distribution.JSON.writeValueAsString(application));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode receipt = Distribution.JSON.readTree(r.body());
        slots.put("{TN}", receipt.get("trackingNumber").asText());
        slots.put("{KEY}", receipt.get("accessKey").asText());
        slots.put("{STAFF}", staffAuthorization());
        HttpResponse<String> tasks = karaf.send("GET", "/api/tasks?department=aic", null, "Authorization", staffAuthorization());
        assertEquals(200, tasks.statusCode(), tasks.body());
        String task = Distribution.JSON.readTree(tasks.body()).get(0).get("id").asText();
        slots.put("{TASK}", task);
        assertEquals(200, karaf.send("POST", "/api/tasks/" + task + "/claim", null, "Authorization", staffAuthorization())
                .statusCode());
        // the portal: an account, signed in; its CSRF token is the session's
        HttpClient portal = client();
        sessions.put("portal-session", portal);
        String token = token(portal, karaf.portal("/register"));
        String user = "fuzz" + Long.toHexString(System.nanoTime());
        HttpResponse<String> registered = postForm(portal, karaf.portal("/register"), "_csrf=" + token + "&username=" + user
                + "&password=fuzz-password-1&name=Fuzz&email=&mobile=");
        assertTrue(registered.statusCode() < 400, registered.statusCode() + " " + registered.body());
        slots.put("{CSRF-portal-session}", token(portal, karaf.portal("/cases")));
        HttpClient desk = client();
        sessions.put("desk", desk);
        slots.put("{CSRF-desk}", token(desk, karaf.desk("/login")));
        // offline media registered for aic and a desk session of its officer, so that result files reach the parser
        diskKey = org.tanghulu.simulator.DiskResults.keyPair();
        String disk = karaf.console("tanghulu:exchange-link --disk --public-key " + diskKey[1] + " aic");
        assertTrue(disk.contains("offline media"), disk);
        HttpClient officer = client();
        sessions.put("desk-officer", officer);
        AuthorizationIT.deskLogin(karaf, officer, OFFICER);
        slots.put("{CSRF-desk-officer}", token(officer, karaf.desk("/disk/aic")));
        HttpClient supervisor = client();
        sessions.put("desk-supervisor", supervisor);
        AuthorizationIT.deskLogin(karaf, supervisor, SUPERVISOR);
        slots.put("{CSRF-desk-supervisor}", token(supervisor, karaf.desk("/tables")));
        HttpClient clerk = client();
        sessions.put("desk-clerk", clerk);
        AuthorizationIT.deskLogin(karaf, clerk, CLERK);
        slots.put("{CSRF-desk-clerk}", token(clerk, karaf.desk("/window")));
        // a linked department system, so that signed callbacks ({SIGN}) reach the parser
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("fuzz", ".secret");
        java.nio.file.Files.writeString(secret, SYSTEM_SECRET);
        String linked = karaf.console("tanghulu:exchange-link --secret-file " + secret + " stats http://127.0.0.1:9/stats");
        assertTrue(linked.contains("linked"), linked);
    }

    /** aic's SM2 key pair for offline media: {private, public}. */
    private String[] diskKey;

    /**
     * Result files signed with aic's key whose records are malformed (so that the line-by-line path is reached),
     * and a file signed with another key, uploaded by aic's officer.
     */
    private List<Probe> diskProbes() {
        List<String> records = List.of("not json", "[]", "{}", "{\"answerId\":\"\",\"task\":1,\"kind\":\"APPROVED\"}",
                "{\"answerId\":\"x\",\"task\":\"abc\",\"kind\":\"APPROVED\"}",
                "{\"answerId\":\"x\",\"task\":9223372036854775807,\"kind\":\"APPROVED\"}",
                "{\"answerId\":\"x\",\"task\":-1,\"kind\":\"NONSENSE\"}",
                "{\"answerId\":\"x\",\"task\":1,\"kind\":\"ACCEPTED\"}",
                "{\"answerId\":\"" + "y".repeat(5000) + "\",\"task\":1,\"kind\":\"REJECTED\"}",
                "{\"answerId\":\"x\",\"task\":{TASK},\"trackingNumber\":\"{TN}\",\"kind\":\"APPROVED\",\"outputs\":{\"a\":[1,2]}}");
        List<Probe> probes = new ArrayList<>();
        Map<String, String> headers = Map.of("Content-Type", "application/octet-stream", "X-CSRF-Token", "{CSRF}");
        for (String key : List.of(diskKey[0], org.tanghulu.simulator.DiskResults.keyPair()[0])) {
            StringBuilder file = new StringBuilder("{\"format\":\"tanghulu-disk-result/1\",\"department\":\"aic\",\"batch\":\"b\","
                    + "\"created\":\"x\",\"count\":" + records.size() + "}\n");
            records.forEach(r -> file.append(fill(r, "desk-officer")).append('\n'));
            byte[] signed = file.toString().getBytes(StandardCharsets.UTF_8);
            String signature = java.util.HexFormat.of().formatHex(org.tanghulu.simulator.DiskResults.sign(signed, key));
            probes.add(new Probe("desk-officer", "POST", "/disk/aic/import", headers, (file + "{\"signature\":\"" + signature
                    + "\"}\n").getBytes(StandardCharsets.UTF_8), "a signed result file of malformed records"
                    + (key.equals(diskKey[0]) ? "" : ", another key")));
        }
        return probes;
    }

    /**
     * The comprehensive window (综合窗口) as its clerk: odd searches and tracking numbers, malformed checks of the
     * originals and hand-overs; as aic's officer, who may not; and the applicant's confirmation of receipt of a case
     * that is not theirs.
     */
    private static List<Probe> windowProbes() {
        List<Probe> probes = new ArrayList<>();
        for (String q : List.of("{TN}", "%00", "q".repeat(65), "%27%20or%201%3D1", "%E5%8A%9E%E4%BB%B6", "%25", "_", "%FF%FE")) {
            probes.add(new Probe("desk-clerk", "GET", "/window?q=" + q, Map.of(), null, "window search " + clip(q)));
        }
        for (String tn : List.of("{TN}", "nowhere", "%00", "t".repeat(65), "..%2f..%2fsupervision", "{TN}%0a")) {
            probes.add(new Probe("desk-clerk", "GET", "/window/cases/" + tn, Map.of(), null, "window case " + clip(tn)));
        }
        String check = "/window/cases/{TN}/check";
        for (String body : List.of("", "v.x=MATCHES", "v.business-licence-application=NONSENSE",
                "v.business-licence-application=MISMATCH&r.business-licence-application=",
                "v.business-licence-application=MISMATCH&r.business-licence-application=" + "r".repeat(5000),
                "v.%00=MATCHES", "v.=MATCHES", "v.a=MATCHES&v.a=MISMATCH", "r.only=reason", "v.id-card=%00%1b%5b2J")) {
            probes.add(new Probe("desk-clerk", "POST", check, Map.of("Content-Type", FORM),
                    ("_csrf={CSRF}&" + body).getBytes(StandardCharsets.UTF_8), "window check " + clip(body)));
        }
        String handOver = "/window/cases/{TN}/handover";
        for (String body : List.of("", "recipient=%00&idNumber=%00", "recipient=" + "n".repeat(5000) + "&idNumber=110105194912310021",
                "recipient=x&idNumber=" + "1".repeat(5000), "recipient=x&idNumber=11010519491231002%27", "recipient=x&signed=maybe",
                "recipient=%1b%5b2J&idNumber=110105194912310021&signed=on")) {
            probes.add(new Probe("desk-clerk", "POST", handOver, Map.of("Content-Type", FORM),
                    ("_csrf={CSRF}&" + body).getBytes(StandardCharsets.UTF_8), "window hand-over " + clip(body)));
        }
        probes.add(new Probe("desk-clerk", "POST", "/window/cases/nowhere/handover", Map.of("Content-Type", FORM),
                "_csrf={CSRF}&recipient=x&idNumber=110105194912310021".getBytes(StandardCharsets.UTF_8), "window hand-over, unknown case"));
        probes.add(new Probe("desk-officer", "POST", check, Map.of("Content-Type", FORM),
                "_csrf={CSRF}&v.x=MATCHES".getBytes(StandardCharsets.UTF_8), "window check by an officer"));
        probes.add(new Probe("desk-officer", "GET", "/window", Map.of(), null, "window list as an officer"));
        probes.add(new Probe("portal-session", "POST", "/cases/{TN}/window/confirm", Map.of("Content-Type", FORM),
                "_csrf={CSRF}".getBytes(StandardCharsets.UTF_8), "window confirmation of another's case"));
        probes.add(new Probe("portal-session", "POST", "/cases/%00/window/confirm", Map.of("Content-Type", FORM),
                "_csrf={CSRF}".getBytes(StandardCharsets.UTF_8), "window confirmation, NUL case"));
        return probes;
    }

    /**
     * Uploaded materials (docs/portal.md): malformed multipart bodies, a part over the file limit and one over the request
     * limit, odd file names, materials and submission keys, unknown and malformed file ids.
     */
    private static List<Probe> uploadProbes() {
        List<Probe> probes = new ArrayList<>();
        String path = "/groups/enterprise-establishment/uploads";
        String key = "fuzz-key-0123456789abcdef";
        Map<String, String> csrf = Map.of("X-CSRF-Token", "{CSRF}", "Content-Type", Multipart.TYPE);
        byte[] png = Multipart.png();
        java.util.function.BiFunction<Map<String, String>, String, byte[]> named = (fields, name) ->
                Multipart.body(fields, name, "image/png", png);
        Map<String, String> good = Map.of("submissionKey", key, "material", "m");
        for (String name : List.of("../../etc/passwd", "\u0000.png", "a".repeat(5000) + ".pdf", "<script>alert(1)</script>.png",
                "", "..", "a\r\nX-Injected: 1.png", "\u202Egnp.exe", "CON", "%00.png")) {
            probes.add(new Probe("portal-session", "POST", path, csrf, named.apply(good, name), "upload named " + clip(name)));
        }
        for (String[] f : new String[][] { { "material", "../x" }, { "material", "" }, { "material", "m".repeat(500) },
                { "material", "\u0000" }, { "submissionKey", "\u0000" }, { "submissionKey", "short" },
                { "submissionKey", "k".repeat(5000) } }) {
            Map<String, String> fields = new LinkedHashMap<>(good);
            fields.put(f[0], f[1]);
            probes.add(new Probe("portal-session", "POST", path, csrf, named.apply(fields, "a.png"),
                    "upload with " + f[0] + " = " + clip(f[1])));
        }
        byte[] whole = named.apply(good, "a.png");
        probes.add(new Probe("portal-session", "POST", path, csrf, java.util.Arrays.copyOf(whole, whole.length / 2),
                "multipart cut in the middle"));
        probes.add(new Probe("portal-session", "POST", path, Map.of("X-CSRF-Token", "{CSRF}", "Content-Type",
                "multipart/form-data"), whole, "multipart without a boundary"));
        probes.add(new Probe("portal-session", "POST", path, Map.of("X-CSRF-Token", "{CSRF}", "Content-Type",
                "multipart/form-data; boundary=other"), whole, "multipart with another boundary"));
        probes.add(new Probe("portal-session", "POST", path, csrf, "garbage\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                "multipart that is no multipart"));
        probes.add(new Probe("portal-session", "POST", path, csrf, Multipart.body(good, null, null, null), "multipart without a file"));
        probes.add(new Probe("portal-session", "POST", path, csrf, Multipart.body(good, "big.pdf", "application/pdf",
                new byte[10 * 1024 * 1024 + 100]), "a part over the file limit"));
        probes.add(new Probe("portal-session", "POST", path, csrf, Multipart.body(good, "huge.pdf", "application/pdf",
                new byte[12 * 1024 * 1024]), "a part over the request limit"));
        probes.add(new Probe("portal-session", "POST", "/cases/{TN}/uploads", csrf, whole, "upload to another's case"));
        for (String id : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00", "x".repeat(36),
                "../../api/health")) {
            probes.add(new Probe("portal-session", "GET", "/uploads/" + id, Map.of(), null, "file " + clip(id)));
            probes.add(new Probe("portal-session", "POST", "/uploads/" + id + "/remove", Map.of("Content-Type", FORM),
                    "_csrf={CSRF}".getBytes(StandardCharsets.UTF_8), "remove file " + clip(id)));
            probes.add(new Probe("desk-officer", "GET", "/cases/{TN}/uploads/" + id, Map.of(), null, "desk file " + clip(id)));
        }
        return probes;
    }

    /**
     * The four tables: unknown departments, groups, tables and formats, odd encodings and lengths, another department
     * and a group for aic's officer, the same for a supervisor, and a POST to a page that only answers GET.
     */
    private static List<Probe> tableProbes() {
        List<String> tails = List.of("process", "matter-scope.csv", "collaboration.xlsx", "applicant-types.pdf",
                "process.csv.xlsx", ".csv", "process.", "nonsense", "PROCESS", "process%00.csv", "%E5%9B%9B%E8%A1%A8",
                "..%2f..%2fprocess", "process/extra", "process?lang=xx", "p".repeat(65), "process.xlsx?lang=%FF%FE");
        List<Probe> probes = new ArrayList<>();
        for (String port : List.of("desk-officer", "desk-supervisor")) {
            probes.add(new Probe(port, "GET", "/tables", Map.of(), null, "four tables: the list"));
            for (String scope : List.of("departments/aic", "departments/zgc", "departments/nowhere", "departments/AIC",
                    "departments/" + "d".repeat(70), "departments/..%2f", "departments", "groups/enterprise-establishment",
                    "groups/nowhere", "groups/%00")) {
                for (String tail : tails) {
                    probes.add(new Probe(port, "GET", "/tables/" + scope + "/" + tail, Map.of(), null,
                            "four tables: " + scope + "/" + clip(tail)));
                }
            }
            probes.add(new Probe(port, "POST", "/tables/departments/aic/process.csv", Map.of("Content-Type", FORM),
                    "_csrf={CSRF}".getBytes(StandardCharsets.UTF_8), "four tables: a POST"));
        }
        return probes;
    }

    /** The shared secret of the department system linked for the probes on port {@code exchange}. */
    private static final String SYSTEM_SECRET = "fuzz-" + UUID.randomUUID() + "-system-secret";

    private List<Probe> corpus() throws Exception {
        List<Probe> probes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/fuzz/corpus.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode e = Distribution.JSON.readTree(line);
                Map<String, String> headers = new LinkedHashMap<>();
                e.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
                byte[] body = e.has("bodyBase64") ? Base64.getDecoder().decode(e.get("bodyBase64").asText())
                        : e.has("body") ? e.get("body").asText().getBytes(StandardCharsets.UTF_8) : null;
                probes.add(new Probe(e.get("port").asText(), e.get("method").asText(), e.get("path").asText(), headers, body,
                        e.get("what").asText()));
            }
        }
        return probes;
    }

    private List<Probe> generated() throws Exception {
        List<Probe> probes = new ArrayList<>();
        List<JsonNode> bad = List.of(NODES.nullNode(), NODES.numberNode(123), NODES.booleanNode(true), NODES.arrayNode(),
                NODES.objectNode(), NODES.textNode(""), NODES.textNode("x".repeat(100_000)), NODES.textNode("a\u0000b"),
                NODES.textNode("ACME\u001b[2J\u001b]0;owned\u0007"), NODES.textNode("\u0085\u009b"),
                NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.textNode("../../../etc/passwd"));
        ObjectNode application = (ObjectNode) karaf.demo("enterprise-establishment-application.json");
        for (Iterator<String> it = application.fieldNames(); it.hasNext();) {
            String field = it.next();
            for (JsonNode value : bad) {
                ObjectNode a = fresh(application);
                a.set(field, value);
                probes.add(json("POST", "/api/cases", a, "submission: " + field + " = " + describe(value)));
            }
        }
        List<String> valueIds = new ArrayList<>();
        application.get("values").fieldNames().forEachRemaining(valueIds::add);
        for (String id : valueIds.subList(0, Math.min(12, valueIds.size()))) {
            for (JsonNode value : List.of(NODES.nullNode(), NODES.numberNode(1), NODES.objectNode(), NODES.textNode("x".repeat(5000)),
                    NODES.textNode("\u0000"), NODES.textNode("a\u001b[31mb"))) {
                ObjectNode a = fresh(application);
                ((ObjectNode) a.get("values")).set(id, value);
                probes.add(json("POST", "/api/cases", a, "submission: value " + id + " = " + describe(value)));
            }
        }
        ObjectNode many = fresh(application);
        for (int i = 0; i < 50_000; i++) {
            ((ObjectNode) many.get("values")).put("unknown-" + i, "x");
        }
        probes.add(json("POST", "/api/cases", many, "submission: 50,000 unknown values"));
        ObjectNode unknownTop = fresh(application);
        for (int i = 0; i < 50_000; i++) {
            unknownTop.put("u" + i, 1);
        }
        probes.add(json("POST", "/api/cases", unknownTop, "submission: 50,000 unknown properties"));
        for (String mail : List.of("a@x.cn, victim1@y.cn, victim2@z.cn", "\"Gov\" <victim@y.cn>", "a@x.cn\r\nBcc: v@y.cn",
                "a@x.cn;b@y.cn", "x".repeat(5000) + "@x.cn", "张三@x.cn")) {
            ObjectNode a = fresh(application);
            a.put("contactEmail", mail);
            probes.add(json("POST", "/api/cases", a, "submission: contact e-mail " + clip(mail)));
        }
        for (JsonNode m : List.of(NODES.arrayNode().addNull(), NODES.arrayNode().add("no-such-material"),
                NODES.arrayNode().add(1), NODES.arrayNode().add(NODES.arrayNode()))) {
            ObjectNode a = fresh(application);
            a.set("materials", m);
            probes.add(json("POST", "/api/cases", a, "submission: materials " + m));
        }
        ObjectNode lots = fresh(application);
        for (int i = 0; i < 10_000; i++) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) lots.get("materials")).add("unknown-material-" + i);
        }
        probes.add(json("POST", "/api/cases", lots, "submission: 10,000 unknown materials"));
        // held results (once-only reuse): asked before submitting, and carried by a submission
        for (JsonNode value : bad) {
            for (String field : List.of("group", "matter", "reference", "holderId")) {
                ObjectNode h = NODES.objectNode().put("group", "enterprise-establishment").put("matter", "aic/name-preapproval")
                        .put("reference", "（京海）名称预核（内）字[2026]第0123456号").put("holderId", "110108199007223016");
                h.set(field, value);
                probes.add(json("POST", "/api/cases/held-results", h, "held result: " + field + " = " + describe(value)));
            }
            ObjectNode withHeld = fresh(application);
            withHeld.set("held", value);
            probes.add(json("POST", "/api/cases", withHeld, "submission: held = " + describe(value)));
            ObjectNode inList = fresh(application);
            inList.putArray("held").add(value);
            probes.add(json("POST", "/api/cases", inList, "submission: held = [" + describe(value) + "]"));
        }
        for (String matter : List.of("aic", "aic/name-preapproval/x", "/", "zgc/high-tech-qualification")) {
            probes.add(json("POST", "/api/cases/held-results", NODES.objectNode().put("group", "enterprise-establishment")
                    .put("matter", matter).put("reference", "X-1").put("holderId", "110108199007223016"), "held result: matter " + matter));
        }
        // corrections (applicant) and decisions (staff, on a claimed task)
        String correction = "/api/cases/{TN}/tasks/{TASK}/correction";
        for (JsonNode value : bad) {
            for (String field : List.of("values", "materials", "message")) {
                ObjectNode c = NODES.objectNode();
                c.set(field, value);
                probes.add(withHeader(json("POST", correction, c, "correction: " + field + " = " + describe(value)),
                        "X-Access-Key", "{KEY}"));
            }
            for (String field : List.of("kind", "outputs", "message", "fields")) {
                ObjectNode dec = NODES.objectNode().put("kind", "REJECT");
                dec.set(field, value);
                probes.add(withHeader(json("POST", "/api/tasks/{TASK}/decision", dec, "decision: " + field + " = "
                        + describe(value)), "Authorization", "{STAFF}"));
            }
        }
        probes.add(withHeader(json("POST", correction, NODES.objectNode().put("message", "x".repeat(1_000_000)),
                "correction: a 1 MB message"), "X-Access-Key", "{KEY}"));
        // issue 14: the case's one correction answer, and ratings of a step and of the case (applicant)
        String answerAll = "/api/cases/{TN}/correction";
        List<String> ratings = List.of("/api/cases/{TN}/tasks/{TASK}/rating", "/api/cases/{TN}/rating");
        for (JsonNode value : bad) {
            for (String field : List.of("values", "materials", "message")) {
                ObjectNode c = NODES.objectNode();
                c.set(field, value);
                probes.add(withHeader(json("POST", answerAll, c, "case correction: " + field + " = " + describe(value)),
                        "X-Access-Key", "{KEY}"));
            }
            for (String path : ratings) {
                for (String field : List.of("level", "comment")) {
                    ObjectNode rating = NODES.objectNode().put("level", 3);
                    rating.set(field, value);
                    probes.add(withHeader(json("POST", path, rating, "rating " + path + ": " + field + " = "
                            + describe(value)), "X-Access-Key", "{KEY}"));
                }
            }
        }
        probes.add(withHeader(json("POST", answerAll, NODES.objectNode().set("values", NODES.objectNode()
                .put("enterprise-name", "\u0000")), "case correction: a field not asked for, NUL"), "X-Access-Key", "{KEY}"));
        probes.add(withHeader(json("POST", "/api/cases/{TN}/tasks/99999999999999999999/rating", NODES.objectNode()
                .put("level", 3), "step rating: task id beyond a long"), "X-Access-Key", "{KEY}"));
        for (String path : ratings) {
            probes.add(withHeader(json("POST", path, NODES.objectNode().put("level", 5).put("comment", "c".repeat(100_000)),
                    "rating " + path + ": a 100 kB comment"), "X-Access-Key", "{KEY}"));
        }
        probes.add(withHeader(json("POST", "/api/tasks/{TASK}/decision", NODES.objectNode().put("kind", "REJECT")
                .put("message", "x".repeat(1_000_000)), "decision: a 1 MB reason"), "Authorization", "{STAFF}"));
        // the staff login and logout: malformed credentials, tokens that are no tokens
        for (JsonNode value : bad) {
            for (String field : List.of("user", "password")) {
                ObjectNode login = NODES.objectNode().put("user", "fuzz-nobody").put("password", "wrong");
                login.set(field, value);
                probes.add(json("POST", "/api/staff/login", login, "staff login: " + field + " = " + describe(value)));
            }
        }
        for (String token : List.of("", "Bearer", "Bearer ", "Bearer \u00e9\u00e9", "Bearer " + "t".repeat(10_000),
                "Bearer ../../etc/passwd", "Basic Og==", "Basic %%%", "Negotiate abc")) {
            probes.add(new Probe("portal", "POST", "/api/staff/logout", Map.of("Authorization", token), null,
                    "staff logout with Authorization '" + clip(token) + "'"));
            probes.add(new Probe("portal", "GET", "/api/tasks/overdue", Map.of("Authorization", token), null,
                    "staff API with Authorization '" + clip(token) + "'"));
        }
        // every JSON endpoint with a body it cannot read
        for (String path : List.of("/api/cases", "/api/staff/login", correction, "/api/tasks/{TASK}/decision",
                "/api/cases/{TN}/correction", "/api/cases/{TN}/tasks/{TASK}/rating", "/api/cases/{TN}/rating")) {
            for (String[] b : new String[][] { { "", "application/json" }, { "{", "application/json" },
                    { "{}", "text/plain" }, { "{}", "application/json; charset=nonsense" }, { "[1,2", "application/json" },
                    { "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001), "application/json" } }) {
                probes.add(new Probe("portal", "POST", path, Map.of("Content-Type", b[1], "X-Access-Key", "{KEY}",
                        "Authorization", "{STAFF}"), b[0].getBytes(StandardCharsets.UTF_8), "unreadable body (" + b[1] + ") to " + path));
            }
        }
        // the portal's forms, signed in, with the session's token
        // the catalog's questions, and the answers carried to a group and its form
        for (String query : List.of("a.entity-type=%00", "a.entity-type=" + "x".repeat(5000), "a.%1b%5b2J=yes",
                "a.entity-type=limited-company&a.entity-type=partnership", "a.=&a..=", "a.high-tech=%E0%A4",
                "a.entity-type=limited-company&a.foreign-investment=no&a.high-tech=%27%3Cscript%3E")) {
            for (String path : List.of("/needs/business-start", "/needs/%00", "/groups/enterprise-establishment",
                    "/groups/enterprise-establishment/apply")) {
                probes.add(new Probe("portal-session", "GET", path + "?" + query, Map.of(), null,
                        "catalog question: " + path + "?" + clip(query)));
            }
        }
        String apply = "/groups/enterprise-establishment/apply";
        for (String[] f : new String[][] { { "applicantName", "ACME\u001b]0;owned\u0007" }, { "applicantName", "x".repeat(5000) },
                { "contactEmail", "a@x.cn, b@y.cn" }, { "contactEmail", "\"Gov\" <v@y.cn>" }, { "contactPhone", "1".repeat(5000) },
                { "contactPhone", "\u0000" }, { "applicantType", "1" }, { "m", "no-such-material" }, { "v.company-name", "\u0000" },
                { "v.company-name", "y".repeat(100_000) }, { "submissionKey", "\u0000" }, { "submissionKey", "k".repeat(5000) } }) {
            probes.add(form(apply, f[0], f[1], "portal application: " + f[0] + " = " + clip(f[1])));
            probes.add(form("/groups/enterprise-establishment/draft", f[0], f[1], "portal draft: " + f[0] + " = " + clip(f[1])));
        }
        for (String[] f : new String[][] { { "consent", "\u0000" }, { "consent", "yes&v.legal-representative-id-number=\u0000" },
                { "v.legal-representative-id-number", "1".repeat(5000) } }) {
            probes.add(form("/groups/enterprise-establishment/lookup", f[0], f[1], "portal lookup: " + f[0] + " = " + clip(f[1])));
        }
        // the form's rows of a table (issue 14): unknown, non-table, malformed and out-of-range row commands change nothing
        for (String command : new String[] { "add:investors", "remove:investors:999", "remove:investors:-1", "add:enterprise-name",
                "add:no-such-element", "\u0000", "add:" + "x".repeat(5000), "remove:investors:" + "9".repeat(50), "add:INVESTORS" }) {
            probes.add(form("/groups/enterprise-establishment/rows", "row", command, "portal table rows: " + clip(command)));
        }
        probes.add(form("/groups/enterprise-establishment/rows", "v.investors.0.name", "\u0000", "portal table rows: a NUL cell"));
        probes.add(form("/groups/enterprise-establishment/rows", "v.investors.99999.name", "x", "portal table rows: a far row"));
        probes.add(form("/groups/enterprise-establishment/rows", "v.investors", "[{\"name\":", "portal table rows: broken JSON"));
        String held = "/groups/enterprise-establishment/held";
        for (String[] f : new String[][] { { "held.aic/name-preapproval.reference", "\u0000" },
                { "held.aic/name-preapproval.reference", "r".repeat(5000) }, { "held.aic/name-preapproval.holder", "\u001b[2J" },
                { "held.aic/name-preapproval.holder", "h".repeat(5000) }, { "held./.reference", "x" },
                { "held.aic/name-preapproval/x.reference", "x" }, { "held.zgc/high-tech-qualification.reference", "x" } }) {
            probes.add(form(held, f[0], f[1], "portal held result: " + f[0] + " = " + clip(f[1])));
            probes.add(form("/groups/enterprise-establishment/lookup", f[0], f[1], "portal lookup: " + f[0] + " = " + clip(f[1])));
            probes.add(form(apply, f[0], f[1], "portal application with held result: " + f[0] + " = " + clip(f[1])));
        }
        for (String[] f : new String[][] { { "username", "\u0000" }, { "name", "\u001b[2J" }, { "name", "n".repeat(5000) },
                { "email", "a@x.cn, b@y.cn" }, { "email", "e".repeat(5000) }, { "mobile", "\u0000" }, { "password", "p".repeat(5000) } }) {
            probes.add(form("/register", f[0], f[1], "portal registration: " + f[0] + " = " + clip(f[1])));
        }
        for (String level : List.of("abc", "99999999999999999999", "-1", "\u0000")) {
            probes.add(form("/cases/{TN}/rating", "level", level, "portal rating level " + level));
        }
        probes.add(form("/cases/{TN}/rating", "comment", "c".repeat(100_000), "portal rating, huge comment"));
        probes.add(form("/cases/{TN}/tasks/{TASK}/correction", "message", "\u0000", "portal correction, NUL message"));
        probes.add(form("/cases/{TN}/tasks/99999999999999999/correction", "message", "x", "portal correction, unknown task"));
        probes.add(form("/cases/{TN}/correction", "message", "\u0000", "portal case correction, NUL message"));
        probes.add(form("/cases/{TN}/correction", "v.enterprise-name", "y".repeat(100_000), "portal case correction, huge value"));
        probes.add(form("/cases/{TN}/correction", "m", "no-such-material", "portal case correction, unknown material"));
        for (String level : List.of("abc", "99999999999999999999", "-1", "\u0000")) {
            probes.add(form("/cases/{TN}/tasks/{TASK}/rating", "level", level, "portal step rating level " + level));
        }
        probes.add(form("/cases/{TN}/tasks/{TASK}/rating", "comment", "c".repeat(100_000), "portal step rating, huge comment"));
        probes.add(form("/cases/{TN}/tasks/99999999999999999/rating", "level", "3", "portal step rating, unknown task"));
        for (String user : List.of("\u0000", "u".repeat(10_000), "\u001b[2J")) {
            probes.add(new Probe("desk", "POST", "/login", Map.of("Content-Type", FORM),
                    ("_csrf={CSRF}&password=x&user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                    "desk login user " + clip(user)));
        }
        return probes;
    }

    private Probe form(String path, String field, String value, String what) {
        return new Probe("portal-session", "POST", path, Map.of("Content-Type", FORM),
                ("_csrf={CSRF}&" + field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8), what);
    }

    private static Probe json(String method, String path, JsonNode body, String what) throws Exception {
        return new Probe("portal", method, path, Map.of("Content-Type", "application/json"),
                Distribution.JSON.writeValueAsBytes(body), what);
    }

    private static Probe withHeader(Probe p, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(p.headers());
        headers.put(name, value);
        return new Probe(p.port(), p.method(), p.path(), headers, p.body(), p.what());
    }

    private static ObjectNode fresh(ObjectNode application) {
        ObjectNode a = application.deepCopy();
        a.put("submissionKey", UUID.randomUUID().toString());
        return a;
    }

    private static String describe(JsonNode value) {
        return clip(value.toString());
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
    }

    private String fill(String text, String port) {
        String out = text;
        for (Map.Entry<String, String> e : slots.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        String csrf = slots.get("{CSRF-" + port + "}");
        return csrf == null ? out : out.replace("{CSRF}", csrf);
    }

    private HttpResponse<String> send(Probe p) throws Exception {
        slots.put("{NOW}", String.valueOf(java.time.Instant.now().getEpochSecond()));
        String base = p.port().startsWith("desk") ? karaf.desk("")
                : p.port().equals("exchange") ? "http://127.0.0.1:" + karaf.deskPort : karaf.portal("");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + fill(p.path(), p.port())))
                .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(60));
        byte[] body = p.body() == null ? null
                : p.body().length < 2_000_000 ? fill(new String(p.body(), StandardCharsets.ISO_8859_1), p.port())
                        .getBytes(StandardCharsets.ISO_8859_1) : p.body();
        request.method(p.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        p.headers().forEach((name, value) -> request.header(name, "{SIGN}".equals(value)
                ? org.tanghulu.simulator.DepartmentSystem.sign(SYSTEM_SECRET, fill(p.headers().get("X-Tanghulu-Timestamp"),
                        p.port()), body == null ? new byte[0] : body)
                : fill(value, p.port())));
        HttpClient client = sessions.getOrDefault(p.port(), sessions.get("anonymous"));
        return (client == null ? plain() : client).send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpClient plain() {
        return sessions.computeIfAbsent("anonymous", k -> client());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String token(HttpClient client, String url) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), () -> url + " has no CSRF token: " + page.statusCode());
        return m.group(1);
    }

    private static HttpResponse<String> postForm(HttpClient client, String url, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
