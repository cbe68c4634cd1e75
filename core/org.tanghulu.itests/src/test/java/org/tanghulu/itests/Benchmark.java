package org.tanghulu.itests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The benchmark runner (not a test: run it with {@code mvn -Pbench}, see docs/benchmark.md).
 * For each database it boots a fresh distribution, drives whole cases of the demo's function
 * group through the engine in-process (the {@code tanghulu:bench} command of the
 * org.tanghulu.bench bundle, dropped into deploy/) and over HTTP from this JVM, each mode
 * R times after a warm-up, and prints the medians over the repetitions as a Markdown table.
 *
 * <p>Options, as arguments or system properties ({@code --cases 200} or
 * {@code -Dtanghulu.bench.cases=200}): cases (200), threads (2), databases (h2,postgresql),
 * repetitions (3), warmup (300). System properties: {@code tanghulu.distribution} (the
 * tar.gz), {@code tanghulu.bench.bundle} (the bench bundle's jar), {@code tanghulu.it.work}.
 */
public final class Benchmark {

    private static final String PG_DATABASE = "tanghulu_bench";
    private static final List<String> DEPARTMENTS = List.of("aic", "lss", "ltax", "ntax", "psb", "qts", "stats", "zgc");
    private static final String RESULT = "BENCH-RESULT ";
    private static final String IN_PROCESS = "in-process";
    private static final String HTTP = "http";

    private final int cases;
    private final int threads;
    private final List<String> databases;
    private final int repetitions;
    private final int warmup;
    private final Path bundle;
    private final List<String> bootFailures = new ArrayList<>();
    /** The warm-up runs: not in the figures, but their failures and misses count. */
    private final List<Run> warmups = new ArrayList<>();

    /** One measured run of one mode. */
    record Run(String database, String mode, int cases, int completed, int failures, int misses, double wallSeconds,
            double throughput, Stats submit, Stats workList, Stats completion, Map<String, Integer> errors) {
    }

    /** Percentiles of one operation, in milliseconds. */
    record Stats(int count, double p50, double p99) {
        static Stats of(JsonNode n) {
            return new Stats(n.get("count").asInt(), n.get("p50").asDouble(), n.get("p99").asDouble());
        }

        static Stats of(List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Stats(sorted.length, rank(sorted, 50), rank(sorted, 99));
        }

        private static double rank(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int r = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.min(sorted.length, Math.max(1, r)) - 1] / 1_000_000.0;
        }
    }

    private Benchmark(Map<String, String> options) {
        cases = Integer.parseInt(option(options, "cases", "200"));
        threads = Integer.parseInt(option(options, "threads", "2"));
        databases = Arrays.stream(option(options, "databases", "h2,postgresql").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        repetitions = Integer.parseInt(option(options, "repetitions", "3"));
        warmup = Integer.parseInt(option(options, "warmup", "300"));
        bundle = repoFile(System.getProperty("tanghulu.bench.bundle",
                "core/org.tanghulu.bench/target/org.tanghulu.bench-0.1.0-SNAPSHOT.jar"));
        if (System.getProperty("tanghulu.distribution") == null) {
            System.setProperty("tanghulu.distribution",
                    repoFile("distribution/target/tanghulu-distribution-0.1.0-SNAPSHOT.tar.gz").toString());
        }
        for (String db : databases) {
            if (!db.equals("h2") && !db.equals("postgresql")) {
                throw new IllegalArgumentException("databases: h2 and/or postgresql, not '" + db + "'");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                System.err.println("usage: Benchmark [--cases N] [--threads T] [--databases h2,postgresql] "
                        + "[--repetitions R] [--warmup W]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        int status;
        try {
            status = new Benchmark(options).run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static String option(Map<String, String> options, String name, String fallback) {
        String v = options.get(name);
        return v != null && !v.isBlank() ? v : System.getProperty("tanghulu.bench." + name, fallback);
    }

    /** A path relative to the repository root, whether we run from there or from a module folder. */
    private static Path repoFile(String path) {
        Path p = Path.of(path);
        if (p.isAbsolute() || Files.exists(p)) {
            return p.toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(path))) {
                return dir.resolve(path);
            }
        }
        return p.toAbsolutePath();
    }

    private int run() throws Exception {
        if (!Files.isReadable(bundle)) {
            throw new IllegalStateException("No bench bundle at " + bundle + "; build it with mvn install -DskipTests");
        }
        System.out.printf("Benchmark: %d cases x %d repetitions per mode and database, %d threads, warm-up %d, databases %s%n",
                cases, repetitions, threads, warmup, databases);
        List<Run> runs = new ArrayList<>();
        Map<String, String> versions = new LinkedHashMap<>();
        String loadBefore = load();
        long began = System.nanoTime();
        for (String db : databases) {
            runs.addAll(database(db, versions));
        }
        versions.put("load average before/after", loadBefore + " / " + load());
        versions.put("benchmark took", Math.round((System.nanoTime() - began) / 60e9 * 10) / 10.0 + " min");
        String report = report(runs, versions);
        System.out.println();
        System.out.println(report);
        Path out = Path.of(System.getProperty("tanghulu.it.work", "target/karaf")).resolve("benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("(also written to " + out.toAbsolutePath() + ")");
        return Stream.concat(runs.stream(), warmups.stream()).anyMatch(r -> r.failures() > 0) ? 1 : 0;
    }

    // --- one database -----------------------------------------------------------------

    private List<Run> database(String db, Map<String, String> versions) throws Exception {
        Map<String, String> datasource = new LinkedHashMap<>();
        if (db.equals("postgresql")) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("show server_version")) {
                    r.next();
                    versions.put("PostgreSQL", r.getString(1));
                }
            }
            datasource.put("osgi.jdbc.driver.class", "org.postgresql.Driver");
            datasource.put("url", "jdbc:postgresql://127.0.0.1:5432/" + PG_DATABASE);
            datasource.put("user", "postgres");
        }
        List<Run> runs = new ArrayList<>();
        try (Distribution karaf = boot(db, datasource, versions)) {
            HttpDriver http = new HttpDriver(karaf, db);
            if (warmup > 0) {
                Run w = inProcess(karaf, db, warmup);
                System.out.printf("warm-up in-process: %d cases, %.2f cases/s, %d failed, %d work-list misses%n", w.cases(),
                        w.throughput(), w.failures(), w.misses());
                warmups.add(w);
                w = http.run(warmup);
                System.out.printf("warm-up http:       %d cases, %.2f cases/s, %d failed, %d work-list misses%n", w.cases(),
                        w.throughput(), w.failures(), w.misses());
                warmups.add(w);
            }
            // the modes alternate, so that the database's growth and any drift of the machine hit both alike
            for (int i = 1; i <= repetitions; i++) {
                for (String mode : List.of(IN_PROCESS, HTTP)) {
                    Run r = mode.equals(HTTP) ? http.run(cases) : inProcess(karaf, db, cases);
                    runs.add(r);
                    System.out.printf("%s %-10s #%d: %6.2f cases/s  submit %.1f/%.1f  work-list %.1f/%.1f  completion %.1f/%.1f ms"
                            + " (p50/p99)  failures %d  work-list misses %d%s%n", db, mode, i, r.throughput(), r.submit().p50(),
                            r.submit().p99(), r.workList().p50(), r.workList().p99(), r.completion().p50(), r.completion().p99(),
                            r.failures(), r.misses(),
                            r.errors().isEmpty() ? "" : "  HTTP errors " + r.errors());
                }
            }
        }
        return runs;
    }

    /**
     * A fresh platform on {@code db} with the officers and the bench command. A platform that
     * does not come up is reported and replaced once (on PostgreSQL the persistence unit has been
     * seen to fail now and then at boot: NoClassDefFoundError org/hibernate/proxy/HibernateProxy).
     */
    private Distribution boot(String db, Map<String, String> datasource, Map<String, String> versions) throws Exception {
        for (int attempt = 1;; attempt++) {
            if (db.equals("postgresql")) {
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                        Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE);
                    s.execute("CREATE DATABASE " + PG_DATABASE);
                }
            }
            Distribution karaf = new Distribution("bench-" + db, datasource);
            try {
                if (db.equals("h2")) {
                    versions.put("H2", versionIn(karaf.home.resolve("system/com/h2database/h2")));
                } else {
                    versions.put("PostgreSQL JDBC driver", versionIn(karaf.home.resolve("system/org/postgresql/postgresql")));
                }
                // before start: bin/tanghulu-admin's accounts are not seen by a running platform (docs/benchmark.md)
                for (String d : DEPARTMENTS) {
                    karaf.staff(officer(d), "officer-" + d);
                }
                Files.copy(bundle, karaf.home.resolve("deploy").resolve(bundle.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
                Duration took = karaf.start();
                System.out.printf("%n== %s: platform up after %d ms%n", db, took.toMillis());
                Distribution.await(Duration.ofSeconds(120), "the tanghulu:bench command", () -> {
                    try {
                        return karaf.console("tanghulu:bench --help").contains("--cases");
                    } catch (Throwable e) {
                        return false;
                    }
                });
                return karaf;
            } catch (Throwable e) {
                String firstError;
                try (Stream<String> log = Files.lines(karaf.home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8)) {
                    firstError = log.filter(l -> l.contains("| ERROR |") || l.startsWith("Caused by")).limit(12)
                            .collect(Collectors.joining("\n  "));
                } catch (IOException | java.io.UncheckedIOException notThere) {
                    firstError = "(no log)";
                }
                System.out.printf("%n!! %s: the platform in %s did not come up (attempt %d): %s%n  %s%n", db, karaf.home,
                        attempt, e.getMessage(), firstError);
                bootFailures.add(db + ": " + e.getMessage());
                karaf.close();
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    private static String officer(String department) {
        return "bench-" + department;
    }

    private static String versionIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "));
        }
    }

    // --- in-process: the tanghulu:bench command over the console ----------------------------

    private Run inProcess(Distribution karaf, String db, int count) throws Exception {
        String printed;
        try {
            printed = karaf.console("tanghulu:bench --cases " + count + " --threads " + threads);
        } catch (AssertionError e) {
            // the command fails when a case did not complete; its output is in the message
            printed = String.valueOf(e.getMessage());
            System.out.println(printed);
        }
        String out = printed;
        String line = out.lines().map(String::trim).filter(l -> l.startsWith(RESULT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("tanghulu:bench printed no result line:\n" + out));
        JsonNode r = Distribution.JSON.readTree(line.substring(RESULT.length()));
        out.lines().filter(l -> l.trim().startsWith("FAILED") || l.trim().startsWith("MISSED")).limit(10)
                .forEach(System.out::println);
        return new Run(db, IN_PROCESS, r.get("cases").asInt(), r.get("completed").asInt(), r.get("failures").asInt(),
                r.path("workListMisses").asInt(), r.get("wallSeconds").asDouble(), r.get("throughput").asDouble(),
                Stats.of(r.get("submit")), Stats.of(r.get("workList")), Stats.of(r.get("completion")), Map.of());
    }

    // --- over HTTP, from this JVM -----------------------------------------------------------

    /** The same workload as tanghulu:bench, through the JSON API as an applicant and the officers would. */
    private final class HttpDriver {
        private final String db;
        private final String base;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final ObjectNode application;
        private final JsonNode outputs;
        private final Map<String, String> authorization = new LinkedHashMap<>();

        HttpDriver(Distribution karaf, String db) throws IOException {
            this.db = db;
            this.base = karaf.portal("/api");
            application = (ObjectNode) karaf.demo("enterprise-establishment-application.json");
            outputs = karaf.demo("enterprise-establishment-outputs.json");
            for (String d : DEPARTMENTS) {
                authorization.put(d, karaf.staffAuthorization(officer(d)));
            }
        }

        Run run(int count) throws Exception {
            AtomicInteger next = new AtomicInteger();
            AtomicInteger completed = new AtomicInteger();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            List<String> misses = Collections.synchronizedList(new ArrayList<>());
            Map<String, Integer> errors = new ConcurrentHashMap<>();
            List<Long> submit = Collections.synchronizedList(new ArrayList<>());
            List<Long> workList = Collections.synchronizedList(new ArrayList<>());
            List<Long> completion = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    running.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            try {
                                driveOneCase(submit, workList, completion, errors, misses);
                                completed.incrementAndGet();
                            } catch (Exception e) {
                                failures.add("case " + (i + 1) + ": " + e.getMessage());
                            }
                        }
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            misses.stream().limit(5).forEach(m -> System.out.println("MISSED " + m));
            failures.stream().limit(5).forEach(f -> System.out.println("FAILED " + f));
            return new Run(db, HTTP, count, completed.get(), failures.size(), misses.size(), wall, completed.get() / wall,
                    Stats.of(submit), Stats.of(workList), Stats.of(completion), new TreeMap<>(errors));
        }

        private void driveOneCase(List<Long> submit, List<Long> workList, List<Long> completion,
                Map<String, Integer> errors, List<String> misses) throws Exception {
            ObjectNode body = application.deepCopy();
            body.put("submissionKey", UUID.randomUUID().toString());
            long t0 = System.nanoTime();
            JsonNode receipt = call("POST", "/cases", body, Map.of(), 201, errors);
            submit.add(System.nanoTime() - t0);
            String tn = receipt.get("trackingNumber").asText();
            Map<String, String> key = Map.of("X-Access-Key", receipt.get("accessKey").asText());
            for (int wave = 0; wave < 50; wave++) {
                JsonNode view = call("GET", "/cases/" + tn, null, key, 200, errors);
                String state = view.get("state").asText();
                if (state.equals("COMPLETED")) {
                    return;
                }
                if (!state.equals("OPEN")) {
                    throw new IllegalStateException(tn + " ended " + state);
                }
                List<JsonNode> ready = new ArrayList<>();
                view.get("tasks").forEach(t -> {
                    if (t.get("state").asText().equals("READY")) {
                        ready.add(t);
                    }
                });
                if (ready.isEmpty()) {
                    throw new IllegalStateException(tn + " is OPEN with no READY task");
                }
                for (JsonNode task : ready) {
                    long id = task.get("id").asLong();
                    String department = task.get("matter").get("department").asText();
                    String matterKey = department + "/" + task.get("matter").get("matter").asText();
                    Map<String, String> officer = Map.of("Authorization", authorization.get(department));
                    String query = "/tasks?department=" + URLEncoder.encode(department, StandardCharsets.UTF_8);
                    long t1 = System.nanoTime();
                    JsonNode list = call("GET", query, null, officer, 200, errors);
                    workList.add(System.nanoTime() - t1);
                    if (!listed(list, id)) {
                        // looked for again like tanghulu:bench does, 10 ms apart, untimed
                        int tries = 0;
                        while (!listed(list, id) && tries++ < 5) {
                            Thread.sleep(10);
                            list = call("GET", query, null, officer, 200, errors);
                        }
                        String miss = "task " + id + " (" + matterKey + ", case " + tn + ") was READY but not in " + department
                                + "'s work list" + (listed(list, id) ? "; listed again " + tries + " quer(ies) later"
                                        : ", nor in 5 more queries");
                        misses.add(miss);
                        if (!listed(list, id)) {
                            throw new IllegalStateException(miss);
                        }
                    }
                    ObjectNode decision = Distribution.JSON.createObjectNode();
                    decision.put("kind", "APPROVE");
                    decision.set("outputs", outputs.get(matterKey));
                    long t2 = System.nanoTime();
                    call("POST", "/tasks/" + id + "/claim", null, officer, 200, errors);
                    JsonNode decided = call("POST", "/tasks/" + id + "/decision", decision, officer, 200, errors);
                    completion.add(System.nanoTime() - t2);
                    if (!decided.get("state").asText().equals("APPROVED")) {
                        throw new IllegalStateException("task " + id + " is " + decided.get("state") + " after approval");
                    }
                }
            }
            throw new IllegalStateException(tn + " still OPEN after 50 waves");
        }

        private static boolean listed(JsonNode list, long id) {
            for (JsonNode t : list) {
                if (t.get("id").asLong() == id) {
                    return true;
                }
            }
            return false;
        }

        private JsonNode call(String method, String path, JsonNode body, Map<String, String> headers, int expected,
                Map<String, Integer> errors) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            headers.forEach(b::header);
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(Distribution.JSON.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                errors.merge(method + " " + path.replaceAll("/\\d+|/TH\\d+|\\?.*", "/{}") + " " + r.statusCode(), 1,
                        Integer::sum);
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return Distribution.JSON.readTree(r.body());
        }
    }

    // --- the report -----------------------------------------------------------------------------

    private String report(List<Run> runs, Map<String, String> versions) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("## Benchmark results\n\n");
        s.append("Date: ").append(LocalDate.now()).append("; ").append(environment());
        versions.forEach((k, v) -> s.append("; ").append(k).append(' ').append(v));
        s.append("\n\nWorkload: ").append(cases).append(" whole cases per run, ").append(threads).append(" threads, ")
                .append(repetitions).append(" runs per mode and database after a warm-up of ").append(warmup)
                .append(" cases per mode; figures are medians over the runs, latencies in ms.\n\n");
        s.append("| Database | Mode | Cases/s | Submit p50 | Submit p99 | Work-list p50 | Work-list p99 "
                + "| Completion p50 | Completion p99 | Failed cases | Work-list misses |\n");
        s.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String db : databases) {
            for (String mode : List.of(IN_PROCESS, HTTP)) {
                List<Run> rs = runs.stream().filter(r -> r.database().equals(db) && r.mode().equals(mode)).toList();
                if (rs.isEmpty()) {
                    continue;
                }
                s.append(String.format("| %s | %s | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n", db, mode,
                        median(rs, Run::throughput), median(rs, r -> r.submit().p50()), median(rs, r -> r.submit().p99()),
                        median(rs, r -> r.workList().p50()), median(rs, r -> r.workList().p99()),
                        median(rs, r -> r.completion().p50()), median(rs, r -> r.completion().p99()),
                        rs.stream().mapToInt(Run::failures).sum(), rs.stream().mapToInt(Run::misses).sum()));
            }
        }
        s.append("\n| Ratio | Cases/s | Submit p50 | Work-list p50 | Completion p50 |\n|---|---:|---:|---:|---:|\n");
        for (String db : databases) {
            ratio(s, db + ": HTTP / in-process", runs, db, HTTP, db, IN_PROCESS);
        }
        if (databases.size() == 2) {
            for (String mode : List.of(IN_PROCESS, HTTP)) {
                ratio(s, mode + ": " + databases.get(1) + " / " + databases.get(0), runs, databases.get(1), mode,
                        databases.get(0), mode);
            }
        }
        int warmupFailures = warmups.stream().mapToInt(Run::failures).sum();
        int warmupMisses = warmups.stream().mapToInt(Run::misses).sum();
        if (warmupFailures + warmupMisses > 0) {
            s.append("\nWarm-up runs (not in the figures): ").append(warmupFailures).append(" failed case(s), ")
                    .append(warmupMisses).append(" work-list miss(es).\n");
        }
        if (!bootFailures.isEmpty()) {
            s.append("\nPlatforms that did not come up and were replaced: ").append(bootFailures).append('\n');
        }
        s.append("\nEvery run (cases/s):\n\n");
        for (String db : databases) {
            for (String mode : List.of(IN_PROCESS, HTTP)) {
                s.append("- ").append(db).append(' ').append(mode).append(": ")
                        .append(runs.stream().filter(r -> r.database().equals(db) && r.mode().equals(mode))
                                .map(r -> String.format("%.2f", r.throughput()) + (r.errors().isEmpty() ? "" : " " + r.errors()))
                                .collect(Collectors.joining(", ")))
                        .append('\n');
            }
        }
        return s.toString();
    }

    private static void ratio(StringBuilder s, String label, List<Run> runs, String db1, String mode1, String db2,
            String mode2) {
        List<Run> a = runs.stream().filter(r -> r.database().equals(db1) && r.mode().equals(mode1)).toList();
        List<Run> b = runs.stream().filter(r -> r.database().equals(db2) && r.mode().equals(mode2)).toList();
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        List<ToDoubleFunction<Run>> metrics = List.of(Run::throughput, r -> r.submit().p50(), r -> r.workList().p50(),
                r -> r.completion().p50());
        s.append("| ").append(label);
        for (ToDoubleFunction<Run> m : metrics) {
            double den = median(b, m);
            s.append(String.format(" | %.2f", den == 0 ? Double.NaN : median(a, m) / den));
        }
        s.append(" |\n");
    }

    static <T> double median(List<T> runs, ToDoubleFunction<T> metric) {
        double[] v = runs.stream().mapToDouble(metric).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** @return the 1-, 5- and 15-minute load averages, or "?" */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String environment() throws IOException {
        String cpu = "unknown CPU";
        String mem = "unknown RAM";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        }
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            mem = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format("%.1f GiB RAM",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse(mem);
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + mem + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }
}
