package org.tanghulu.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The departments' own systems, measured (docs/benchmark.md, "DIRECT and FRONT_END"): whole cases of
 * the demo over HTTP on the README's demo platform ({@code bin/tanghulu-demo}, its department system
 * also answering on the machine's RabbitMQ), in turns: qts and stats decided by the demo department
 * system (direct), ltax and ntax decided through its front-end processor's exchange tables (tables) or
 * through the broker's queues (queue), and none of them linked, so that officers decide every task over
 * the API (manual). Per run: cases/s, each automatic task's time from ready to approved (from the case
 * events), and the platform JVM's CPU time per case. Not a test.
 */
public final class ExchangeBenchmark {

    private static final List<String> DEPARTMENTS = List.of("aic", "lss", "ltax", "ntax", "psb", "qts", "stats", "zgc");
    private static final String AMQP = "amqp://guest@127.0.0.1:5672"; // the default virtual host "/"
    /** The departments each mode leaves to the demo's department system. */
    private static final Map<String, Set<String>> AUTOMATIC = Map.of("direct", Set.of("qts", "stats"), "tables",
            Set.of("ltax", "ntax"), "queue", Set.of("ltax", "ntax"), "manual", Set.of());
    private static final List<String> MODES = List.of("direct", "tables", "queue", "manual");

    private final int cases;
    private final int threads;
    private final int repetitions;
    private final int warmup;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private Distribution karaf;
    private ObjectNode application;
    private JsonNode outputs;
    private final Map<String, String> officers = new LinkedHashMap<>();
    private Path guest;

    /** One run: its mode, throughput, the automatic tasks' latencies (ms) and platform CPU per case. */
    /** The runner's pauses while a case waits for a department's system: doubling from the first to the last. */
    private static final long FIRST_PAUSE = 5;
    private static final long LAST_PAUSE = 200;

    /** The case views the runner asked for in the current run. */
    private final java.util.concurrent.atomic.AtomicLong views = new java.util.concurrent.atomic.AtomicLong();

    record Run(String mode, int completed, int failed, double throughput, Benchmark.Stats latency, double cpuMsPerCase,
            double viewsPerCase) {
    }

