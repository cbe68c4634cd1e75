package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.tanghulu.itests.Distribution.is;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A department uninstalled and installed again, several times, while clients keep using the platform: the
 * catalog, submissions, applicants reading their cases, officers reading their work lists. Every answer is a
 * success, except the 503s documented for a department that is away (docs/cases.md: submitting to its group,
 * the group's chart, form and redundancy, claiming or deciding its tasks); no platform bundle is restarted
 * (same id, same state), no other department either; cases submitted before, during and after all complete.
 * Part of the reliability suite ({@code -Preliability}, docs/reliability.md), on a platform of its own.
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotDeployIT {

    private static final String GROUP = "enterprise-establishment";
    private static final int CLIENTS = Integer.getInteger("tanghulu.it.hotdeploy.clients", 4);
    private static final int CYCLES = Integer.getInteger("tanghulu.it.hotdeploy.cycles", 3);

    private Distribution karaf;
    private ObjectNode demoApplication;
    private JsonNode demoOutputs;

    /** A submitted case's credentials. */
    record Receipt(String trackingNumber, String accessKey) {
    }

    @BeforeAll
    void boot() throws Exception {
        karaf = new Distribution("hotdeploy-" + ItDatabase.kind(), ItDatabase.datasource("tanghulu_it_hotdeploy"));
        for (var account : Distribution.SHARED_STAFF.entrySet()) {
            karaf.staff(account.getKey(), account.getValue().toArray(String[]::new));
        }
        karaf.start();
        demoApplication = (ObjectNode) karaf.demo("enterprise-establishment-application.json");
        demoOutputs = karaf.demo("enterprise-establishment-outputs.json");
    }

    @AfterAll
    void shutdown() throws InterruptedException {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void aDepartmentGoesAndComesBackUnderLoadWithoutAFailedRequest() throws Exception {
        List<Receipt> before = List.of(submit(), submit());
        Map<String, String> bundlesBefore = bundles();
        List<Receipt> duringLoad = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    String what = switch ((int) (n++ % 6)) {
                        case 0 -> "GET /api/groups";
                        case 1 -> "GET /api/groups/{group}/chart";
                        case 2 -> "POST /api/cases";
                        case 3 -> "GET /api/cases/{tn}";
                        case 4 -> "GET /api/tasks?department=aic";
                        default -> "GET /api/tasks?department=psb";
                    };
                    try {
                        HttpResponse<String> r = request(what, before.get(client % before.size()));
                        answers.computeIfAbsent(what + " " + r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        boolean documented503 = r.statusCode() == 503 && (what.startsWith("POST /api/cases")
                                || what.endsWith("/chart"));
                        if (r.statusCode() >= 300 && !documented503) {
                            failures.add(what + ": " + r.statusCode() + " " + r.body());
                        } else if (r.statusCode() == 201) {
                            JsonNode receipt = Distribution.JSON.readTree(r.body());
                            duringLoad.add(new Receipt(receipt.get("trackingNumber").asText(),
                                    receipt.get("accessKey").asText()));
                        }
                    } catch (IOException e) {
                        failures.add(what + ": " + e);
                    }
                }
                return null;
            }));
        }
        try {
            Thread.sleep(2000);
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                karaf.console("feature:uninstall tanghulu-dept-psb");
                Distribution.await(Duration.ofSeconds(60), "the group to be unavailable",
                        () -> is(false, () -> karaf.json("/api/groups/" + GROUP).get("available").asBoolean()));
                Thread.sleep(1500);
                karaf.console("feature:install tanghulu-dept-psb");
                Distribution.await(Duration.ofSeconds(60), "the group to be available again",
                        () -> is(true, () -> karaf.json("/api/groups/" + GROUP).get("available").asBoolean()));
                Thread.sleep(1500);
            }
        } finally {
            stop.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            clients.shutdownNow();
        }
        System.out.println("Hot deploy under load, " + CYCLES + " cycles, " + CLIENTS + " clients: " + new TreeMap<>(answers));
        assertTrue(failures.isEmpty(), failures.size() + " failed requests: " + failures.subList(0, Math.min(10, failures.size())));
        long refused = answers.entrySet().stream().filter(e -> e.getKey().startsWith("POST /api/cases 503"))
                .mapToLong(e -> e.getValue().get()).sum();
        assertTrue(refused > 0, "the load saw psb away (no 503 on submit): " + answers);
        assertTrue(duringLoad.size() > 0, "cases were submitted while psb came and went");

        Map<String, String> bundlesAfter = bundles();
        Map<String, String> changed = new TreeMap<>();
        bundlesBefore.forEach((id, bundle) -> {
            if (!bundle.equals(bundlesAfter.get(id))) {
                changed.put(id, bundle + " -> " + bundlesAfter.get(id));
            }
        });
        bundlesAfter.forEach((id, bundle) -> {
            if (!bundlesBefore.containsKey(id)) {
                changed.put(id, "(new) " + bundle);
            }
        });
        changed.values().removeIf(c -> c.matches("(.*org\\.tanghulu\\.dept\\.psb.*)"));
        assertEquals(Map.of(), changed, "bundles other than psb's changed id or state");

        // the cases from before, from during (a sample) and from after all complete
        List<Receipt> all = new ArrayList<>(before);
        all.addAll(duringLoad.subList(0, Math.min(5, duringLoad.size())));
        all.add(submit());
        for (Receipt r : all) {
            drive(r);
            JsonNode done = view(r);
            assertEquals("COMPLETED", done.get("state").asText(), r.trackingNumber() + ": " + done);
            assertEquals(9, done.get("tasks").size());
        }
    }

    private HttpResponse<String> request(String what, Receipt own) throws IOException {
        return switch (what) {
            case "GET /api/groups" -> karaf.get("/api/groups");
            case "GET /api/groups/{group}/chart" -> karaf.get("/api/groups/" + GROUP + "/chart");
            case "POST /api/cases" -> karaf.send("POST", "/api/cases", application());
            case "GET /api/cases/{tn}" -> karaf.send("GET", "/api/cases/" + own.trackingNumber(), null,
                    "X-Access-Key", own.accessKey());
            case "GET /api/tasks?department=aic" -> karaf.send("GET", "/api/tasks?department=aic", null,
                    karaf.staffAuth("officer-aic"));
            default -> karaf.send("GET", "/api/tasks?department=psb", null, karaf.staffAuth("officer-psb"));
        };
    }

    private String application() throws IOException {
        ObjectNode app = demoApplication.deepCopy();
        app.put("submissionKey", UUID.randomUUID().toString());
        return Distribution.JSON.writeValueAsString(app);
    }

    private Receipt submit() throws IOException {
        HttpResponse<String> r = karaf.send("POST", "/api/cases", application());
        assertEquals(201, r.statusCode(), r.body());
        JsonNode receipt = Distribution.JSON.readTree(r.body());
        return new Receipt(receipt.get("trackingNumber").asText(), receipt.get("accessKey").asText());
    }

    private JsonNode view(Receipt r) throws IOException {
        HttpResponse<String> got = karaf.send("GET", "/api/cases/" + r.trackingNumber(), null, "X-Access-Key", r.accessKey());
        assertEquals(200, got.statusCode(), got.body());
        return Distribution.JSON.readTree(got.body());
    }

    /** Claims and approves the case's ready tasks with the demo's outputs, wave by wave, until none is left. */
    private void drive(Receipt r) throws IOException {
        for (int wave = 0; wave < 10; wave++) {
            List<JsonNode> ready = new ArrayList<>();
            view(r).get("tasks").forEach(t -> {
                if (t.get("state").asText().equals("READY")) {
                    ready.add(t);
                }
            });
            if (ready.isEmpty()) {
                return;
            }
            for (JsonNode t : ready) {
                String department = t.get("matter").get("department").asText();
                String matter = department + "/" + t.get("matter").get("matter").asText();
                String[] officer = karaf.staffAuth("officer-" + department);
                long id = t.get("id").asLong();
                HttpResponse<String> claim = karaf.send("POST", "/api/tasks/" + id + "/claim", null, officer);
                assertEquals(200, claim.statusCode(), matter + " claim: " + claim.body());
                HttpResponse<String> approve = karaf.send("POST", "/api/tasks/" + id + "/decision",
                        Distribution.JSON.writeValueAsString(Map.of("kind", "APPROVE", "outputs", demoOutputs.get(matter))),
                        officer);
                assertEquals(200, approve.statusCode(), matter + " approve: " + approve.body());
            }
        }
        fail("still tasks to approve after 10 waves: " + r.trackingNumber());
    }

    /** Every bundle: id to "symbolic name state", from {@code bundle:list}. */
    private Map<String, String> bundles() throws Exception {
        Map<String, String> bundles = new LinkedHashMap<>();
        for (String line : karaf.console("bundle:list -t 0 -s --no-format").split("\n")) {
            String[] cols = line.split("[│|\t]");
            if (cols.length >= 5 && cols[0].trim().matches("\\d+")) {
                bundles.put(cols[0].trim(), cols[cols.length - 1].trim() + " " + cols[1].trim());
            }
        }
        assertTrue(bundles.size() > 20, "bundle list parsed: " + bundles);
        assertTrue(Set.copyOf(bundles.values()).stream().anyMatch(b -> b.contains("org.tanghulu.dept.psb")), bundles.toString());
        return bundles;
    }
}
