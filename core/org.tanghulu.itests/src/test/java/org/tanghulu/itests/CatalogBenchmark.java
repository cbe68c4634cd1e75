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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.itests.fixture.GeneratedDepartment;
import org.tanghulu.itests.fixture.GeneratedGroups;
import org.tanghulu.testing.HaidianCatalog;

/**
 * The catalog at Haidian's scale (issue 13; docs/benchmark.md, "Haidian scale"): boots the distribution, hot-installs
 * the generated catalog ({@link HaidianCatalog}: 35 department bundles with 1,578 matters and 4 bundles with 256
 * function groups) by writing the bundles into {@code deploy/}, and measures the time until all are accepted and
 * available, the platform's heap after a full GC, and the latencies of the catalog's pages and JSON calls. Then it takes
 * the bundles away again and repeats, R times in all. Not a test.
 *
 * <p>Options (from the {@code bench} profile): {@code --repetitions R} (default 3) and {@code --warmup W} (default 300)
 * requests per call before each round's figures; the samples per call and round are {@code -Dtanghulu.catalog.samples}
 * (default 1000). Extra JVM options of the platform (a flight recording): {@code -Dtanghulu.it.jvmOptions}.
 */
public final class CatalogBenchmark {

    /** What the applicant types into the portal's search, in turn: names, themes, departments, both languages, a miss. */
    private static final List<String> SEARCHES = List.of("餐饮", "restaurant", "开办", "pharmacy", "退休", "有限责任公司",
            "海淀区", "clinic", "Build a", "告知承诺", "一件事", "no-such-thing", "科学技术委员会", "licence");

    private final int repetitions;
    private final int warmup;
    private final int samples = Integer.getInteger("tanghulu.catalog.samples", 1000);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final HaidianCatalog.Catalog catalog = HaidianCatalog.generate();
    private Distribution karaf;

    /** One call's latencies in one round. */
    record Call(String name, Benchmark.Stats stats) {
    }

    /** One round: install to accepted, heap, calls. */
    record Round(long acceptMillis, long heapUsedKb, long heapCommittedKb, List<Call> calls) {
    }

    private CatalogBenchmark(Map<String, String> o) {
        repetitions = Integer.parseInt(o.getOrDefault("repetitions", "3"));
        warmup = Integer.parseInt(o.getOrDefault("warmup", "300"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.exit(new CatalogBenchmark(options).run());
    }

    private int run() throws Exception {
        if (System.getProperty("tanghulu.distribution") == null) {
            System.setProperty("tanghulu.distribution", Path.of("distribution/target/tanghulu-distribution-0.1.0-SNAPSHOT.tar.gz")
                    .toAbsolutePath().toString());
        }
        List<Round> rounds = new ArrayList<>();
        try (Distribution d = new Distribution("bench-haidian", Map.of())) {
            karaf = d;
            String jvm = System.getProperty("tanghulu.it.jvmOptions");
            if (jvm != null && !jvm.isBlank()) { // bin/karaf reads bin/setenv
                Files.writeString(d.home.resolve("bin/setenv"), "\nexport EXTRA_JAVA_OPTS=\"${EXTRA_JAVA_OPTS:-} " + jvm + "\"\n",
                        java.nio.file.StandardOpenOption.APPEND);
            }
            System.out.printf("== platform up after %d ms%n", d.start().toMillis());
            Thread.sleep(5_000); // let the boot settle
            long[] before = heap();
            System.out.printf("== heap before the Haidian catalog, after a full GC: %d MB used, %d MB committed%n",
                    before[0] / 1024, before[1] / 1024);
            Path staging = d.home.resolve("haidian-bundles");
            Files.createDirectories(staging);
            List<Path> jars = write(staging);
            for (int r = 1; r <= repetitions; r++) {
                Round round = round(r, jars, before);
                rounds.add(round);
                if (r < repetitions) {
                    uninstall(jars);
                }
            }
            report(before, rounds);
        }
        return 0;
    }

    /** Writes the 39 bundles once; each round copies them into deploy/. */
    private List<Path> write(Path dir) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (DepartmentDefinition dep : catalog.departments()) {
            Path jar = dir.resolve("haidian-" + dep.id() + ".jar");
            TestBundles.department(jar, dep.id(), GeneratedDepartment.class, HaidianCatalog.json(dep));
            jars.add(jar);
        }
        int n = 1;
        for (List<FunctionGroup> groups : catalog.groupBundles()) {
            Path jar = dir.resolve("haidian-groups-" + n + ".jar");
            TestBundles.functionGroups(jar, "haidian-groups-" + n, GeneratedGroups.class, HaidianCatalog.json(groups));
            jars.add(jar);
            n++;
        }
        return jars;
    }

    private Round round(int r, List<Path> jars, long[] before) throws Exception {
        Path deploy = karaf.home.resolve("deploy");
        long start = System.nanoTime();
        for (Path jar : jars) {
            Path part = deploy.resolve(jar.getFileName() + ".part");
            Files.copy(jar, part);
            Files.move(part, deploy.resolve(jar.getFileName())); // appear whole
        }
        long deadline = start + Duration.ofMinutes(5).toNanos();
        while (!allAccepted()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Haidian catalog was not accepted within 5 minutes: "
                        + karaf.get("/api/departments").body());
            }
            Thread.sleep(100);
        }
        long acceptMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("== round %d: 35 departments and 256 groups accepted and available %d ms after the bundles were"
                + " dropped into deploy/%n", r, acceptMillis);
        long[] heap = heap();
        System.out.printf("   heap after a full GC: %d MB used (%+d MB against before), %d MB committed%n", heap[0] / 1024,
                (heap[0] - before[0]) / 1024, heap[1] / 1024);

