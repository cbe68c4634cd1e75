package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tanghulu.itests.Distribution.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tanghulu.itests.fixture.VendorDepartment;
import org.tanghulu.itests.fixture.VersionedGroups;

/**
 * Cases of the flagship group, driven end to end the way applicants and officers do:
 * the catalog, one application through all nine matters of eight departments, validation,
 * idempotent submission, concurrent decisions, correction requests, access control, a
 * department uninstalled and reinstalled in the middle of a case, and the console. One
 * platform for the whole class, on the database chosen by {@code -Dtanghulu.it.database}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CasesIT {

    private static final String GROUP = "enterprise-establishment";
    private static final List<String> DEPARTMENTS = List.of("aic", "zgc", "psb", "qts", "ltax", "ntax", "stats", "lss");
    private static final String SUPERVISOR = "it-supervisor";
    /** An officer of psb who is also a supervisor: sees every department's work, may act on psb's only. */
    private static final String PSB_SUPERVISOR = "it-psb-supervisor";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = Distribution.JSON;
    private static final String ACCESS_KEY = "X-Access-Key";

    private Distribution karaf;
    /** The group's flow chart as the API serves it. */
    private JsonNode chart;
    /** The blocks of the chart by matter key ({@code dept/matter}), in step order. */
    private final Map<String, JsonNode> blocks = new LinkedHashMap<>();
    /** The demo application shipped with the distribution (no submission key). */
    private ObjectNode demoApplication;
    /** The demo officers' outputs by matter key. */
    private JsonNode demoOutputs;
    private WorkingDays calendar;

    @BeforeAll
    void boot() throws Exception {
        karaf = Distribution.shared();
        demoApplication = (ObjectNode) karaf.demo("enterprise-establishment-application.json");
        demoOutputs = karaf.demo("enterprise-establishment-outputs.json");
        calendar = WorkingDays.read(karaf.home.resolve("etc/tanghulu-calendar.json"));
        chart = karaf.json("/api/groups/" + GROUP + "/chart");
        for (JsonNode step : chart.get("steps")) {
            for (JsonNode b : step.get("blocks")) {
                blocks.put(key(b.get("matter")), b);
            }
        }
    }

    @AfterAll
    void shutdown() throws InterruptedException {
        if (karaf != null) {
            karaf.close();
        }
    }

    // --- 1 ---------------------------------------------------------------------------

    @Test
    @Order(1)
    void theCatalogTellsTheWholeProcedureAtOnce() throws Exception {
        JsonNode summary = null;
        for (JsonNode g : karaf.json("/api/groups?applicantType=ENTERPRISE")) {
            if (g.get("id").asText().equals(GROUP)) {
                summary = g;
            }
        }
        assertNotNull(summary, "listed for enterprises");
        assertTrue(summary.get("available").asBoolean(), summary.toString());
        assertEquals(9, summary.get("matters").asInt());
        assertEquals(chart.get("promisedDays"), summary.get("promisedDays"));
        assertFalse(ids(karaf.json("/api/groups?applicantType=INDIVIDUAL")).contains(GROUP), "not for individuals");
        Answer bogus = call("GET", "/api/groups?applicantType=MARTIAN", null);
        assertEquals(400, bogus.status(), bogus.text());
        assertTrue(bogus.body().get("message").asText().contains("ENTERPRISE"), "names the allowed types: " + bogus.text());
        assertEquals(404, call("GET", "/api/groups/no-such-group/chart", null).status());
        assertEquals(summary, karaf.json("/api/groups/" + GROUP));

        // the chart: 9 blocks of 8 departments in 5 steps, parallel where the dependencies allow
        List<Integer> blocksPerStep = new ArrayList<>();
        for (JsonNode step : chart.get("steps")) {
            blocksPerStep.add(step.get("blocks").size());
            for (JsonNode b : step.get("blocks")) {
                assertEquals(step.get("number").asInt(), b.get("step").asInt());
                for (JsonNode dep : b.get("dependsOn")) {
                    assertTrue(blocks.get(key(dep)).get("step").asInt() < b.get("step").asInt(),
                            key(b.get("matter")) + " runs after " + key(dep));
                }
            }
        }
        assertEquals(List.of(1, 1, 2, 1, 4), blocksPerStep);
        assertEquals(Set.copyOf(DEPARTMENTS), blocks.values().stream().map(b -> b.get("department").asText())
                .collect(Collectors.toSet()));
        int serial = blocks.values().stream().mapToInt(b -> b.get("promisedDays").asInt()).sum();
        assertEquals(serial, chart.get("serialPromisedDays").asInt());
        int promised = chart.get("promisedDays").asInt();
        assertTrue(promised < serial, "critical path " + promised + " < serial " + serial);
        // the critical path is a chain of dependencies from a first-step matter to a last-step one, as long as the total
        List<String> path = new ArrayList<>();
        chart.get("criticalPath").forEach(m -> path.add(key(m)));
        assertEquals(1, blocks.get(path.get(0)).get("step").asInt());
        // it ends at a matter nothing waits for: since version 2 the high-tech qualification (3 + 5 + 10 days), as
        // the national tax registration no longer waits for it
        String last = path.get(path.size() - 1);
        assertTrue(blocks.keySet().stream().noneMatch(m -> dependsOn(m).contains(last)), path.toString());
        assertEquals("zgc/high-tech-qualification", last, path.toString());
        for (int i = 1; i < path.size(); i++) {
            assertTrue(dependsOn(path.get(i)).contains(path.get(i - 1)), path.toString());
        }
        assertEquals(promised, path.stream().mapToInt(m -> blocks.get(m).get("promisedDays").asInt()).sum());

        // the unified form: every element once, results of earlier matters not asked
        JsonNode form = karaf.json("/api/groups/" + GROUP + "/form");
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        List<String> sectionOrder = new ArrayList<>();
        for (JsonNode section : form.get("sections")) {
            sectionOrder.add(key(section.get("matter")));
            assertFalse(section.get("fields").isEmpty(), "no empty section");
            for (JsonNode f : section.get("fields")) {
                JsonNode before = fields.put(f.get("element").asText(), f);
                assertEquals(null, before, "asked twice: " + f.get("element").asText());
            }
        }
        Map<String, String> producer = new HashMap<>();
        blocks.forEach((m, b) -> b.get("outputs").forEach(o -> producer.put(o.asText(), m)));
        for (JsonNode b : blocks.values()) {
            b.get("dataElements").forEach(e -> assertTrue(fields.containsKey(e.asText()), "the form asks " + e.asText()));
        }
        for (JsonNode f : fields.values()) {
            String element = f.get("element").asText();
            if (producer.containsKey(element)) {
                assertEquals("STEP_OUTPUT", f.get("source").asText(), element);
                assertEquals(producer.get(element), key(f.get("producedBy")), element);
            } else {
                assertEquals("APPLICANT", f.get("source").asText(), element);
            }
        }
        assertEquals("aic/business-licence", key(fields.get("business-registration-number").get("producedBy")));
        assertEquals("qts/organization-code", key(fields.get("organization-code").get("producedBy")));
        Set<String> applicantFields = fields.values().stream().filter(f -> f.get("source").asText().equals("APPLICANT"))
                .map(f -> f.get("element").asText()).collect(Collectors.toSet());
        demoApplication.get("values").fieldNames().forEachRemaining(v -> assertTrue(applicantFields.contains(v), v));
        assertEquals(blocks.keySet().stream().filter(sectionOrder::contains).toList(), sectionOrder, "sections in step order");

        // redundancy: fewer forms and items than the departments' own forms, and its figures add up
        JsonNode r = karaf.json("/api/groups/" + GROUP + "/redundancy");
        assertTrue(r.get("formsBefore").asInt() > r.get("sectionsAfter").asInt(), r.toString());
        assertTrue(r.get("itemsBefore").asInt() > r.get("itemsAfter").asInt(), r.toString());
        int items = 0;
        int forms = 0;
        for (JsonNode d : r.get("departments")) {
            items += d.get("items").asInt();
            forms += d.get("forms").asInt();
        }
        assertEquals(r.get("itemsBefore").asInt(), items);
        assertEquals(r.get("formsBefore").asInt(), forms);
        assertEquals(form.get("sections").size(), r.get("sectionsAfter").asInt());
        assertEquals(applicantFields.size(), r.get("itemsAfter").asInt());
        assertEquals(fields.size() - applicantFields.size(), r.get("itemsFromSteps").asInt());

        // the materials checklist
        JsonNode nothing = checklistGroup(List.of());
        assertTrue(nothing.get("available").asBoolean());
        assertFalse(nothing.get("ready").asBoolean(), nothing.toString());
        assertFalse(nothing.get("missing").isEmpty());
        List<String> materials = new ArrayList<>();
        demoApplication.get("materials").forEach(m -> materials.add(m.asText()));
        assertTrue(ids(nothing.get("missing")).stream().allMatch(materials::contains),
                "what is missing is what the demo hands in: " + nothing.get("missing"));
        JsonNode all = checklistGroup(materials);
        assertTrue(all.get("ready").asBoolean(), all.toString());
        assertTrue(all.get("missing").isEmpty(), all.toString());
        JsonNode allButOne = checklistGroup(materials.subList(1, materials.size()));
        assertFalse(allButOne.get("ready").asBoolean());
        assertEquals(List.of(materials.get(0)), ids(allButOne.get("missing")));

        assertFalse(list(karaf.json("/api/checklist?applicantType=INDIVIDUAL").get("groups")).stream()
                .anyMatch(g -> g.get("group").asText().equals(GROUP)), "individuals are not offered the group");

        // the API's own description
        JsonNode openapi = karaf.json("/api/openapi.json");
        assertEquals("3.0.3", openapi.get("openapi").asText());
        assertTrue(openapi.get("paths").has("/cases/{tracking}"), "describes the cases");
    }

    // --- 2 ---------------------------------------------------------------------------

    @Test
    @Order(2)
    void oneApplicationDrivesNineMattersOfEightDepartments() throws Exception {
        Receipt r = submit(newApplication());
        JsonNode view = view(r);
        assertEquals("OPEN", view.get("state").asText());
        assertEquals(GROUP, view.get("group").asText());
        assertTrue(r.trackingNumber().matches("TH\\d{8}\\d{6}"), r.trackingNumber());

        Set<String> approved = new HashSet<>();
        List<Set<String>> waves = new ArrayList<>();
        assertTasksFollowTheChart(view, approved);
        while (true) {
            Set<String> ready = tasksIn(view, "READY").keySet();
            if (ready.isEmpty()) {
                break;
            }
            assertTrue(waves.size() < 5, "more than five waves: " + waves);
            waves.add(ready);
            for (String matter : blocks.keySet().stream().filter(ready::contains).toList()) {
                long id = tasksIn(view, "READY").get(matter).get("id").asLong();
                String department = department(matter);
                assertTrue(ids(staffGet("/api/tasks?department=" + department, officer(department)))
                        .contains(String.valueOf(id)), "on the work list of " + department);
                claimAndApprove(id, matter);
                approved.add(matter);
                view = view(r);
                assertTasksFollowTheChart(view, approved);
                if (matter.equals("qts/organization-code")) {
                    // the results of earlier steps are data for the next: the local tax officer sees the organization code
                    Answer ltax = call("GET", "/api/cases/" + r.trackingNumber(), null, officer("ltax"));
                    assertEquals(200, ltax.status(), ltax.text());
                    JsonNode values = ltax.body().get("values");
                    assertEquals(demoOutputs.get(matter).get("organization-code").asText(),
                            values.path("organization-code").asText(), values.toString());
                    assertEquals(demoOutputs.get("aic/business-licence").get("business-registration-number").asText(),
                            values.path("business-registration-number").asText());
                    Set<String> needed = new HashSet<>();
                    blocks.get("ltax/tax-registration").get("dataElements").forEach(e -> needed.add(e.asText()));
                    blocks.get("ltax/tax-registration").get("outputs").forEach(e -> needed.add(e.asText()));
                    values.fieldNames().forEachRemaining(k -> assertTrue(needed.contains(k),
                            "the ltax officer sees only what ltax needs, not " + k));
                }
            }
        }
        List<Set<String>> steps = new ArrayList<>();
        for (JsonNode step : chart.get("steps")) {
            Set<String> s = new HashSet<>();
            step.get("blocks").forEach(b -> s.add(key(b.get("matter"))));
            steps.add(s);
        }
        assertEquals(steps, waves, "the tasks became ready wave by wave, as the chart's steps");

        assertEquals("COMPLETED", view.get("state").asText());
        assertFalse(view.path("closed").isMissingNode() || view.path("closed").isNull(), "closed is set");
        assertEquals(9, view.get("tasks").size());
        for (JsonNode t : view.get("tasks")) {
            String matter = key(t.get("matter"));
            assertEquals("APPROVED", t.get("state").asText(), matter);
            assertEquals("officer-" + department(matter), t.get("assignee").asText());
            JsonNode block = blocks.get(matter);
            LocalDate created = Instant.parse(t.get("created").asText()).atZone(BEIJING).toLocalDate();
            for (String limit : List.of("promised", "statutory")) {
                LocalDate due = LocalDate.parse(t.get(limit + "Due").asText());
                assertTrue(due.isAfter(created), matter + " " + limit + " due " + due + " after " + created);
                assertTrue(calendar.isWorkingDay(due), matter + " " + limit + " due " + due + " is a working day");
                assertTrue(!isWeekend(due) || calendar.isMakeUpDay(due), due + " is not a weekend");
                assertEquals(block.get(limit + "Days").asInt(), calendar.workingDaysBetween(created, due),
                        matter + ": " + limit + " due " + due + " is " + block.get(limit + "Days") + " working days after " + created);
            }
            assertFalse(t.get("overdue").asBoolean());
        }
        // every result is now part of the case's data
        JsonNode values = view.get("values");
        for (String matter : blocks.keySet()) {
            demoOutputs.get(matter).fieldNames().forEachRemaining(o ->
                    assertEquals(demoOutputs.get(matter).get(o).asText(), values.path(o).asText(), matter + " " + o));
        }
        assertEquals(demoApplication.get("values").get("enterprise-name").asText(), values.get("enterprise-name").asText());

        // the applicant's event log tells the story in order, with who did what
        List<JsonNode> events = list(applicantGet("/api/cases/" + r.trackingNumber() + "/events", r));
        Map<String, Long> types = events.stream().collect(Collectors.groupingBy(e -> e.get("type").asText(), Collectors.counting()));
        assertEquals(Map.of("SUBMITTED", 1L, "TASK_CREATED", 9L, "CLAIMED", 9L, "APPROVED", 9L, "COMPLETED", 1L), types);
        assertEquals("SUBMITTED", events.get(0).get("type").asText());
        assertEquals("applicant", events.get(0).get("actor").asText());
        assertEquals("COMPLETED", events.get(events.size() - 1).get("type").asText());

        // its dossier: nine tasks handed to the departments and nine decisions entered on the desk,
        // SM3-chained with an SM2-signed head (filled from the event log every 3 s)
        String verify = "tanghulu:dossier --verify " + r.trackingNumber();
        Distribution.await(Duration.ofSeconds(30), "the dossier to hold 18 messages", () -> Distribution.is(true,
                () -> karaf.console(verify).contains("verifies: 18 entries, chain and signed head intact")));
        String dossier = karaf.console("tanghulu:dossier " + r.trackingNumber());
        assertEquals(9, dossier.lines().filter(l -> l.contains(" OUT ") && l.contains(" TASK ")).count(), dossier);
        assertEquals(9, dossier.lines().filter(l -> l.contains(" IN ") && l.contains(" APPROVED ")).count(), dossier);
        // the applicant's signed file verifies offline with the documented command; a changed message is named
        Answer file = call("GET", "/api/cases/" + r.trackingNumber() + "/dossier", null, ACCESS_KEY, r.accessKey());
        assertEquals(200, file.status(), file.text());
        assertTrue(file.raw().headers().firstValue("Content-Disposition").orElse("").contains("dossier-" + r.trackingNumber()));
        Path saved = Files.createTempFile("dossier", ".txt");
        Files.writeString(saved, file.text());
        String key = karaf.console("tanghulu:dossier --key").lines().map(String::strip).filter(l -> l.matches("04[0-9a-f]{128}"))
                .findFirst().orElseThrow();
        Distribution.Ran ok = verifyOffline(saved, key);
        assertEquals(0, ok.exit(), ok.out());
        assertTrue(ok.out().contains("verifies: 18 entries"), ok.out());
        Files.writeString(saved, file.text().replaceFirst("(?m)^(entry 2 \\S+ \\S+ \\S+ \\S+ \\S+ \\S+ )\\S+$", "$1e30="));
        Distribution.Ran forged = verifyOffline(saved, key);
        assertEquals(1, forged.exit(), forged.out());
        assertTrue(forged.out().contains("entry 2 ("), forged.out());
        assertEquals(1, verifyOffline(saved, "04" + "ab".repeat(64)).exit(), "a key other than the platform's is refused");
        Map<Long, String> taskMatter = new HashMap<>();
        view.get("tasks").forEach(t -> taskMatter.put(t.get("id").asLong(), key(t.get("matter"))));
        Map<String, Integer> createdAt = new HashMap<>();
        Map<String, Integer> claimedAt = new HashMap<>();
        Map<String, Integer> approvedAt = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            assertEquals(r.trackingNumber(), e.get("trackingNumber").asText());
            if (i > 0) {
                assertTrue(e.get("sequence").asLong() > events.get(i - 1).get("sequence").asLong(), "sequence increases");
                assertFalse(Instant.parse(e.get("at").asText()).isBefore(Instant.parse(events.get(i - 1).get("at").asText())),
                        "time does not go back: " + e);
            }
            String type = e.get("type").asText();
            if (List.of("TASK_CREATED", "CLAIMED", "APPROVED").contains(type)) {
                String matter = taskMatter.get(e.get("taskId").asLong());
                assertNotNull(matter, e.toString());
                String actor = type.equals("TASK_CREATED") ? "platform" : "officer-" + department(matter);
                assertEquals(actor, e.get("actor").asText(), e.toString());
                (type.equals("TASK_CREATED") ? createdAt : type.equals("CLAIMED") ? claimedAt : approvedAt).put(matter, i);
            } else {
                assertTrue(e.path("taskId").isNull() || e.path("taskId").isMissingNode(), "case event: " + e);
            }
        }
        for (String matter : blocks.keySet()) {
            assertTrue(createdAt.get(matter) < claimedAt.get(matter) && claimedAt.get(matter) < approvedAt.get(matter), matter);
            for (String dep : dependsOn(matter)) {
                assertTrue(approvedAt.get(dep) < createdAt.get(matter), matter + " created after " + dep + " approved");
            }
        }
        assertTrue(events.get(approvedAt.get("aic/business-licence")).get("detail").asText()
                .contains(demoOutputs.get("aic/business-licence").get("business-registration-number").asText()));
        long ltaxTask = task(view, "ltax/tax-registration").get("id").asLong();
        List<String> ltaxOwn = list(staffGet("/api/cases/" + r.trackingNumber() + "/events", officer("ltax"))).stream()
                .filter(e -> e.path("taskId").asLong(-1) == ltaxTask).map(e -> e.get("type").asText()).toList();
        assertEquals(List.of("TASK_CREATED", "CLAIMED", "APPROVED"), ltaxOwn, "an officer with a task on the case reads its log");

        // decided work stays on the full work list
        assertFalse(ids(staffGet("/api/tasks?department=stats", officer("stats"))).contains(
                task(view, "stats/statistical-registration").get("id").asText()), "not open any more");
        assertTrue(ids(staffGet("/api/tasks?department=stats&all=true", officer("stats"))).contains(
                task(view, "stats/statistical-registration").get("id").asText()), "on the full list");

        // the next application starts from what this case holds: nothing typed twice
        Answer prefilled = call("GET", "/api/groups/" + GROUP + "/form?from=" + r.trackingNumber(), null, ACCESS_KEY, r.accessKey());
        assertEquals(200, prefilled.status(), prefilled.text());
        int filled = 0;
        for (JsonNode section : prefilled.body().get("sections")) {
            for (JsonNode f : section.get("fields")) {
                String element = f.get("element").asText();
                if (f.get("source").asText().equals("APPLICANT") && values.has(element)) {
                    assertEquals(values.get(element).asText(), f.path("prefilled").asText(), element);
                    filled++;
                } else {
                    assertTrue(f.path("prefilled").isMissingNode() || f.path("prefilled").isNull(), f.toString());
                }
            }
        }
        assertEquals(demoApplication.get("values").size(), filled, "every value the applicant typed is offered again");
        assertEquals(404, call("GET", "/api/groups/" + GROUP + "/form?from=" + r.trackingNumber(), null,
                ACCESS_KEY, "wrong-key-0000000000").status(), "another's data only with the access key");

        // an officer sees only the data elements their department needs, in the case and in its log alike
        Set<String> ltaxNeeds = new HashSet<>();
        blocks.get("ltax/tax-registration").get("dataElements").forEach(e -> ltaxNeeds.add(e.asText()));
        blocks.get("ltax/tax-registration").get("outputs").forEach(e -> ltaxNeeds.add(e.asText()));
        JsonNode ltaxValues = staffGet("/api/cases/" + r.trackingNumber(), officer("ltax")).get("values");
        Set<String> visible = new HashSet<>();
        ltaxValues.forEach(v -> visible.add(v.asText()));
        Map<String, String> notForLtax = new TreeMap<>();
        for (String matter : blocks.keySet()) {
            demoOutputs.get(matter).fieldNames().forEachRemaining(o -> {
                if (!ltaxNeeds.contains(o) && !visible.contains(demoOutputs.get(matter).get(o).asText())) {
                    notForLtax.put(o, demoOutputs.get(matter).get(o).asText());
                }
            });
        }
        assertTrue(notForLtax.containsKey("seal-record-number"), "psb's result is not ltax's business: " + ltaxNeeds);
        for (JsonNode e : staffGet("/api/cases/" + r.trackingNumber() + "/events", officer("ltax"))) {
            notForLtax.forEach((element, value) -> assertFalse(e.path("detail").asText().contains(value),
                    "the ltax officer reads " + element + " (hidden from its case view) in the event log: " + e));
        }
    }

    // --- 3 ---------------------------------------------------------------------------

    @Test
    @Order(3)
    void everyProblemOfAnApplicationIsToldAtOnce() throws Exception {
        int aicWork = staffGet("/api/tasks?department=aic", officer("aic")).size();
        ObjectNode app = newApplication();
        ObjectNode values = (ObjectNode) app.get("values");
        String id = values.get("legal-representative-id-number").asText();
        char wrong = id.charAt(17) == '1' ? '2' : '1';
        values.put("legal-representative-id-number", id.substring(0, 17) + wrong);
        values.remove("enterprise-phone");
        values.put("favourite-colour", "red");
        Answer a = call("POST", "/api/cases", app);
        assertEquals(422, a.status(), a.text());
        assertEquals(422, a.body().get("status").asInt());
        assertFalse(a.body().get("message").asText().isBlank());
        Set<String> problemFields = new HashSet<>();
        for (JsonNode p : a.body().get("problems")) {
            assertTrue(problemFields.add(p.get("field").asText()), "one problem per field: " + a.text());
            assertFalse(p.get("message").get("zh").asText().isBlank(), p.toString());
            assertFalse(p.get("message").get("en").asText().isBlank(), p.toString());
        }
        assertEquals(Set.of("legal-representative-id-number", "enterprise-phone", "favourite-colour"), problemFields, a.text());
        assertEquals(aicWork, staffGet("/api/tasks?department=aic", officer("aic")).size(), "nothing was created");
        assertEquals(422, call("POST", "/api/cases", app).status(), "still nothing: the key was not used up");

        Answer malformed = call("POST", "/api/cases", "{\"group\": \"" + GROUP + "\", \"values\": {");
        assertEquals(400, malformed.status(), malformed.text());
        assertFalse(malformed.body().get("message").asText().isBlank(), malformed.text());
        assertFalse(malformed.text().contains("Exception"), malformed.text());

        ObjectNode alien = newApplication();
        alien.put("applicantType", "MARTIAN");
        Answer unknownType = call("POST", "/api/cases", alien);
        assertEquals(400, unknownType.status(), unknownType.text());
        assertTrue(unknownType.body().get("message").asText().contains("applicantType"), unknownType.text());
        assertEquals(aicWork, staffGet("/api/tasks?department=aic", officer("aic")).size(), "nothing was created");
    }

    // --- 4 ---------------------------------------------------------------------------

    @Test
    @Order(4)
    void aSubmissionRepeatedIsOneCase() throws Exception {
        ObjectNode app = newApplication();
        Answer first = call("POST", "/api/cases", app);
        assertEquals(201, first.status(), first.text());
        assertTrue(first.body().get("created").asBoolean());
        Answer again = call("POST", "/api/cases", app);
        assertEquals(200, again.status(), again.text());
        assertFalse(again.body().get("created").asBoolean());
        assertEquals(first.body().get("trackingNumber"), again.body().get("trackingNumber"));
        assertEquals(first.body().get("accessKey"), again.body().get("accessKey"));

        // eight clients retrying one new application at the same moment
        ObjectNode raced = newApplication();
        List<Answer> answers = concurrently(8, () -> call("POST", "/api/cases", raced));
        Set<String> trackingNumbers = new HashSet<>();
        int created = 0;
        for (Answer a : answers) {
            assertTrue(a.status() == 200 || a.status() == 201, a.status() + ": " + a.text());
            trackingNumbers.add(a.body().get("trackingNumber").asText());
            created += a.body().get("created").asBoolean() ? 1 : 0;
            assertEquals(a.status() == 201, a.body().get("created").asBoolean());
        }
        assertEquals(1, trackingNumbers.size(), "one case: " + trackingNumbers);
        assertEquals(1, created, "created once");
        String tn = trackingNumbers.iterator().next();
        long aicTasks = list(staffGet("/api/tasks?department=aic", officer("aic"))).stream()
                .filter(t -> t.get("trackingNumber").asText().equals(tn)).count();
        assertEquals(1, aicTasks, "one name pre-approval task for the case");

        ObjectNode otherValues = raced.deepCopy();
        ((ObjectNode) otherValues.get("values")).put("registered-capital", "2000000");
        Answer changed = call("POST", "/api/cases", otherValues);
        assertEquals(409, changed.status(), changed.text());
        assertTrue(changed.body().get("message").asText().contains(tn), changed.text());
        // the contact details are part of what was submitted: a retry with another e-mail address is not the same submission
        ObjectNode otherContact = raced.deepCopy();
        otherContact.put("contactEmail", "someone.else@example.cn");
        Answer contact = call("POST", "/api/cases", otherContact);
        assertEquals(409, contact.status(), "same key, different contactEmail: " + contact.status() + " " + contact.text());
    }

    // --- 5 ---------------------------------------------------------------------------

    @Test
    @Order(5)
    void ofTenSimultaneousApprovalsExactlyOneWins() throws Exception {
        Receipt r = submit(newApplication());
        long id = task(view(r), "aic/name-preapproval").get("id").asLong();
        // two officers of aic, five claims each, at the same moment: one claim wins, and the task is the winner's
        List<String> claimants = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            claimants.add(i % 2 == 0 ? "officer-aic" : "officer-aic-2");
        }
        List<Callable<Answer>> claimCalls = new ArrayList<>();
        claimants.forEach(who -> claimCalls.add(() -> call("POST", "/api/tasks/" + id + "/claim", null, staff(who))));
        List<Answer> claims = concurrently(10, claimCalls);
        assertEquals(Map.of(200, 1L, 409, 9L), claims.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new,
                Collectors.counting())), () -> claims.stream().map(Answer::text).toList().toString());
        String assignee = claimants.get(indexOf200(claims));
        assertEquals(assignee, task(view(r), "aic/name-preapproval").get("assignee").asText(), "the winner holds the task");
        claims.stream().filter(a -> a.status() == 409).forEach(a -> assertFalse(a.body().path("message").asText().isBlank(),
                "a refused claim says why: " + a.text()));

        Answer noOutputs = call("POST", "/api/tasks/" + id + "/decision", Map.of("kind", "APPROVE"), staff(assignee));
        assertEquals(422, noOutputs.status(), noOutputs.text());
        assertEquals(List.of("name-preapproval-number"), noOutputs.body().get("problems").findValuesAsText("field"));
        assertEquals("CLAIMED", task(view(r), "aic/name-preapproval").get("state").asText(), "not approved");

        // ten approvals at the same moment, each with its own pre-approval number: one wins, and only its number is kept
        String number = demoOutputs.get("aic/name-preapproval").get("name-preapproval-number").asText();
        List<String> numbers = new ArrayList<>();
        List<Callable<Answer>> decisions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String mine = number.replaceFirst("\\d(号)$", i + "$1");
            numbers.add(mine);
            String decision = JSON.writeValueAsString(Map.of("kind", "APPROVE", "outputs", Map.of("name-preapproval-number", mine)));
            decisions.add(() -> call("POST", "/api/tasks/" + id + "/decision", decision, staff(assignee)));
        }
        assertEquals(10, Set.copyOf(numbers).size(), "ten different numbers: " + numbers);
        List<Answer> answers = concurrently(10, decisions);
        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of(200, 1L, 409, 9L), statuses, () -> answers.stream().map(Answer::text).toList().toString());
        String won = numbers.get(indexOf200(answers));

        List<JsonNode> events = list(applicantGet("/api/cases/" + r.trackingNumber() + "/events", r));
        assertEquals(1, events.stream().filter(e -> e.get("type").asText().equals("CLAIMED")
                && e.get("taskId").asLong() == id).count(), events.toString());
        assertEquals(1, events.stream().filter(e -> e.get("type").asText().equals("APPROVED")
                && e.get("taskId").asLong() == id).count(), events.toString());
        JsonNode view = view(r);
        assertEquals(1, view.get("tasks").findValues("matter").stream().filter(m -> key(m).equals("aic/business-licence")).count(),
                view.get("tasks").toString());
        JsonNode decided = task(view, "aic/name-preapproval");
        assertEquals("APPROVED", decided.get("state").asText());
        assertEquals(assignee, decided.get("assignee").asText());
        assertEquals(won, decided.get("outputs").get("name-preapproval-number").asText(), "the winner's output, no loser's");
        assertEquals(won, view.get("values").get("name-preapproval-number").asText(), "the case's data is the winner's");
        assertEquals(2, view.get("tasks").size());
    }

    /** @return the index of the one answer 200 */
    private static int indexOf200(List<Answer> answers) {
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() == 200) {
                return i;
            }
        }
        throw new AssertionError("no answer 200");
    }

    // --- 6 ---------------------------------------------------------------------------

    @Test
    @Order(6)
    void aCorrectionRequestGoesToTheApplicantAndBack() throws Exception {
        Receipt r = submit(newApplication());
        drive(r, Set.of("aic/name-preapproval"));
        long id = task(view(r), "aic/business-licence").get("id").asLong();
        assertEquals(200, call("POST", "/api/tasks/" + id + "/claim", null, officer("aic")).status());
        Answer unknownField = call("POST", "/api/tasks/" + id + "/decision", Map.of("kind", "REQUEST_CORRECTION",
                "message", "请更正。", "fields", List.of("shoe-size")), officer("aic"));
        assertEquals(422, unknownField.status(), unknownField.text());
        assertEquals(List.of("fields"), unknownField.body().get("problems").findValuesAsText("field"));
        String message = "住所证明与填报地址不一致，请更正注册地址。";
        Answer requested = call("POST", "/api/tasks/" + id + "/decision",
                Map.of("kind", "REQUEST_CORRECTION", "message", message, "fields", List.of("registered-address")), officer("aic"));
        assertEquals(200, requested.status(), requested.text());
        assertEquals("CORRECTION", requested.body().get("state").asText());
        assertEquals(message, requested.body().get("message").asText());

        JsonNode seen = task(view(r), "aic/business-licence");
        assertEquals("CORRECTION", seen.get("state").asText());
        assertEquals(message, seen.get("message").asText());
        assertEquals(List.of("registered-address"), strings(seen.get("correctionFields")));
        LocalDate promisedDue = LocalDate.parse(seen.get("promisedDue").asText());

        Answer early = call("POST", "/api/tasks/" + id + "/decision", approval("aic/business-licence"), officer("aic"));
        assertEquals(409, early.status(), "no approval while the applicant corrects: " + early.text());

        String corrected = "北京市海淀区中关村大街27号1208室";
        Map<String, Object> answer = Map.of("values", Map.of("registered-address", corrected), "message", "已更正为实际地址");
        String path = "/api/cases/" + r.trackingNumber() + "/tasks/" + id + "/correction";
        Answer wrongKey = call("POST", path, answer, ACCESS_KEY, "not-the-key");
        assertEquals(404, wrongKey.status(), wrongKey.text());
        Answer invalid = call("POST", path, Map.of("values", Map.of("registered-address", corrected, "postal-code", "1000")),
                ACCESS_KEY, r.accessKey());
        assertEquals(422, invalid.status(), invalid.text());
        assertEquals(List.of("postal-code"), invalid.body().get("problems").findValuesAsText("field"));
        long approvedTask = task(view(r), "aic/name-preapproval").get("id").asLong();
        Receipt other = submit(newApplication());
        assertEquals(404, call("POST", "/api/cases/" + other.trackingNumber() + "/tasks/" + id + "/correction", answer,
                ACCESS_KEY, other.accessKey()).status(), "a task of another case");
        assertEquals(409, call("POST", path.replace("/tasks/" + id, "/tasks/" + approvedTask), answer,
                ACCESS_KEY, r.accessKey()).status(), "a task that asked for nothing");
        seen = task(view(r), "aic/business-licence");
        assertEquals("CORRECTION", seen.get("state").asText(), "nothing changed yet");
        assertEquals(demoApplication.get("values").get("registered-address").asText(),
                view(r).get("values").get("registered-address").asText());
        Answer answered = call("POST", path, answer, ACCESS_KEY, r.accessKey());
        assertEquals(200, answered.status(), answered.text());
        assertEquals(corrected, answered.body().get("values").get("registered-address").asText());
        JsonNode back = task(answered.body(), "aic/business-licence");
        assertEquals("CLAIMED", back.get("state").asText(), "back with its officer");
        assertEquals("officer-aic", back.get("assignee").asText());
        assertEquals(corrected, view(r).get("values").get("registered-address").asText());
        LocalDate movedDue = LocalDate.parse(back.get("promisedDue").asText());
        assertEquals(back.get("pausedDays").asInt(), calendar.workingDaysBetween(promisedDue, movedDue),
                "the due date moves by the working days paused");

        JsonNode answeredEvent = list(applicantGet("/api/cases/" + r.trackingNumber() + "/events", r)).stream()
                .filter(e -> e.get("type").asText().equals("CORRECTION_ANSWERED")).findFirst().orElseThrow();
        assertEquals(id, answeredEvent.get("taskId").asLong());
        assertEquals("applicant", answeredEvent.get("actor").asText());
        assertTrue(answeredEvent.get("detail").asText().contains("paused"), answeredEvent.toString());
        assertTrue(answeredEvent.get("detail").asText().contains("registered-address"), answeredEvent.toString());

        Answer twice = call("POST", path, answer, ACCESS_KEY, r.accessKey());
        assertEquals(409, twice.status(), twice.text());

        Answer approve = call("POST", "/api/tasks/" + id + "/decision", approval("aic/business-licence"), officer("aic"));
        assertEquals(200, approve.status(), approve.text());
        assertEquals("APPROVED", approve.body().get("state").asText());
        // the corrected address was also the approved name pre-approval's: it is back with aic for review
        JsonNode after = view(r);
        assertEquals(Set.of("aic/name-preapproval", "zgc/high-tech-qualification", "psb/seal-engraving"),
                tasksIn(after, "READY").keySet());
        assertEquals(List.of("registered-address"), strings(task(after, "aic/name-preapproval").get("reviewFields")));
    }

    // --- 7 ---------------------------------------------------------------------------

    @Test
    @Order(7)
    void everyoneSeesOnlyWhatIsTheirs() throws Exception {
        Receipt r = submit(newApplication());
        String tn = r.trackingNumber();
        Answer wrongKey = call("GET", "/api/cases/" + tn, null, ACCESS_KEY, r.accessKey().substring(1) + "x");
        assertEquals(404, wrongKey.status(), wrongKey.text());
        assertFalse(wrongKey.text().contains(demoApplication.get("applicantName").asText()), "no data: " + wrongKey.text());
        assertEquals(404, call("GET", "/api/cases/" + tn + "/events", null, ACCESS_KEY, "x".repeat(20)).status());
        Receipt other = submit(newApplication());
        assertEquals(404, call("GET", "/api/cases/" + tn, null, ACCESS_KEY, other.accessKey()).status(),
                "one case's key does not open another");

        Answer anonymous = call("GET", "/api/tasks?department=aic", null);
        assertEquals(401, anonymous.status(), anonymous.text());
        assertTrue(anonymous.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                "challenge: " + anonymous.raw().headers().map());
        Answer basic = call("GET", "/api/tasks?department=aic", null,
                "Authorization", basic("officer-aic", Distribution.STAFF_PASSWORD));
        assertEquals(401, basic.status(), "the right password over HTTP Basic: " + basic.text());
        assertTrue(basic.body().get("message").asText().contains("/api/staff/login"), basic.text());
        Answer wrongToken = call("GET", "/api/tasks?department=aic", null, "Authorization", "Bearer " + "x".repeat(43));
        assertEquals(401, wrongToken.status(), wrongToken.text());
        assertEquals(401, call("GET", "/api/cases/" + tn, null).status(), "neither key nor login");

        long id = task(view(r), "aic/name-preapproval").get("id").asLong();
        // psb may neither act on aic's task nor read aic's work
        Answer psbClaim = call("POST", "/api/tasks/" + id + "/claim", null, officer("psb"));
        assertEquals(403, psbClaim.status(), psbClaim.text());
        assertEquals(404, call("GET", "/api/tasks/" + id, null, officer("psb")).status(), "aic's task");
        assertEquals(404, call("GET", "/api/cases/" + tn, null, officer("psb")).status(), "psb has no task on this case");
        assertEquals(403, call("GET", "/api/tasks?department=aic", null, officer("psb")).status(), "aic's work list");
        // an officer of psb who may read everything sees aic's task, but still may not act on it
        assertEquals(200, call("GET", "/api/tasks/" + id, null, staff(PSB_SUPERVISOR)).status());
        Answer psbSupervisorClaim = call("POST", "/api/tasks/" + id + "/claim", null, staff(PSB_SUPERVISOR));
        assertEquals(403, psbSupervisorClaim.status(), psbSupervisorClaim.text());

        Answer supervised = call("GET", "/api/cases/" + tn, null, staff(SUPERVISOR));
        assertEquals(200, supervised.status(), supervised.text());
        assertEquals(view(r).get("values"), supervised.body().get("values"), "the supervisor reads everything");
        for (String d : DEPARTMENTS) {
            assertEquals(200, call("GET", "/api/tasks?department=" + d, null, staff(SUPERVISOR)).status(), d);
        }
        assertTrue(ids(staffGet("/api/tasks?department=aic", staff(SUPERVISOR))).contains(String.valueOf(id)));
        assertEquals(200, call("GET", "/api/tasks/" + id, null, staff(SUPERVISOR)).status());
        Answer supervisorClaim = call("POST", "/api/tasks/" + id + "/claim", null, staff(SUPERVISOR));
        assertEquals(403, supervisorClaim.status(), supervisorClaim.text());
        assertEquals("READY", task(view(r), "aic/name-preapproval").get("state").asText(), "nothing changed");

        // rejection: a reason is required, and the applicant reads it
        assertEquals(200, call("POST", "/api/tasks/" + id + "/claim", null, officer("aic")).status());
        Answer noReason = call("POST", "/api/tasks/" + id + "/decision", Map.of("kind", "REJECT"), officer("aic"));
        assertEquals(422, noReason.status(), noReason.text());
        assertEquals(List.of("message"), noReason.body().get("problems").findValuesAsText("field"));
        String reason = "企业名称与已登记企业名称近似，不予核准。";
        Answer rejected = call("POST", "/api/tasks/" + id + "/decision", Map.of("kind", "REJECT", "message", reason), officer("aic"));
        assertEquals(200, rejected.status(), rejected.text());
        JsonNode view = view(r);
        assertEquals("REJECTED", view.get("state").asText());
        assertEquals("REJECTED", task(view, "aic/name-preapproval").get("state").asText());
        assertEquals(reason, task(view, "aic/name-preapproval").get("message").asText());
        assertTrue(list(applicantGet("/api/cases/" + tn + "/events", r)).stream()
                .anyMatch(e -> e.get("type").asText().equals("REJECTED") && e.get("detail").asText().contains(reason)));
        assertEquals(409, call("POST", "/api/tasks/" + id + "/claim", null, officer("aic")).status(), "closed");
    }

    // --- 8 ---------------------------------------------------------------------------

    @Test
    @Order(8)
    void aDepartmentLeavesAndReturnsWhileACaseWaitsForIt() throws Exception {
        ObjectNode earlier = newApplication();
        Receipt r = submit(earlier);
        drive(r, Set.of("aic/name-preapproval", "aic/business-licence"));
        JsonNode psbTask = task(view(r), "psb/seal-engraving");
        assertEquals("READY", psbTask.get("state").asText());
        long psb = psbTask.get("id").asLong();
        boolean uninstalled = false;
        try {
            karaf.console("feature:uninstall tanghulu-dept-psb");
            uninstalled = true;
            Distribution.await(Duration.ofSeconds(60), "the group to be unavailable",
                    () -> is(false, () -> karaf.json("/api/groups/" + GROUP).get("available").asBoolean()));
            JsonNode group = karaf.json("/api/groups/" + GROUP);
            assertTrue(group.get("missing").toString().contains("psb"), group.toString());

            Answer refused = call("POST", "/api/cases", newApplication());
            assertEquals(503, refused.status(), refused.text());
            assertTrue(refused.body().get("message").asText().contains("psb"), refused.text());
            assertEquals(503, call("GET", "/api/groups/" + GROUP + "/chart", null).status(), "no chart without psb");
            assertFalse(checklistGroup(List.of()).get("available").asBoolean());
            // a client repeating its earlier submission still gets its receipt
            Answer repeated = call("POST", "/api/cases", earlier);
            assertEquals(200, repeated.status(), repeated.text());
            assertEquals(r.trackingNumber(), repeated.body().get("trackingNumber").asText());

            int events = applicantGet("/api/cases/" + r.trackingNumber() + "/events", r).size();
            Answer claim = call("POST", "/api/tasks/" + psb + "/claim", null, officer("psb"));
            assertEquals(503, claim.status(), claim.text());
            assertTrue(claim.body().get("message").asText().contains("psb"), claim.text());
            JsonNode waiting = staffGet("/api/tasks/" + psb, officer("psb"));
            assertEquals("READY", waiting.get("state").asText());
            assertTrue(waiting.path("assignee").isMissingNode() || waiting.path("assignee").isNull(), waiting.toString());
            assertFalse(waiting.get("departmentPresent").asBoolean());
            assertEquals(events, applicantGet("/api/cases/" + r.trackingNumber() + "/events", r).size(), "nothing recorded");

            // the other departments keep working on the same case
            long zgc = task(view(r), "zgc/high-tech-qualification").get("id").asLong();
            claimAndApprove(zgc, "zgc/high-tech-qualification");
            assertEquals("APPROVED", task(view(r), "zgc/high-tech-qualification").get("state").asText());
            assertEquals("OPEN", view(r).get("state").asText());
        } finally {
            if (uninstalled) {
                karaf.console("feature:install tanghulu-dept-psb");
            }
        }
        Distribution.await(Duration.ofSeconds(60), "the group to be available again",
                () -> is(true, () -> karaf.json("/api/groups/" + GROUP).get("available").asBoolean()));
        assertTrue(staffGet("/api/tasks/" + psb, officer("psb")).get("departmentPresent").asBoolean());
        claimAndApprove(psb, "psb/seal-engraving");
        drive(r, blocks.keySet());
        JsonNode done = view(r);
        assertEquals("COMPLETED", done.get("state").asText(), done.toString());
        assertEquals(9, done.get("tasks").size());
    }

    // --- 9 ---------------------------------------------------------------------------

    @Test
    @Order(9)
    void theConsoleShowsCasesWorkAndPlans() throws Exception {
        Receipt r = submit(newApplication());
        drive(r, Set.of("aic/name-preapproval"));
        long open = task(view(r), "aic/business-licence").get("id").asLong();

        String c = karaf.console("tanghulu:case -e " + r.trackingNumber());
        assertTrue(c.contains(r.trackingNumber()), c);
        assertTrue(c.contains("aic/name-preapproval") && c.contains("aic/business-licence"), c);
        assertTrue(c.contains("APPROVED") && c.contains("TASK_CREATED") && c.contains("officer-aic"), c);

        String tasks = karaf.console("tanghulu:tasks aic");
        assertTrue(tasks.lines().anyMatch(l -> l.contains(String.valueOf(open)) && l.contains(r.trackingNumber())
                && l.contains("aic/business-licence")), tasks);

        String chartText = karaf.console("tanghulu:chart " + GROUP);
        assertTrue(chartText.contains("Step 5"), chartText);
        List<String> path = new ArrayList<>();
        chart.get("criticalPath").forEach(m -> path.add(key(m)));
        assertTrue(chartText.contains("Critical path: " + String.join(" -> ", path)), chartText);
        assertTrue(chartText.contains("promised " + chart.get("promisedDays").asInt() + " working days (serial "
                + chart.get("serialPromisedDays").asInt() + ")"), chartText);

        JsonNode report = karaf.json("/api/groups/" + GROUP + "/redundancy");
        String redundancy = karaf.console("tanghulu:redundancy " + GROUP);
        assertTrue(redundancy.contains("Before: " + report.get("formsBefore").asInt() + " forms, "
                + report.get("itemsBefore").asInt() + " items"), redundancy);
        assertTrue(redundancy.contains("After:  " + report.get("sectionsAfter").asInt() + " sections, "
                + report.get("itemsAfter").asInt() + " items to type"), redundancy);

        String overdue = karaf.console("tanghulu:overdue");
        assertTrue(overdue.contains("No task is overdue."), overdue);
        // a year on, the open business-licence task is past its promised due date
        JsonNode waiting = task(view(r), "aic/business-licence");
        LocalDate later = LocalDate.parse(waiting.get("promisedDue").asText()).plusYears(1);
        String future = karaf.console("tanghulu:overdue --on " + later);
        assertTrue(future.contains(r.trackingNumber()) && future.contains("aic/business-licence"), future);
        assertTrue(future.contains(" " + (later.toEpochDay() - LocalDate.parse(waiting.get("promisedDue").asText()).toEpochDay()) + " "),
                "days overdue: " + future);
        assertTrue(karaf.consoleError("tanghulu:overdue --on tomorrow").contains("yyyy-MM-dd"));
        assertTrue(staffGet("/api/tasks/overdue", staff(SUPERVISOR)).isEmpty());

        String nope = karaf.consoleError("tanghulu:case NOPE");
        assertTrue(nope.contains("No case has the tracking number 'NOPE'"), nope);
    }

    // --- 10 --------------------------------------------------------------------------

    @Test
    @Order(10)
    void parallelMattersDecidedAtTheSameMomentStartEachNextMatterOnce() throws Exception {
        for (int round = 0; round < 2; round++) {
            Receipt r = submit(newApplication());
            drive(r, Set.of("aic/name-preapproval", "aic/business-licence"));
            long zgc = claim(r, "zgc/high-tech-qualification");
            drive(r, Set.of("psb/seal-engraving"));
            long qts = claim(r, "qts/organization-code");
            // ntax waits for both zgc and qts: approved at the same moment, whichever commits last must start it
            List<Answer> both = concurrently(2, List.of(
                    () -> call("POST", "/api/tasks/" + zgc + "/decision", approval("zgc/high-tech-qualification"), officer("zgc")),
                    () -> call("POST", "/api/tasks/" + qts + "/decision", approval("qts/organization-code"), officer("qts"))));
            assertTrue(both.stream().allMatch(a -> a.status() == 200), () -> both.stream().map(Answer::text).toList().toString());
            JsonNode view = view(r);
            assertEquals(Set.of("ltax/tax-registration", "ntax/tax-registration", "stats/statistical-registration",
                    "lss/social-insurance-registration"), tasksIn(view, "READY").keySet(), "round " + round);
            assertEquals(9, view.get("tasks").size());

            // the last four at once: the case completes exactly once
            List<String> last = List.copyOf(tasksIn(view, "READY").keySet());
            List<Long> ids = new ArrayList<>();
            for (String m : last) {
                ids.add(claim(r, m));
            }
            List<Callable<Answer>> decisions = new ArrayList<>();
            for (int i = 0; i < last.size(); i++) {
                String m = last.get(i);
                long id = ids.get(i);
                decisions.add(() -> call("POST", "/api/tasks/" + id + "/decision", approval(m), officer(department(m))));
            }
            List<Answer> four = concurrently(4, decisions);
            assertTrue(four.stream().allMatch(a -> a.status() == 200), () -> four.stream().map(Answer::text).toList().toString());
            assertEquals("COMPLETED", view(r).get("state").asText());
            List<JsonNode> events = list(applicantGet("/api/cases/" + r.trackingNumber() + "/events", r));
            assertEquals(1, events.stream().filter(e -> e.get("type").asText().equals("COMPLETED")).count(), events.toString());
            assertEquals(9, events.stream().filter(e -> e.get("type").asText().equals("TASK_CREATED")).count());
        }
    }

    // --- 11 --------------------------------------------------------------------------

    @Test
    @Order(11)
    void aRunningCaseKeepsTheVersionItStartedWith() throws Exception {
        Receipt v1 = submit(newApplication());
        drive(v1, Set.of("aic/name-preapproval"));
        Path v2Jar = karaf.home.resolve("deploy").resolve("establishment-v2.jar");
        boolean uninstalled = false;
        try {
            // the shipped group is version 2; version 3 leaves social insurance out
            karaf.console("feature:uninstall tanghulu-group-establishment");
            uninstalled = true;
            Distribution.await(Duration.ofSeconds(60), "version 2 to leave",
                    () -> is(404, () -> call("GET", "/api/groups/" + GROUP, null).status()));
            List<String> matters = new ArrayList<>(blocks.keySet());
            matters.remove("lss/social-insurance-registration");
            TestBundles.functionGroups(v2Jar, "establishment-v2", VersionedGroups.class, JSON.writeValueAsString(List.of(Map.of(
                    "id", GROUP, "version", 3, "name", Map.of("zh", "内资高新技术企业设立（第三版）"),
                    "applicantTypes", List.of("ENTERPRISE"), "matters", matters))));
            Distribution.await(Duration.ofSeconds(60), "version 3 to be available",
                    () -> is("3 true", () -> karaf.json("/api/groups/" + GROUP).get("version").asText() + " "
                            + karaf.json("/api/groups/" + GROUP).get("available").asText()));
            assertEquals(8, list(karaf.json("/api/groups/" + GROUP + "/chart").get("steps")).stream()
                    .mapToInt(step -> step.get("blocks").size()).sum());

            // a new case takes version 3: social insurance's fields are no longer asked
            ObjectNode application = newApplication();
            Set<String> fields = new HashSet<>();
            karaf.json("/api/groups/" + GROUP + "/form").get("sections").forEach(section -> section.get("fields")
                    .forEach(f -> fields.add(f.get("element").asText())));
            assertFalse(fields.contains("insured-employee-list"));
            ((ObjectNode) application.get("values")).retain(fields);
            // nor its materials: a material no matter of the group asks for is refused
            Set<String> asked = new HashSet<>();
            karaf.json("/api/checklist?applicantType=ENTERPRISE").get("groups").forEach(g -> {
                if (g.get("group").asText().equals(GROUP)) {
                    g.get("missing").forEach(m -> asked.add(m.get("id").asText()));
                }
            });
            assertFalse(asked.contains("labour-contracts"), asked.toString());
            com.fasterxml.jackson.databind.node.ArrayNode materials = application.putArray("materials");
            demoApplication.get("materials").forEach(m -> {
                if (asked.contains(m.asText())) {
                    materials.add(m);
                }
            });
            Receipt v2 = submit(application);
            assertEquals(3, view(v2).get("groupVersion").asInt());
            drive(v2, blocks.keySet(), true);
            JsonNode doneV2 = view(v2);
            assertEquals("COMPLETED", doneV2.get("state").asText(), doneV2.toString());
            assertEquals(8, doneV2.get("tasks").size());

            // the case started on version 2 runs on version 2 to the end, social insurance included
            drive(v1, blocks.keySet());
            JsonNode doneV1 = view(v1);
            assertEquals(2, doneV1.get("groupVersion").asInt());
            assertEquals("COMPLETED", doneV1.get("state").asText(), doneV1.toString());
            assertEquals(9, doneV1.get("tasks").size());
            assertEquals("APPROVED", task(doneV1, "lss/social-insurance-registration").get("state").asText());
        } finally {
            Files.deleteIfExists(v2Jar);
            if (uninstalled) {
                Distribution.await(Duration.ofSeconds(60), "version 3 to leave",
                        () -> is(404, () -> call("GET", "/api/groups/" + GROUP, null).status()));
                karaf.console("feature:install tanghulu-group-establishment");
            }
        }
        Distribution.await(Duration.ofSeconds(60), "version 2 to be back",
                () -> is("2 true", () -> karaf.json("/api/groups/" + GROUP).get("version").asText() + " "
                        + karaf.json("/api/groups/" + GROUP).get("available").asText()));
    }

    // --- 12 --------------------------------------------------------------------------

    /** The environmental protection bureau of a vendor: one bundle, nobody else's touched. */
    private static final String EPB = """
            {"id": "epb", "name": {"zh": "北京市海淀区环境保护局", "en": "Haidian Environmental Protection Bureau"},
             "dataElements": [
               {"id": "pollutant-types", "type": "TEXT", "label": {"zh": "主要污染物种类", "en": "Main pollutants"},
                "help": {"zh": "如废水、废气、噪声；没有的填“无”。", "en": "E.g. waste water, fumes, noise; \\"none\\" if none."},
                "validation": {"required": true, "maxLength": 200}},
               {"id": "environmental-registration-number", "type": "TEXT",
                "label": {"zh": "环境影响登记表备案号", "en": "Environmental registration number"},
                "help": {"zh": "环保局备案后给出。", "en": "Given by the bureau."}, "validation": {"required": true}}],
             "matters": [
               {"id": "environmental-registration", "name": {"zh": "建设项目环境影响登记表备案", "en": "Environmental impact registration"},
                "legalBasis": ["《中华人民共和国环境影响评价法》"], "applicantTypes": ["ENTERPRISE"],
                "materials": [{"id": "environmental-registration-form", "name": {"zh": "环境影响登记表", "en": "Registration form"}}],
                "forms": [{"id": "environmental-registration-form", "name": {"zh": "环境影响登记表"},
                           "items": ["enterprise-name", "registered-address", "business-scope", "pollutant-types"]}],
                "outputs": ["environmental-registration-number"], "predecessors": ["aic/name-preapproval"],
                "statutoryDays": 15, "promisedDays": 5},
               {"id": "discharge-registration", "name": {"zh": "排污申报登记", "en": "Pollutant discharge registration"},
                "legalBasis": ["《排污费征收使用管理条例》"], "applicantTypes": ["ENTERPRISE"],
                "materials": [{"id": "discharge-registration-form", "name": {"zh": "排污申报登记表", "en": "Discharge form"}}],
                "forms": [{"id": "discharge-registration-form", "name": {"zh": "排污申报登记表"},
                           "items": ["enterprise-name", "registered-address", "pollutant-types"]}],
                "statutoryDays": 20, "promisedDays": 0},
               {"id": "capital-verification", "name": {"zh": "环保资金核验", "en": "Capital check"},
                "legalBasis": ["《中华人民共和国环境保护法》"], "applicantTypes": ["ENTERPRISE"],
                "materials": [{"id": "capital-form", "name": {"zh": "核验表", "en": "Check form"}}],
                "forms": [{"id": "capital-form", "name": {"zh": "核验表"}, "items": ["enterprise-name"]}],
                "outputs": ["registered-capital"], "predecessors": ["aic/business-licence"],
                "statutoryDays": 5, "promisedDays": 5}]}
            """;

    @Test
    @Order(12)
    void aVendorBundleExtendsAnotherBundlesGroupAndPlacesItsOwnGroupUnderItsOwnNeed() throws Exception {
        int base = karaf.json("/api/groups/" + GROUP).get("version").asInt();
        Path jar = karaf.home.resolve("deploy").resolve("epb.jar");
        Path noisy = karaf.home.resolve("deploy").resolve("noisy.jar");
        Receipt extended;
        try {
            // a department that redefines a shared element is refused, and so is its extension
            TestBundles.vendor(noisy, "noisy", VendorDepartment.class, VersionedGroups.class, Map.of(
                    "department.json", EPB.replace("\"epb\"", "\"noisy\"").replace("\"pollutant-types\"", "\"enterprise-name\""),
                    "group-extensions.json", """
                            [{"id": "noisy-permit", "version": 1, "group": "enterprise-establishment",
                              "matters": ["noisy/environmental-registration"]}]"""));
            TestBundles.vendor(jar, "epb", VendorDepartment.class, VersionedGroups.class, Map.of(
                    "department.json", EPB,
                    "group-extensions.json", """
                            [{"id": "epb-environmental-registration", "version": 1, "group": "enterprise-establishment",
                              "matters": ["epb/environmental-registration"]},
                             {"id": "epb-missing", "version": 1, "group": "enterprise-establishment",
                              "matters": ["epb/no-such-matter"]},
                             {"id": "epb-cycle", "version": 1, "group": "enterprise-establishment",
                              "matters": ["epb/capital-verification"]}]""",
                    "catalog-needs.json", """
                            [{"id": "environment", "name": {"zh": "环境保护", "en": "Environmental protection"}, "order": 50}]""",
                    "function-groups.json", """
                            [{"id": "pollutant-discharge", "version": 1, "need": "environment",
                              "name": {"zh": "排污申报", "en": "Report pollutant discharge"}, "applicantTypes": ["ENTERPRISE"],
                              "matters": ["epb/discharge-registration"]}]"""));
            Distribution.await(Duration.ofSeconds(60), "the extension to apply",
                    () -> is(base * 1000 + 1, () -> karaf.json("/api/groups/" + GROUP).get("version").asInt()));
            assertEquals(List.of("epb-environmental-registration"),
                    list(karaf.json("/api/groups/" + GROUP).get("extensions")).stream().map(JsonNode::asText).toList());

            // the added matter takes its place in the flow by its predecessor; its own element is asked once
            Map<String, Integer> step = new HashMap<>();
            karaf.json("/api/groups/" + GROUP + "/chart").get("steps").forEach(s -> s.get("blocks")
                    .forEach(b -> step.put(key(b.get("matter")), s.get("number").asInt())));
            assertEquals(blocks.size() + 1, step.size(), step.toString());
            assertTrue(step.get("epb/environmental-registration") > step.get("aic/name-preapproval"), step.toString());
            List<String> fields = new ArrayList<>();
            karaf.json("/api/groups/" + GROUP + "/form").get("sections").forEach(section -> section.get("fields")
                    .forEach(f -> fields.add(f.get("element").asText())));
            assertEquals(1, fields.stream().filter("pollutant-types"::equals).count(), fields.toString());

            // the extension naming a missing matter is refused with its reason; the group is as the first made it
            String console = karaf.console("tanghulu:groups");
            assertTrue(console.contains("epb-missing REFUSED: matter 'epb/no-such-matter' is missing"), console);
            // ... so is the one whose matter would make the group's matters wait for each other, and the refused department's
            assertTrue(console.contains("epb-cycle REFUSED: function group 'enterprise-establishment': its matters wait for"
                    + " each other in a cycle"), console);
            Distribution.await(Duration.ofSeconds(30), "the redefining department's extension to be refused",
                    () -> is(true, () -> karaf.console("tanghulu:groups").contains("noisy-permit REFUSED: department 'noisy'"
                            + " is refused")));
            assertTrue(karaf.console("tanghulu:groups").contains("already defined in the shared dictionary"));

            // the vendor's own group, under the vendor's own need, on the portal's home page
            assertEquals("environment", karaf.json("/api/groups/pollutant-discharge").get("need").asText());
            String home = call("GET", "/", null).text();
            assertTrue(home.contains("id=\"need-environment\"") && home.contains("/groups/pollutant-discharge"), home);
            // its matter is a same-day one (即办)
            assertTrue(call("GET", "/groups/pollutant-discharge", null).text().contains("当日办结（即办）"));

            // a new case runs the extended group
            ObjectNode application = newApplication();
            ((ObjectNode) application.get("values")).put("pollutant-types", "无");
            ((com.fasterxml.jackson.databind.node.ArrayNode) application.get("materials")).add("environmental-registration-form");
            extended = submit(application);
            JsonNode view = view(extended);
            assertEquals(base * 1000 + 1, view.get("groupVersion").asInt());
        } finally {
            Files.deleteIfExists(jar);
            Files.deleteIfExists(noisy);
        }

        // the vendor leaves: new cases get the group without its matter, the running case waits at it
        Distribution.await(Duration.ofSeconds(60), "the group without the extension",
                () -> is(base, () -> karaf.json("/api/groups/" + GROUP).get("version").asInt()));
        assertEquals(blocks.size(), list(karaf.json("/api/groups/" + GROUP + "/chart").get("steps")).stream()
                .mapToInt(s -> s.get("blocks").size()).sum());
        assertEquals(404, call("GET", "/api/groups/pollutant-discharge", null).status());
        drive(extended, blocks.keySet());
        JsonNode waiting = view(extended);
        assertEquals(blocks.size() + 1, waiting.get("tasks").size(), waiting.toString());
        assertEquals("READY", task(waiting, "epb/environmental-registration").get("state").asText(), waiting.toString());
        assertFalse(waiting.get("state").asText().equals("COMPLETED"), waiting.toString());
    }

    // --- helpers ---------------------------------------------------------------------

    /** The matter's officer claims the case's task of that matter; returns its id. */
    private long claim(Receipt r, String matter) throws IOException {
        long id = task(view(r), matter).get("id").asLong();
        Answer claim = call("POST", "/api/tasks/" + id + "/claim", null, officer(department(matter)));
        assertEquals(200, claim.status(), () -> matter + " claim: " + claim.text());
        return id;
    }

    /** A receipt's credentials. */
    private record Receipt(String trackingNumber, String accessKey) {
    }

    /** An HTTP answer with its body read as JSON (missing if it is not JSON). */
    private record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String text() {
            return raw.body();
        }
    }

    // --- 13 (issue 14) ---------------------------------------------------------------

    @Test
    @Order(13)
    void twoDepartmentsOfAParallelStepGetOneMergedCorrectionAnsweredOnceAndAChangeToApprovedDataIsReviewedAgain()
            throws Exception {
        Receipt r = submit(newApplication());
        String tn = r.trackingNumber();
        drive(r, Set.of("aic/name-preapproval", "aic/business-licence"));
        assertEquals(Set.of("zgc/high-tech-qualification", "psb/seal-engraving"), tasksIn(view(r), "READY").keySet());
        String changed = "registered-address";
        assertTrue(strings(blocks.get("aic/business-licence").get("dataElements")).contains(changed),
                "the approved licence used the field the answer changes");
        long zgc = task(view(r), "zgc/high-tech-qualification").get("id").asLong();
        long psb = task(view(r), "psb/seal-engraving").get("id").asLong();
        long licence = task(view(r), "aic/business-licence").get("id").asLong();
        String zgcMessage = "园区内注册地址需与租赁合同一致，请更正。";
        String psbMessage = "请核对邮政编码，并补交法定代表人身份证复印件。";
        assertEquals(200, call("POST", "/api/tasks/" + zgc + "/claim", null, officer("zgc")).status());
        Answer asked = call("POST", "/api/tasks/" + zgc + "/decision", Map.of("kind", "REQUEST_CORRECTION",
                "message", zgcMessage, "fields", List.of(changed)), officer("zgc"));
        assertEquals(200, asked.status(), asked.text());
        assertEquals(200, call("POST", "/api/tasks/" + psb + "/claim", null, officer("psb")).status());
        Answer unknownMaterial = call("POST", "/api/tasks/" + psb + "/decision", Map.of("kind", "REQUEST_CORRECTION",
                "message", psbMessage, "fields", List.of("postal-code"), "materials", List.of("no-such-material")), officer("psb"));
        assertEquals(422, unknownMaterial.status(), unknownMaterial.text());
        asked = call("POST", "/api/tasks/" + psb + "/decision", Map.of("kind", "REQUEST_CORRECTION", "message", psbMessage,
                "fields", List.of("postal-code"), "materials", List.of("legal-representative-id-copy")), officer("psb"));
        assertEquals(200, asked.status(), asked.text());
        assertTrue(list(applicantGet("/api/cases/" + tn + "/events", r)).stream().anyMatch(e -> e.path("taskId").asLong() == psb
                && e.get("detail").asText().contains("joins the correction request")), "the second request joins the first");

        // one request: both tasks wait, each with what it asks
        JsonNode before = view(r);
        assertEquals(Set.of("zgc/high-tech-qualification", "psb/seal-engraving"), tasksIn(before, "CORRECTION").keySet());
        assertEquals(List.of("legal-representative-id-copy"), strings(task(before, "psb/seal-engraving").get("correctionMaterials")));
        String path = "/api/cases/" + tn + "/correction";
        String newAddress = "北京市海淀区中关村软件园二期9号楼101室";
        String postal = before.get("values").get("postal-code").asText();

        // a field nobody asked for, or a material nobody asked for: 422, nothing changed
        Answer notAsked = call("POST", path, Map.of("values", Map.of(changed, newAddress, "enterprise-phone", "010-62345678")),
                ACCESS_KEY, r.accessKey());
        assertEquals(422, notAsked.status(), notAsked.text());
        assertEquals(List.of("enterprise-phone"), notAsked.body().get("problems").findValuesAsText("field"));
        assertTrue(notAsked.body().get("problems").get(0).get("message").get("en").asText().contains("not asked for"),
                notAsked.text());
        Answer materialNotAsked = call("POST", path, Map.of("values", Map.of(changed, newAddress),
                "materials", List.of("articles-of-association")), ACCESS_KEY, r.accessKey());
        assertEquals(422, materialNotAsked.status(), materialNotAsked.text());
        assertEquals(List.of("materials"), materialNotAsked.body().get("problems").findValuesAsText("field"));
        JsonNode unchanged = view(r);
        assertEquals(before.get("values"), unchanged.get("values"));
        assertEquals(before.get("materials"), unchanged.get("materials"));
        assertEquals(Set.of("zgc/high-tech-qualification", "psb/seal-engraving"), tasksIn(unchanged, "CORRECTION").keySet());
        assertEquals(404, call("POST", path, Map.of("values", Map.of(changed, newAddress)), ACCESS_KEY, "wrong").status());

        // one answer: both tasks back with their officers, the licence that used the address back for review
        Answer answered = call("POST", path, Map.of("values", Map.of(changed, newAddress, "postal-code", postal),
                "materials", List.of("legal-representative-id-copy"), "message", "地址已更正，身份证复印件已补交。"),
                ACCESS_KEY, r.accessKey());
        assertEquals(200, answered.status(), answered.text());
        JsonNode after = answered.body();
        assertEquals(newAddress, after.get("values").get(changed).asText());
        assertTrue(strings(after.get("materials")).contains("legal-representative-id-copy"));
        assertEquals("CLAIMED", task(after, "zgc/high-tech-qualification").get("state").asText());
        assertEquals("officer-zgc", task(after, "zgc/high-tech-qualification").get("assignee").asText());
        assertEquals("CLAIMED", task(after, "psb/seal-engraving").get("state").asText());
        JsonNode reviewed = task(after, "aic/business-licence");
        assertEquals("READY", reviewed.get("state").asText(), "the approved licence goes back to aic");
        assertEquals(List.of(changed), strings(reviewed.get("reviewFields")));
        JsonNode reopened = list(applicantGet("/api/cases/" + tn + "/events", r)).stream()
                .filter(e -> e.get("type").asText().equals("REVIEW_REOPENED") && e.path("taskId").asLong() == licence)
                .findFirst().orElseThrow(() -> new AssertionError("no REVIEW_REOPENED event for the licence"));
        assertTrue(reopened.get("detail").asText().contains(changed) && reopened.get("detail").asText().contains("zgc/"),
                reopened.toString());
        JsonNode officerSees = staffGet("/api/tasks/" + licence, officer("aic"));
        assertEquals(List.of(changed), strings(officerSees.get("reviewFields")));
        assertEquals(409, call("POST", path, Map.of("values", Map.of(changed, newAddress)), ACCESS_KEY, r.accessKey()).status(),
                "answered once: nothing waits any more");

        // step ratings: once per decided task, refused before
        String rating = "/api/cases/" + tn + "/tasks/" + psb + "/rating";
        assertEquals(409, call("POST", rating, Map.of("level", 4), ACCESS_KEY, r.accessKey()).status(), "not decided yet");
        claimAndApproveClaimed(psb, "psb/seal-engraving");
        assertEquals(422, call("POST", rating, Map.of("level", 6), ACCESS_KEY, r.accessKey()).status());
        Answer rated = call("POST", rating, Map.of("level", 2, "comment", "刻章等了很久。"), ACCESS_KEY, r.accessKey());
        assertEquals(200, rated.status(), rated.text());
        assertEquals(2, task(rated.body(), "psb/seal-engraving").get("rating").get("level").asInt());
        assertFalse(task(rated.body(), "zgc/high-tech-qualification").has("rating"));
        assertEquals(409, call("POST", rating, Map.of("level", 5), ACCESS_KEY, r.accessKey()).status(), "once");
        Answer caseRating = call("POST", "/api/cases/" + tn + "/rating", Map.of("level", 5), ACCESS_KEY, r.accessKey());
        assertEquals(409, caseRating.status(), "the case is still open: " + caseRating.text());
    }

    /** Approves a task its officer has already claimed. */
    private void claimAndApproveClaimed(long id, String matter) throws IOException {
        Answer approve = call("POST", "/api/tasks/" + id + "/decision", approval(matter), officer(department(matter)));
        assertEquals(200, approve.status(), () -> matter + " approve: " + approve.text());
    }

    // --- issue 14: accept now, supply later (容缺受理), and the bank-account permit asked at its step ---

    @Test
    @Order(30)
    void aPromisedMinorMaterialAndTheBankPermitAskedAtItsStepKeepTheirTasksWaitingUntilSupplied() throws Exception {
        ObjectNode app = newApplication();
        com.fasterxml.jackson.databind.node.ArrayNode materials = app.putArray("materials");
        demoApplication.get("materials").forEach(m -> {
            if (!Set.of("labour-contracts", "bank-account-licence-copy").contains(m.asText())) {
                materials.add(m.asText());
            }
        });
        // without the minor material and without a commitment: a 422 naming it, nothing submitted
        Answer refused = call("POST", "/api/cases", app);
        assertEquals(422, refused.status(), refused.text());
        assertTrue(refused.text().contains("职工名册及劳动合同") && refused.text().contains("承诺"), refused.text());
        // a commitment to a material that is not minor is refused too
        app.putArray("promised").add("business-licence-copy").add("labour-contracts");
        Answer notMinor = call("POST", "/api/cases", app);
        assertEquals(422, notMinor.status(), notMinor.text());
        assertTrue(notMinor.text().contains("business-licence-copy"), notMinor.text());

        app.putArray("promised").add("labour-contracts");
        Receipt r = submit(app);
        JsonNode view = view(r);
        assertEquals(1, view.get("waits").size(), view.get("waits").toString());
        JsonNode promise = view.get("waits").get(0);
        assertEquals("labour-contracts", promise.get("material").asText());
        assertEquals("PROMISED", promise.get("kind").asText());
        LocalDate submitted = Instant.parse(view.get("submitted").asText()).atZone(BEIJING).toLocalDate();
        LocalDate due = LocalDate.parse(promise.get("due").asText());
        assertEquals(10, calendar.workingDaysBetween(submitted, due), "10 working days after " + submitted + ": " + due);
        assertTrue(applicantGet("/api/cases/" + r.trackingNumber() + "/events", r).toString().contains("MATERIAL_PROMISED"));

        drive(r, Set.of("aic/name-preapproval", "aic/business-licence", "zgc/high-tech-qualification", "psb/seal-engraving",
                "qts/organization-code"));
        view = view(r);
        assertEquals(Set.of("ltax/tax-registration", "ntax/tax-registration", "lss/social-insurance-registration"),
                tasksIn(view, "WAITING").keySet(), view.get("tasks").toString());
        assertEquals(Set.of("stats/statistical-registration"), tasksIn(view, "READY").keySet());
        JsonNode permit = StreamSupport.stream(view.get("waits").spliterator(), false)
                .filter(w -> w.get("material").asText().equals("bank-account-licence-copy")).findFirst().orElseThrow();
        assertEquals("AT_STEP", permit.get("kind").asText());
        long lss = tasksIn(view, "WAITING").get("lss/social-insurance-registration").get("id").asLong();
        long ltax = tasksIn(view, "WAITING").get("ltax/tax-registration").get("id").asLong();
        assertFalse(ids(staffGet("/api/tasks?department=lss", officer("lss"))).contains(String.valueOf(lss)),
                "a waiting task is not on the work list");
        Answer early = call("POST", "/api/tasks/" + ltax + "/claim", null, officer("ltax"));
        assertEquals(409, early.status(), early.text());
        // the desk shows the wait with what is awaited
        Answer staffView = call("GET", "/api/cases/" + r.trackingNumber(), null, officer("lss"));
        assertEquals(200, staffView.status(), staffView.text());
        assertEquals(2, staffView.body().get("waits").size(), staffView.text());

        // bad supplies: a 404 for a material not awaited or a wrong key, 409 for a second supply
        Answer notAwaited = call("POST", "/api/cases/" + r.trackingNumber() + "/materials/business-licence-copy", null,
                ACCESS_KEY, r.accessKey());
        assertEquals(404, notAwaited.status(), notAwaited.text());
        Answer wrongKey = call("POST", "/api/cases/" + r.trackingNumber() + "/materials/bank-account-licence-copy", null,
                ACCESS_KEY, "wrong");
        assertEquals(404, wrongKey.status(), wrongKey.text());

        Answer supplied = call("POST", "/api/cases/" + r.trackingNumber() + "/materials/bank-account-licence-copy", null,
                ACCESS_KEY, r.accessKey());
        assertEquals(200, supplied.status(), supplied.text());
        assertEquals(Set.of("lss/social-insurance-registration"), tasksIn(supplied.body(), "WAITING").keySet(),
                "social insurance still waits for the labour contracts");
        assertTrue(tasksIn(supplied.body(), "READY").keySet().containsAll(Set.of("ltax/tax-registration", "ntax/tax-registration")));
        Answer again = call("POST", "/api/cases/" + r.trackingNumber() + "/materials/bank-account-licence-copy", null,
                ACCESS_KEY, r.accessKey());
        assertEquals(409, again.status(), again.text());

        Answer contracts = call("POST", "/api/cases/" + r.trackingNumber() + "/materials/labour-contracts", null,
                ACCESS_KEY, r.accessKey());
        assertEquals(200, contracts.status(), contracts.text());
        assertEquals(Set.of(), tasksIn(contracts.body(), "WAITING").keySet());
        assertTrue(ids(staffGet("/api/tasks?department=lss", officer("lss"))).contains(String.valueOf(lss)));
        drive(r, blocks.keySet());
        assertEquals("COMPLETED", view(r).get("state").asText());
    }

    /**
     * @param body a JSON string as is, or anything else written as JSON; {@code null} for none
     * @param headers name, value, ...
     */
    private Answer call(String method, String path, Object body, String... headers) throws IOException {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpResponse<String> response = karaf.send(method, path, text, headers);
        JsonNode json;
        try {
            json = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), json, response);
    }

    /** Runs the offline dossier verifier as docs/admin-guide.md gives it, with the distribution's jars. */
    private Distribution.Ran verifyOffline(Path file, String key) throws Exception {
        Path system = karaf.home.resolve("system");
        String classpath = Files.walk(system).filter(p -> p.getFileName().toString().matches(
                "org\\.tanghulu\\.exchange-.*\\.jar|bcprov-jdk18on-.*\\.jar")).map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return Distribution.runRaw(karaf.home, List.of(java, "-cp", classpath,
                "org.tanghulu.exchange.internal.DossierFile", file.toString(), key), Map.of());
    }

    private JsonNode staffGet(String path, String... auth) throws IOException {
        Answer a = call("GET", path, null, auth);
        assertEquals(200, a.status(), () -> path + ": " + a.text());
        return a.body();
    }

    private JsonNode applicantGet(String path, Receipt r) throws IOException {
        Answer a = call("GET", path, null, ACCESS_KEY, r.accessKey());
        assertEquals(200, a.status(), () -> path + ": " + a.text());
        return a.body();
    }

    /** @return the case as its applicant sees it */
    private JsonNode view(Receipt r) throws IOException {
        return applicantGet("/api/cases/" + r.trackingNumber(), r);
    }

    private String[] staff(String name) throws IOException {
        return new String[] {"Authorization", karaf.staffAuthorization(name)};
    }

    private String[] officer(String department) throws IOException {
        return staff("officer-" + department);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the demo application with a fresh submission key */
    private ObjectNode newApplication() {
        ObjectNode app = demoApplication.deepCopy();
        app.put("submissionKey", UUID.randomUUID().toString());
        return app;
    }

    private Receipt submit(ObjectNode application) throws IOException {
        Answer a = call("POST", "/api/cases", application);
        assertEquals(201, a.status(), a.text());
        assertTrue(a.body().get("created").asBoolean());
        assertTrue(a.raw().headers().firstValue("Location").orElse("").endsWith("cases/" + a.body().get("trackingNumber").asText()),
                a.raw().headers().map().toString());
        return new Receipt(a.body().get("trackingNumber").asText(), a.body().get("accessKey").asText());
    }

    private String approval(String matter) throws IOException {
        return JSON.writeValueAsString(Map.of("kind", "APPROVE", "outputs", demoOutputs.get(matter)));
    }

    /** The matter's officer claims and approves the task with the demo's outputs. */
    private void claimAndApprove(long id, String matter) throws IOException {
        String department = department(matter);
        Answer claim = call("POST", "/api/tasks/" + id + "/claim", null, officer(department));
        assertEquals(200, claim.status(), () -> matter + " claim: " + claim.text());
        assertEquals("CLAIMED", claim.body().get("state").asText());
        assertEquals("officer-" + department, claim.body().get("assignee").asText());
        Answer approve = call("POST", "/api/tasks/" + id + "/decision", approval(matter), officer(department));
        assertEquals(200, approve.status(), () -> matter + " approve: " + approve.text());
        assertEquals("APPROVED", approve.body().get("state").asText());
    }

    /** Approves the case's ready tasks of these matters, wave by wave, until none is left. */
    private void drive(Receipt r, Set<String> matters) throws IOException {
        drive(r, matters, false);
    }

    /** As {@link #drive(Receipt, Set)}, supplying the materials the case waits for if {@code supply}. */
    private void drive(Receipt r, Set<String> matters, boolean supply) throws IOException {
        for (int wave = 0; wave < 10; wave++) {
            Map<String, JsonNode> ready = tasksIn(view(r), "READY");
            ready.keySet().retainAll(matters);
            if (ready.isEmpty()) {
                if (supply && supplyAwaited(r)) {
                    continue;
                }
                return;
            }
            for (var t : ready.entrySet()) {
                claimAndApprove(t.getValue().get("id").asLong(), t.getKey());
            }
        }
        fail("still tasks to approve after 10 waves");
    }

    /** Supplies every material the case waits for (the bank-account permit asked at the tax step); @return whether any */
    private boolean supplyAwaited(Receipt r) throws IOException {
        boolean any = false;
        for (JsonNode w : view(r).path("waits")) {
            Answer supplied = call("POST", "/api/cases/" + r.trackingNumber() + "/materials/" + w.get("material").asText(), null,
                    ACCESS_KEY, r.accessKey());
            any |= supplied.status() == 200;
        }
        return any;
    }

    /** The case's tasks are exactly the matters whose dependencies are approved; those approved are, the others wait. */
    private void assertTasksFollowTheChart(JsonNode view, Set<String> approved) {
        Set<String> expected = blocks.keySet().stream().filter(m -> approved.containsAll(dependsOn(m)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, String> actual = new LinkedHashMap<>();
        for (JsonNode t : view.get("tasks")) {
            assertEquals(null, actual.put(key(t.get("matter")), t.get("state").asText()), "one task per matter: " + view.get("tasks"));
        }
        assertEquals(expected, actual.keySet(), "after approving " + approved);
        actual.forEach((m, state) -> assertEquals(approved.contains(m) ? "APPROVED" : "READY", state, m));
    }

    /** @return the case's tasks in this state by matter key */
    private static Map<String, JsonNode> tasksIn(JsonNode view, String state) {
        Map<String, JsonNode> tasks = new LinkedHashMap<>();
        for (JsonNode t : view.get("tasks")) {
            if (t.get("state").asText().equals(state)) {
                tasks.put(key(t.get("matter")), t);
            }
        }
        return tasks;
    }

    /** @return the case's one task of this matter */
    private static JsonNode task(JsonNode view, String matter) {
        List<JsonNode> found = list(view.get("tasks")).stream().filter(t -> key(t.get("matter")).equals(matter)).toList();
        assertEquals(1, found.size(), () -> matter + " in " + view.get("tasks"));
        return found.get(0);
    }

    private Set<String> dependsOn(String matter) {
        Set<String> deps = new HashSet<>();
        blocks.get(matter).get("dependsOn").forEach(d -> deps.add(key(d)));
        return deps;
    }

    private static String department(String matter) {
        return matter.substring(0, matter.indexOf('/'));
    }

    private static String key(JsonNode matter) {
        return matter.get("department").asText() + "/" + matter.get("matter").asText();
    }

    private JsonNode checklistGroup(List<String> have) throws IOException {
        StringBuilder query = new StringBuilder("/api/checklist?applicantType=ENTERPRISE");
        for (String h : have) {
            query.append("&have=").append(URLEncoder.encode(h, StandardCharsets.UTF_8));
        }
        for (JsonNode g : karaf.json(query.toString()).get("groups")) {
            if (g.get("group").asText().equals(GROUP)) {
                return g;
            }
        }
        throw new AssertionError("the checklist does not list " + GROUP);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** @return the {@code id} of each element, as text */
    private static List<String> ids(JsonNode array) {
        return list(array).stream().map(n -> n.get("id").asText()).toList();
    }

    private static List<String> strings(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Runs the call on n threads released at the same moment. */
    private static List<Answer> concurrently(int n, Callable<Answer> call) throws Exception {
        return concurrently(n, Collections.nCopies(n, call));
    }

    /** Runs each call on its own thread, all released at the same moment; the answers in the calls' order. */
    private static List<Answer> concurrently(int n, List<Callable<Answer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (Callable<Answer> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get(90, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }


    /**
     * Working days as the distribution's own {@code etc/tanghulu-calendar.json} defines them:
     * Monday to Friday, except public holidays, plus make-up working days.
     */
    private record WorkingDays(Set<LocalDate> holidays, Set<LocalDate> makeUpDays) {

        static WorkingDays read(Path file) throws IOException {
            Set<LocalDate> holidays = new HashSet<>();
            Set<LocalDate> makeUp = new HashSet<>();
            for (JsonNode year : JSON.readTree(Files.readString(file)).get("years")) {
                for (JsonNode h : year.get("holidays")) {
                    LocalDate from = LocalDate.parse(h.get("from").asText());
                    LocalDate to = h.hasNonNull("to") ? LocalDate.parse(h.get("to").asText()) : from;
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        holidays.add(d);
                    }
                }
                for (JsonNode w : year.get("workdays")) {
                    makeUp.add(LocalDate.parse(w.get("date").asText()));
                }
            }
            return new WorkingDays(holidays, makeUp);
        }

        boolean isMakeUpDay(LocalDate day) {
            return makeUpDays.contains(day);
        }

        boolean isWorkingDay(LocalDate day) {
            return makeUpDays.contains(day) || !holidays.contains(day) && !isWeekend(day);
        }

        /** @return the working days after {@code fromExclusive} up to and including {@code toInclusive} */
        int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
            int n = 0;
            for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
                n += isWorkingDay(d) ? 1 : 0;
            }
            return n;
        }
    }
}
