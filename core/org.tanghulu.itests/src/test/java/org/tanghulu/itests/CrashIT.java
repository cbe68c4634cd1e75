package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged means durable: while applicants submit about 30 cases a second and officers
 * claim and approve what is ready, the platform's JVM is killed with SIGKILL at a random
 * moment and started again. Every case answered 201 and every claim and decision answered 2xx
 * before the crash must be there afterwards, and the restart must not take much longer than a
 * clean one. {@code -Dtanghulu.it.crash.rounds=N} repeats the crash (default 1); the database
 * is chosen by {@code -Dtanghulu.it.database}.
 */
@Tag("reliability")
class CrashIT {

    private static final String PG_DATABASE = "tanghulu_it_crash";
    private static final List<String> DEPARTMENTS = List.of("aic", "zgc", "psb", "qts", "ltax", "ntax", "stats", "lss");
    private static final int ROUNDS = Integer.getInteger("tanghulu.it.crash.rounds", 1);
    private static final int SUBMISSIONS_PER_SECOND = 30;
    private static final String ACCESS_KEY = "X-Access-Key";

    private Distribution karaf;
    private ObjectNode application;
    private JsonNode outputs;

    /** A receipt's credentials. */
    private record Receipt(String trackingNumber, String accessKey) {
    }

    /** A claim or decision answered 2xx: the task's department and the state it was answered with. */
    private record Ack(String department, String state) {
    }

    @Test
    void killMinus9DuringSubmissionsAndDecisionsLosesNothingAcknowledged() throws Exception {
        try (Distribution platform = new Distribution("crash-" + ItDatabase.kind(), ItDatabase.datasource(PG_DATABASE))) {
            karaf = platform;
            for (String d : DEPARTMENTS) {
                karaf.staff("officer-" + d, "officer-" + d);
            }
            Duration first = karaf.start();
            application = (ObjectNode) karaf.demo("enterprise-establishment-application.json");
            outputs = karaf.demo("enterprise-establishment-outputs.json");
            karaf.stop();
            Duration clean = karaf.start();
            System.out.printf("CRASH %s: first start %.1f s, clean restart %.1f s%n", ItDatabase.kind(),
                    first.toMillis() / 1000.0, clean.toMillis() / 1000.0);

            long seed = Long.getLong("tanghulu.it.crash.seed", System.nanoTime());
            Random random = new Random(seed);
            // everything acknowledged in any round so far: case receipts, and task id -> state answered 2xx
            List<Receipt> cases = Collections.synchronizedList(new ArrayList<>());
            Map<Long, Ack> decisions = new ConcurrentHashMap<>();
            for (int round = 1; round <= ROUNDS; round++) {
                Load load = new Load(cases, decisions);
                // a random moment once cases and decisions are both flowing (a slow machine takes a while to get there)
                Distribution.await(Duration.ofSeconds(120), "a case and a decision acknowledged",
                        () -> load.cases.get() > 0 && load.decisions.get() > 0);
                Thread.sleep(random.nextInt(10_000));
                double killAfter = load.seconds();
                karaf.kill();
                load.stop();
                Duration restart = karaf.start();

                List<String> lost = new ArrayList<>();
                for (Receipt r : List.copyOf(cases)) {
                    HttpResponse<String> view = karaf.send("GET", "/api/cases/" + r.trackingNumber(), null, ACCESS_KEY, r.accessKey());
                    if (view.statusCode() != 200) {
                        lost.add(r.trackingNumber() + " (" + view.statusCode() + ")");
                    }
                }
                List<String> undone = new ArrayList<>();
                for (var d : Map.copyOf(decisions).entrySet()) {
                    HttpResponse<String> task = officer(d.getValue().department(), "GET", "/api/tasks/" + d.getKey(), null);
                    String state = task.statusCode() == 200 ? Distribution.JSON.readTree(task.body()).get("state").asText()
                            : "answered " + task.statusCode();
                    boolean kept = d.getValue().state().equals("APPROVED") ? state.equals("APPROVED")
                            : state.equals("CLAIMED") || state.equals("APPROVED");
                    if (!kept) {
                        undone.add("task " + d.getKey() + " acknowledged " + d.getValue().state() + ", now " + state);
                    }
                }
                System.out.printf("CRASH %s round %d/%d (seed %d): killed after %.1f s; this round %d cases (%.1f/s,"
                        + " submit p50 %d ms) and %d claims/decisions acknowledged, %d submissions refused; in all"
                        + " %d cases acknowledged, %d present; %d tasks claimed or decided with a 2xx, %d of them kept;"
                        + " refused by status %s;"
                        + " restart %.1f s (clean %.1f s)%n",
                        ItDatabase.kind(), round, ROUNDS, seed, killAfter, load.cases.get(),
                        load.cases.get() / killAfter, load.submitMedianMillis(), load.decisions.get(),
                        load.failures.get(), cases.size(), cases.size() - lost.size(), decisions.size(),
                        decisions.size() - undone.size(), load.refusals, restart.toMillis() / 1000.0, clean.toMillis() / 1000.0);
                assertEquals(List.of(), lost, "acknowledged cases missing after the crash of round " + round);
                assertEquals(List.of(), undone, "acknowledged claims/decisions missing after the crash of round " + round);
                // e.g. an id sequence left behind its rows by the previous crash fails every insert that draws a taken id
                assertEquals(Map.of(), load.refusals.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                        "server errors answered to submissions in round " + round);
                assertTrue(restart.compareTo(clean.multipliedBy(2).plusSeconds(10)) < 0,
                        "restart after the crash took " + restart + ", a clean restart " + clean);
            }
            // the data grew: a clean restart with it, to tell the crash's cost from the data's
            karaf.stop();
            System.out.printf("CRASH %s: clean restart with the data of all rounds %.1f s%n", ItDatabase.kind(),
                    karaf.start().toMillis() / 1000.0);
        }
    }

