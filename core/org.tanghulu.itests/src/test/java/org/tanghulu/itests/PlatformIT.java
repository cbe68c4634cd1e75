package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tanghulu.itests.Distribution.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tanghulu.itests.fixture.HangingDepartment;
import org.tanghulu.itests.fixture.UnclearDepartment;

/**
 * The platform as its users meet it: the real distribution booted with the demo, on the
 * database chosen by {@code -Dtanghulu.it.database} (h2, the default, or postgresql on
 * 127.0.0.1:5432). The tests run in order on one running platform.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("long") // once, in .ci/run's PostgreSQL step: keeps the README's test command under 10 minutes
class PlatformIT {

    private static final String PG_DATABASE = "tanghulu_it";
    /** The demo's eight departments, sorted by id as the platform lists them. */
    private static final List<String> DEPARTMENTS = List.of("aic", "commerce", "lss", "ltax", "ntax", "psb", "qts", "safe", "stats",
            "zgc");

    private Distribution karaf;

    @BeforeAll
    void boot() throws Exception {
        karaf = new Distribution(ItDatabase.kind(), ItDatabase.datasource(PG_DATABASE));
        Duration took = karaf.start();
        System.out.println("Platform answered /api/health after " + took.toMillis() + " ms");
    }

    @AfterAll
    void shutdown() throws InterruptedException {
        if (karaf != null) {
            karaf.close();
        }
    }

    /** @return the demo's departments except {@code id} */
    private static List<String> without(String id) {
        return DEPARTMENTS.stream().filter(d -> !d.equals(id)).toList();
    }

    private List<String> departmentIds(String path) throws IOException {
        return StreamSupport.stream(karaf.json(path).spliterator(), false).map(d -> d.get("id").asText()).toList();
    }

    private JsonNode department(String id) throws IOException {
        for (JsonNode d : karaf.json("/api/departments?all=true")) {
            if (d.get("id").asText().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("department " + id + " not in the history");
    }

    @Test
    @Order(1)
    void bootsIntoThePlatformWithTheDemo() throws Exception {
        JsonNode health = karaf.json("/api/health");
        assertEquals("UP", health.get("status").asText());
        assertEquals("UP", health.get("database").asText());
        assertEquals(DEPARTMENTS.size(), health.get("departments").get("ACTIVE").asInt());
        assertEquals(10, health.get("availableFunctionGroups").asInt(), "the establishment variants");

        JsonNode departments = karaf.json("/api/departments");
        assertEquals(DEPARTMENTS, departmentIds("/api/departments"));
        for (JsonNode d : departments) {
            assertEquals("ACTIVE", d.get("state").asText(), d.toString());
            assertFalse(d.get("name").get("zh").asText().isBlank());
            assertFalse(d.get("name").get("en").asText().isBlank());
        }
        assertTrue(departments.get(0).get("matters").toString().contains("business-licence"));

        String departmentsOnConsole = karaf.console("tanghulu:departments");
        assertTrue(DEPARTMENTS.stream().allMatch(departmentsOnConsole::contains)
                && departmentsOnConsole.contains("ACTIVE"), departmentsOnConsole);
        String matters = karaf.console("tanghulu:matters ltax");
        assertTrue(matters.contains("ltax/tax-registration") && matters.contains("aic/business-licence"), matters);
        assertFalse(matters.contains("aic/name-preapproval"), "filtered to ltax: " + matters);
        String groups = karaf.console("tanghulu:groups");
        assertTrue(groups.contains("enterprise-establishment") && groups.contains("yes"), groups);
        String unknown = karaf.consoleError("tanghulu:department nope");
        assertTrue(unknown.contains("No department 'nope' is installed. Installed: " + String.join(", ", DEPARTMENTS)),
                unknown);
    }

    @Test
    @Order(2)
    void errorsAreJsonWithAReadableMessage() throws Exception {
        var missing = karaf.get("/api/departments/no-such-department");
        assertEquals(404, missing.statusCode());
        JsonNode body = Distribution.JSON.readTree(missing.body());
        assertEquals("No department 'no-such-department' is installed.", body.get("message").asText());
        assertFalse(missing.body().contains("Exception"), missing.body());
    }

    @Test
    @Order(3)
    void secureByDefault() throws Exception {
        String users = Files.readString(karaf.home.resolve("etc/users.properties"));
        assertFalse(users.lines().anyMatch(l -> l.matches("\\s*karaf\\s*=.*")), "no karaf account: " + users);
        assertTrue(users.contains(Distribution.ADMIN + " = {CRYPT}"), "the admin's password is stored hashed: " + users);
        assertFalse(users.contains(Distribution.PASSWORD), "no clear-text password left");
        // the console (SSH) and JMX listen on loopback only
        for (int port : List.of(karaf.sshPort, karaf.rmiRegistryPort, karaf.rmiServerPort)) {
            // SSH and JMX open on their own, possibly after the HTTP ports the platform counts as started by
            Distribution.await(java.time.Duration.ofSeconds(60), "a listener on " + port, () -> Distribution.is(false,
                    () -> Listeners.addresses(port).isEmpty()));
            List<String> listeners = Listeners.addresses(port);
            assertTrue(listeners.stream().allMatch(Listeners::isLoopback), port + " listens on " + listeners);
        }
        assertTrue(karaf.consoleFails("karaf", "karaf"), "karaf/karaf must not log in");
    }

    @Test
    @Order(4)
    void departmentsComeAndGoWithoutTouchingTheCore() throws Exception {
        Map<String, String> before = platformBundles();
        long registry = karaf.serviceId("org.tanghulu.catalog.Registry");
        long dataSource = karaf.serviceId("javax.sql.DataSource");
        long application = karaf.serviceId("javax.ws.rs.core.Application");
        long catalogStarts = karaf.logCount("Tanghulu catalog started");

        karaf.console("feature:uninstall tanghulu-dept-aic");
        Distribution.await(Duration.ofSeconds(30), "aic to leave /api/departments",
                () -> is(without("aic"), () -> departmentIds("/api/departments")));
        assertFalse(karaf.console("tanghulu:departments").contains("aic"));
        String groups = karaf.console("tanghulu:groups");
        assertTrue(groups.contains("no") && groups.contains("department 'aic' is not installed"), groups);
        assertEquals("ABSENT", department("aic").get("state").asText());

        karaf.console("feature:install tanghulu-dept-aic");
        Distribution.await(Duration.ofSeconds(30), "aic to come back active",
                () -> is("ACTIVE", () -> karaf.json("/api/departments/aic").get("state").asText()));
        assertTrue(karaf.console("tanghulu:departments").contains("aic"));
        assertTrue(karaf.console("tanghulu:groups").contains("yes"));

        Map<String, String> after = platformBundles();
        assertEquals(before, after, "platform bundles (id -> state) changed");
        assertEquals(registry, karaf.serviceId("org.tanghulu.catalog.Registry"), "the core re-registered its registry");
        assertEquals(dataSource, karaf.serviceId("javax.sql.DataSource"), "the data source was re-created");
        assertEquals(application, karaf.serviceId("javax.ws.rs.core.Application"), "the REST application restarted");
        assertEquals(catalogStarts, karaf.logCount("Tanghulu catalog started"), "the catalog was activated again");
    }

    @Test
    @Order(6)
    void recordsSurviveARestart() throws Exception {
        String firstSeen = department("aic").get("firstSeen").asText();
        karaf.console("feature:uninstall tanghulu-dept-ltax");
        Distribution.await(Duration.ofSeconds(30), "ltax to be recorded absent",
                () -> is("ABSENT", () -> department("ltax").get("state").asText()));

        karaf.stop();
        assertEquals(List.of("aic:ACTIVE", "commerce:ACTIVE", "hanging:ABSENT", "lss:ACTIVE", "ltax:ABSENT", "ntax:ACTIVE",
                "psb:ACTIVE", "qts:ACTIVE", "safe:ACTIVE", "stats:ACTIVE", "unclear:ABSENT", "zgc:ACTIVE"), databaseRows(),
                "what the database holds while the platform is down");
        karaf.start();

        assertEquals(without("ltax"), departmentIds("/api/departments"));
        assertEquals("ABSENT", department("ltax").get("state").asText());
        assertEquals(firstSeen, department("aic").get("firstSeen").asText(), "first sighting kept across the restart");
        String all = karaf.console("tanghulu:departments --all");
        assertTrue(all.contains("ltax") && all.contains("ABSENT"), all);

        karaf.console("feature:install tanghulu-dept-ltax");
        Distribution.await(Duration.ofSeconds(30), "ltax back",
                () -> is(DEPARTMENTS, () -> departmentIds("/api/departments")));
    }

    @Test
    @Order(5)
    void unclearAndHangingDepartmentsAreRefusedWhileTheRestRuns() throws Exception {
        Path deploy = karaf.home.resolve("deploy");
        TestBundles.department(deploy.resolve("unclear.jar"), "unclear", UnclearDepartment.class, """
                {"id": "unclear", "name": {"zh": "不清部门", "en": "Unclear office"},
                 "matters": [{"id": "permit", "name": {"zh": "许可"}, "applicantTypes": ["ENTERPRISE"],
                              "materials": [{"id": "form", "name": {"zh": "申请表"}}],
                              "forms": [{"id": "permit-form", "name": {"zh": "许可申请表"}, "items": ["shoe-size"]}],
                              "statutoryDays": 5, "promisedDays": 3}]}
                """);
        TestBundles.department(deploy.resolve("hanging.jar"), "hanging", HangingDepartment.class, null);
        TestBundles.department(deploy.resolve("impostor.jar"), "aic", UnclearDepartment.class, """
                {"id": "aic", "name": {"zh": "另一个工商局"},
                 "matters": [{"id": "x", "name": {"zh": "事项"}, "legalBasis": ["《中华人民共和国公司法》"],
                              "applicantTypes": ["ENTERPRISE"], "materials": [{"id": "form", "name": {"zh": "申请表"}}],
                              "forms": [{"id": "x-form", "name": {"zh": "申请表"}, "items": ["enterprise-name"]}],
                              "statutoryDays": 5, "promisedDays": 3}]}
                """);

        Distribution.await(Duration.ofSeconds(60), "both test departments to be refused", () -> is("REFUSED REFUSED",
                () -> karaf.json("/api/departments/unclear").get("state").asText() + " "
                        + karaf.json("/api/departments/hanging").get("state").asText()));
        String unclear = karaf.json("/api/departments/unclear").get("problems").toString();
        assertTrue(unclear.contains("department.json line 2: matter 'permit': no legal basis (法律依据) given"), unclear);
        assertTrue(unclear.contains("department.json line 4: matter 'permit': form 'permit-form': data element 'shoe-size' is not defined"), unclear);
        String hanging = karaf.json("/api/departments/hanging").get("problems").toString();
        assertTrue(hanging.contains("definition() did not answer within 5000 ms"), hanging);

        Distribution.await(Duration.ofSeconds(30), "the second 'aic' to be refused",
                () -> is(true, () -> karaf.console("tanghulu:departments --all").contains("already provided by org.tanghulu.dept.aic")
                        || karaf.console("tanghulu:departments").contains("already provided by org.tanghulu.dept.aic")));
        assertEquals("ACTIVE", karaf.json("/api/departments/aic").get("state").asText(), "the real aic is untouched");

        String console = karaf.console("tanghulu:department unclear");
        assertTrue(console.contains("REFUSED") && console.contains("Problem:  department.json line 2: matter 'permit': no legal basis"), console);
        assertTrue(karaf.console("tanghulu:departments").contains("did not answer within"));
        assertEquals("UP", karaf.json("/api/health").get("status").asText());
        assertEquals(DEPARTMENTS.size(), karaf.json("/api/health").get("departments").get("ACTIVE").asInt(),
                "the others keep running");

        Files.delete(deploy.resolve("unclear.jar"));
        Files.delete(deploy.resolve("hanging.jar"));
        Files.delete(deploy.resolve("impostor.jar"));
        Distribution.await(Duration.ofSeconds(30), "test departments to leave",
                () -> is(DEPARTMENTS, () -> departmentIds("/api/departments")));
    }

    /** Reads the department table directly, with the platform stopped. */
    private List<String> databaseRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = ItDatabase.connect(karaf, PG_DATABASE);
                ResultSet r = c.createStatement().executeQuery("select id, state from department order by id")) {
            while (r.next()) {
                rows.add(r.getString(1) + ":" + r.getString(2));
            }
        }
        return rows;
    }

    /** Platform (non-department) bundles: id and state, from {@code bundle:list}. */
    private Map<String, String> platformBundles() throws Exception {
        Map<String, String> bundles = new LinkedHashMap<>();
        for (String line : karaf.console("bundle:list -t 0 --no-format").split("\n")) {
            String[] cols = line.split("[│|\t]");
            if (cols.length >= 5 && cols[0].trim().matches("\\d+") && !line.contains("org.tanghulu.dept")
                    && !line.contains("Department:")) {
                bundles.put(cols[0].trim() + " " + cols[cols.length - 1].trim(), cols[1].trim());
            }
        }
        assertTrue(bundles.size() > 20, "bundle list parsed: " + bundles);
        return bundles;
    }
}