    private ExchangeBenchmark(Map<String, String> o) {
        cases = Integer.parseInt(o.getOrDefault("cases", "100"));
        threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        repetitions = Integer.parseInt(o.getOrDefault("repetitions", "3"));
        warmup = Integer.parseInt(o.getOrDefault("warmup", "100"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.getOrDefault("databases", "h2").startsWith("h2")) {
            System.out.println("ExchangeBenchmark runs on H2 only (the embedded default of the demo); --databases ignored");
        }
        System.exit(new ExchangeBenchmark(options).run());
    }

    private int run() throws Exception {
        if (System.getProperty("tanghulu.distribution") == null) {
            System.setProperty("tanghulu.distribution", Path.of("distribution/target/tanghulu-distribution-0.1.0-SNAPSHOT.tar.gz")
                    .toAbsolutePath().toString());
        }
        List<Run> runs = new ArrayList<>();
        int systemPort = Distribution.freePort();
        try (Distribution d = new Distribution("bench-direct", Map.of())) {
            karaf = d;
            for (String dep : DEPARTMENTS) {
                d.staff("bench-" + dep, "officer-" + dep);
            }
            d.edit("org.tanghulu.exchange.cfg", Map.of("timeoutMillis", "5000"));
            d.demoAmqp = "amqp://guest:guest@127.0.0.1:5672/%2F";
            System.out.printf("== demo platform up after %d ms%n", d.startDemo(systemPort).toMillis());
            application = (ObjectNode) d.demo("enterprise-establishment-application.json");
            outputs = d.demo("enterprise-establishment-outputs.json");
            for (String dep : DEPARTMENTS) {
                officers.put(dep, d.staffAuthorization("bench-" + dep));
            }
            guest = Files.createTempFile("guest", ".pw");
            Files.writeString(guest, "guest");
            for (String mode : MODES) {
                measure(mode, warmup, systemPort);
            }
            for (int i = 1; i <= repetitions; i++) {
                for (String mode : MODES) {
                    Run r = measure(mode, cases, systemPort);
                    runs.add(r);
                    System.out.printf("%-6s #%d: %6.2f cases/s, automatic ready->approved p50 %.1f ms p99 %.1f ms, platform CPU %.1f"
                            + " ms/case, %.1f case views/case, %d failed%n", mode, i, r.throughput(), r.latency().p50(), r.latency().p99(),
                            r.cpuMsPerCase(), r.viewsPerCase(), r.failed());
                }
            }
        }
        String report = report(runs);
        System.out.println(report);
        Path out = Path.of(System.getProperty("tanghulu.it.work", "target/karaf")).resolve("benchmark-exchange.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        return runs.stream().anyMatch(r -> r.failed() > 0) ? 1 : 0;
    }

    /** Links the departments the mode leaves to the demo's department system, unlinks the others, then drives {@code count} cases. */
    private Run measure(String mode, int count, int systemPort) throws Exception {
        for (String dep : List.of("qts", "stats")) {
            karaf.console(mode.equals("direct") ? "tanghulu:exchange-link --secret-file " + karaf.home.resolve(
                    "demo/department-system/" + dep + ".secret") + " " + dep + " http://127.0.0.1:" + systemPort + "/" + dep
                    : "tanghulu:exchange-unlink " + dep);
        }
        for (String dep : List.of("ltax", "ntax")) {
            karaf.console(switch (mode) {
                case "tables" -> "tanghulu:exchange-link --front-end " + dep + " \"jdbc:h2:tcp://127.0.0.1:" + karaf.frontEndPort
                        + "/fe;USER=sa\"";
                case "queue" -> "tanghulu:exchange-link --front-end --secret-file " + guest + " " + dep + " \"" + AMQP + "\"";
                default -> "tanghulu:exchange-unlink " + dep;
            });
        }
        if (mode.equals("queue")) { // leftovers of another platform would name tasks this one does not have
            com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
            factory.setUri("amqp://guest:guest@127.0.0.1:5672");
            try (com.rabbitmq.client.Connection c = factory.newConnection(); com.rabbitmq.client.Channel ch = c.createChannel()) {
                for (String dep : List.of("ltax", "ntax")) {
                    for (String q : List.of("requests", "results")) {
                        ch.queueDeclare("tanghulu.fe." + dep + "." + q, true, false, false, null);
                        ch.queuePurge("tanghulu.fe." + dep + "." + q);
                    }
                }
            }
        }
        Set<String> automatic = AUTOMATIC.get(mode);
        List<String[]> done = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        views.set(0);
        long cpuBefore = karaf.platformCpuMillis();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(pool.submit(() -> {
                while (next.getAndIncrement() < count) {
                    try {
                        done.add(driveOneCase(automatic));
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        System.out.println("FAILED " + e.getMessage());
                    }
                }
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        double wall = (System.nanoTime() - start) / 1e9;
        long cpu = karaf.platformCpuMillis() - cpuBefore;
        List<Long> latencies = new ArrayList<>();
        if (!automatic.isEmpty()) {
            for (String[] c : done) {
                latencies.addAll(automaticLatencies(c[0], c[1]));
            }
        }
        return new Run(mode, done.size(), failed.get(), done.size() / wall, Benchmark.Stats.of(latencies),
                done.isEmpty() ? 0 : (double) cpu / done.size(), done.isEmpty() ? 0 : (double) views.get() / done.size());
    }

    /** @return tracking number and access key of the completed case */
    private String[] driveOneCase(Set<String> automatic) throws Exception {
        ObjectNode body = application.deepCopy();
        body.put("submissionKey", UUID.randomUUID().toString());
        JsonNode receipt = call("POST", "/api/cases", body.toString(), Map.of(), 201);
        String tn = receipt.get("trackingNumber").asText();
        Map<String, String> key = Map.of("X-Access-Key", receipt.get("accessKey").asText());
        Instant end = Instant.now().plusSeconds(120);
        long pause = FIRST_PAUSE;
        while (Instant.now().isBefore(end)) {
            views.incrementAndGet();
            JsonNode view = call("GET", "/api/cases/" + tn, null, key, 200);
            if ("COMPLETED".equals(view.get("state").asText())) {
                return new String[] {tn, key.get("X-Access-Key")};
            }
            boolean acted = false;
            for (JsonNode t : view.get("tasks")) {
                String dep = t.get("matter").get("department").asText();
                if (!"READY".equals(t.get("state").asText()) || automatic.contains(dep)) {
                    continue;
                }
                Map<String, String> officer = Map.of("Authorization", officers.get(dep));
                long id = t.get("id").asLong();
                call("GET", "/api/tasks?department=" + dep, null, officer, 200);
                call("POST", "/api/tasks/" + id + "/claim", null, officer, 200);
                ObjectNode decision = Distribution.JSON.createObjectNode().put("kind", "APPROVE");
                decision.set("outputs", outputs.get(dep + "/" + t.get("matter").get("matter").asText()));
                call("POST", "/api/tasks/" + id + "/decision", decision.toString(), officer, 200);
                acted = true;
            }
            if (acted) {
                pause = FIRST_PAUSE;
            } else {
                // the department's system has the case's only ready tasks: look again after 5, 10, 20, ... 200 ms, so that
                // waiting for it costs the platform a few views, not one every 5 ms (which was most of its CPU per case)
                Thread.sleep(pause);
                pause = Math.min(2 * pause, LAST_PAUSE);
            }
        }
        throw new IllegalStateException(tn + " not completed within 120 s");
    }

    /** @return for each task of the case that a department's system decided, ready (created) to approved, in nanoseconds */
    private List<Long> automaticLatencies(String tn, String accessKey) throws Exception {
        Map<Long, Instant> created = new LinkedHashMap<>();
        List<Long> out = new ArrayList<>();
        for (JsonNode e : call("GET", "/api/cases/" + tn + "/events", null, Map.of("X-Access-Key", accessKey), 200)) {
            long task = e.path("taskId").asLong(-1);
            if ("TASK_CREATED".equals(e.path("type").asText())) {
                created.put(task, Instant.parse(e.get("at").asText()));
            } else if ("APPROVED".equals(e.path("type").asText()) && e.path("actor").asText().startsWith("exchange:")) {
                out.add(Duration.between(created.get(task), Instant.parse(e.get("at").asText())).toNanos());
            }
        }
        return out;
    }

    private JsonNode call(String method, String path, String body, Map<String, String> headers, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(karaf.portal(path))).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Distribution.JSON.readTree(r.body());
    }

    private String report(List<Run> runs) {
        StringBuilder s = new StringBuilder("## Exchange benchmark\n\nDate: ").append(LocalDate.now()).append("; ")
                .append(cases).append(" cases per run, ").append(threads).append(" threads, ").append(repetitions)
                .append(" runs per mode after ").append(warmup).append(" warm-up cases per mode; medians over the runs.\n\n");
        s.append("| Mode | Cases/s | Automatic task ready→approved p50 (ms) | p99 (ms) | Platform CPU ms per case | Cases/s ÷ manual"
                + " | CPU ms per exchanged message, net of manual | Case views per case | Failed |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double manualRate = Benchmark.median(of(runs, "manual"), Run::throughput);
        double manualCpu = Benchmark.median(of(runs, "manual"), Run::cpuMsPerCase);
        for (String mode : MODES) {
            List<Run> rs = of(runs, mode);
            boolean auto = !AUTOMATIC.get(mode).isEmpty();
            double cpu = Benchmark.median(rs, Run::cpuMsPerCase);
            s.append(String.format("| %s | %.2f | %s | %s | %.1f | %.2f | %s | %.1f | %d |%n", mode, Benchmark.median(rs, Run::throughput),
                    auto ? String.format("%.1f", Benchmark.median(rs, r -> r.latency().p50())) : "-",
                    auto ? String.format("%.1f", Benchmark.median(rs, r -> r.latency().p99())) : "-", cpu,
                    Benchmark.median(rs, Run::throughput) / manualRate,
                    auto ? String.format("%.1f", (cpu - manualCpu) / (2 * AUTOMATIC.get(mode).size())) : "-",
                    Benchmark.median(rs, Run::viewsPerCase), rs.stream().mapToInt(Run::failed).sum()));
        }
        s.append("\nMessages per case: a request and a result for each of the mode's two departments (4); the CPU per message is"
                + " (mode − manual CPU per case) / 4, net of the officers' API calls the systems replace. While a case waits for a"
                + " department's system the runner looks at it after 5, 10, 20, ... up to 200 ms (case views per case).\n");
        s.append("\nEvery run (cases/s): ");
        runs.forEach(r -> s.append(r.mode()).append(' ').append(String.format("%.2f", r.throughput())).append("; "));
        return s.append('\n').toString();
    }

    private static List<Run> of(List<Run> runs, String mode) {
        return runs.stream().filter(r -> r.mode().equals(mode)).toList();
    }
}