    /** The load of one round: submissions at a fixed rate and two officers working the ready tasks. */
    private final class Load {
        final AtomicInteger cases = new AtomicInteger();
        final AtomicInteger decisions = new AtomicInteger();
        /** Submissions answered, but not with 201 (requests cut off by the crash are not counted). */
        final AtomicInteger failures = new AtomicInteger();
        /** Those answers by status: after a recovered crash, none may be a server error but 503 (not ready). */
        final Map<Integer, Integer> refusals = new ConcurrentSkipListMap<>();
        private final long begin = System.nanoTime();
        private final ConcurrentLinkedQueue<Long> submitNanos = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService submitters = Executors.newFixedThreadPool(12);
        private final ExecutorService officers = Executors.newFixedThreadPool(2);

        Load(List<Receipt> receipts, Map<Long, Ack> acknowledged) {
            clock.scheduleAtFixedRate(() -> submitters.execute(() -> submit(receipts)), 0,
                    1_000_000 / SUBMISSIONS_PER_SECOND, TimeUnit.MICROSECONDS);
            for (int i = 0; i < 2; i++) {
                // each officer thread works its own departments, so they do not race each other for a task
                List<String> mine = new ArrayList<>();
                for (int d = i; d < DEPARTMENTS.size(); d += 2) {
                    mine.add(DEPARTMENTS.get(d));
                }
                officers.execute(() -> work(mine, acknowledged));
            }
        }

        private void submit(List<Receipt> receipts) {
            ObjectNode app = application.deepCopy();
            app.put("submissionKey", UUID.randomUUID().toString());
            try {
                long begin = System.nanoTime();
                HttpResponse<String> r = karaf.send("POST", "/api/cases", Distribution.JSON.writeValueAsString(app));
                if (r.statusCode() == 201) {
                    JsonNode receipt = Distribution.JSON.readTree(r.body());
                    receipts.add(new Receipt(receipt.get("trackingNumber").asText(), receipt.get("accessKey").asText()));
                    submitNanos.add(System.nanoTime() - begin);
                    cases.incrementAndGet();
                } else {
                    failures.incrementAndGet();
                    refusals.merge(r.statusCode(), 1, Integer::sum);
                }
            } catch (IOException e) {
                // cut off by the crash: not acknowledged
            }
        }

        private void work(List<String> departments, Map<Long, Ack> acknowledged) {
            while (running.get()) {
                for (String d : departments) {
                    try {
                        HttpResponse<String> list = officer(d, "GET", "/api/tasks?department=" + d, null);
                        if (list.statusCode() != 200) {
                            continue;
                        }
                        int taken = 0;
                        for (JsonNode t : Distribution.JSON.readTree(list.body())) {
                            if (!running.get() || taken == 5 || !t.get("state").asText().equals("READY")) {
                                continue;
                            }
                            taken++;
                            long id = t.get("id").asLong();
                            if (officer(d, "POST", "/api/tasks/" + id + "/claim", null).statusCode() / 100 != 2) {
                                continue;
                            }
                            acknowledged.putIfAbsent(id, new Ack(d, "CLAIMED"));
                            decisions.incrementAndGet();
                            String matter = d + "/" + t.get("matter").get("matter").asText();
                            String approval = Distribution.JSON.writeValueAsString(
                                    Map.of("kind", "APPROVE", "outputs", outputs.get(matter)));
                            if (officer(d, "POST", "/api/tasks/" + id + "/decision", approval).statusCode() / 100 == 2) {
                                acknowledged.put(id, new Ack(d, "APPROVED"));
                                decisions.incrementAndGet();
                            }
                        }
                    } catch (IOException e) {
                        pause(); // the platform is gone; the load stops soon
                    }
                }
            }
        }

        /** Stops the load and waits for the requests still under way (cut off by the crash). */
        void stop() throws InterruptedException {
            running.set(false);
            clock.shutdownNow();
            submitters.shutdown();
            officers.shutdown();
            assertTrue(submitters.awaitTermination(60, TimeUnit.SECONDS) && officers.awaitTermination(60, TimeUnit.SECONDS),
                    "the load did not stop");
        }

        double seconds() {
            return (System.nanoTime() - begin) / 1e9;
        }

        private void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        long submitMedianMillis() {
            List<Long> sorted = submitNanos.stream().sorted().toList();
            return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2) / 1_000_000;
        }
    }

    /** A call to the staff API as the department's officer: the one place that knows how officers authenticate. */
    private HttpResponse<String> officer(String department, String method, String path, String body) throws IOException {
        return karaf.send(method, path, body, karaf.staffAuth("officer-" + department));
    }
}