        List<FunctionGroup> groups = catalog.groups();
        Map<String, IntFunction<String>> calls = new LinkedHashMap<>();
        // the machine's floor: a static file of the portal, through the same servlet, without the catalog
        calls.put("static file GET /static/app/portal.js", i -> "/static/app/portal.js");
        calls.put("catalog page GET /", i -> "/");
        calls.put("catalog JSON GET /api/groups", i -> "/api/groups");
        calls.put("search GET /?q=", i -> "/?q=" + URLEncoder.encode(SEARCHES.get(i % SEARCHES.size()), StandardCharsets.UTF_8));
        calls.put("group page GET /groups/{id}", i -> "/groups/" + groups.get(i % groups.size()).id());
        calls.put("flow chart JSON GET /api/groups/{id}/chart", i -> "/api/groups/" + groups.get(i % groups.size()).id() + "/chart");
        calls.put("unified form JSON GET /api/groups/{id}/form", i -> "/api/groups/" + groups.get(i % groups.size()).id() + "/form");
        List<Call> results = new ArrayList<>();
        for (var call : calls.entrySet()) {
            for (int i = 0; i < warmup; i++) {
                time(call.getValue().apply(i * 7 + 3));
            }
        }
        for (var call : calls.entrySet()) {
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                nanos.add(time(call.getValue().apply(i)));
            }
            Benchmark.Stats s = Benchmark.Stats.of(nanos);
            results.add(new Call(call.getKey(), s));
            System.out.printf("   %-45s p50 %6.2f ms  p99 %6.2f ms  (%d)%n", call.getKey(), s.p50(), s.p99(), s.count());
        }
        return new Round(acceptMillis, heap[0], heap[1], results);
    }

    private long time(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(karaf.portal(path))).header("Accept-Language", "zh-CN")
                .timeout(Duration.ofSeconds(30)).build();
        long t = System.nanoTime();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - t;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return took;
    }

    /** @return whether every generated department is ACTIVE and every generated group available; fails on a refusal */
    private boolean allAccepted() throws IOException {
        JsonNode departments = Distribution.JSON.readTree(karaf.get("/api/departments").body());
        int active = 0;
        for (JsonNode dep : departments) {
            if (dep.get("id").asText().startsWith("hd")) {
                String state = dep.get("state").asText();
                if ("REFUSED".equals(state)) {
                    throw new IllegalStateException("department " + dep.get("id").asText() + " refused: " + dep.get("problems"));
                }
                active += "ACTIVE".equals(state) ? 1 : 0;
            }
        }
        if (active < catalog.departments().size()) {
            return false;
        }
        HttpResponse<String> r = karaf.get("/api/groups");
        if (r.statusCode() != 200) {
            return false;
        }
        int available = 0;
        for (JsonNode g : Distribution.JSON.readTree(r.body())) {
            available += g.get("id").asText().startsWith("hd-") && g.get("available").asBoolean() ? 1 : 0;
        }
        return available == catalog.groups().size();
    }

    /** Takes the bundles out of deploy/ and waits until the generated departments and groups are gone. */
    private void uninstall(List<Path> jars) throws Exception {
        for (Path jar : jars) {
            Files.deleteIfExists(karaf.home.resolve("deploy").resolve(jar.getFileName()));
        }
        Distribution.await(Duration.ofMinutes(3), "the Haidian catalog to leave", () -> {
            try {
                JsonNode departments = Distribution.JSON.readTree(karaf.get("/api/departments").body());
                for (JsonNode dep : departments) {
                    if (dep.get("id").asText().startsWith("hd")) {
                        return false;
                    }
                }
                for (JsonNode g : Distribution.JSON.readTree(karaf.get("/api/groups").body())) {
                    if (g.get("id").asText().startsWith("hd-")) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        Thread.sleep(2_000);
    }

    /** @return used and committed heap of the platform's JVM in KB, after a full GC ({@code jcmd GC.run}) */
    private long[] heap() throws Exception {
        long pid = karafPid();
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figures in: " + info);
        }
        return new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(1))};
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** The platform's Karaf JVM: the process whose command line is Karaf's main class in this platform's home. */
    private long karafPid() throws IOException {
        String home = karaf.home.toAbsolutePath().toString();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains("org.apache.karaf.main.Main") && cmd.contains(home)) {
                        return Long.parseLong(proc.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        }
        throw new IllegalStateException("no Karaf JVM of " + home);
    }

    private void report(long[] before, List<Round> rounds) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Haidian catalog: %d departments, %d matters, %d groups; %d rounds, %d warm-up and %d"
                + " timed requests per call and round, one client thread%n%n", catalog.departments().size(), catalog.matters(),
                catalog.groups().size(), rounds.size(), warmup, samples));
        md.append("| round | accepted after (ms) | heap used after GC (MB) | heap added by the catalog (MB) | heap committed (MB) |\n");
        md.append("|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f |%n", i + 1, r.acceptMillis(), r.heapUsedKb() / 1024.0,
                    (r.heapUsedKb() - before[0]) / 1024.0, r.heapCommittedKb() / 1024.0));
        }
        md.append(String.format(Locale.ROOT, "%nHeap before the catalog, after a full GC: %.1f MB used.%n%n", before[0] / 1024.0));
        md.append("| call | p50 (ms), median of rounds | p99 (ms), median of rounds | p99 of each round (ms) |\n");
        md.append("|---|---:|---:|---|\n");
        for (int c = 0; c < rounds.get(0).calls().size(); c++) {
            int call = c;
            List<Double> p50 = rounds.stream().map(r -> r.calls().get(call).stats().p50()).sorted().toList();
            List<Double> p99 = rounds.stream().map(r -> r.calls().get(call).stats().p99()).toList();
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s |%n", rounds.get(0).calls().get(c).name(),
                    p50.get(p50.size() / 2), p99.stream().sorted().toList().get(p99.size() / 2),
                    String.join(", ", p99.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList())));
        }
        List<Long> accept = rounds.stream().map(Round::acceptMillis).sorted().toList();
        md.append(String.format(Locale.ROOT, "%nMedian time until accepted: %d ms.%n", accept.get(accept.size() / 2)));
        System.out.println();
        System.out.println(md);
        Path out = Path.of(System.getProperty("tanghulu.it.work", "target/bench-karaf")).resolve("catalog-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("(also in " + out.toAbsolutePath() + ")");
    }
}
