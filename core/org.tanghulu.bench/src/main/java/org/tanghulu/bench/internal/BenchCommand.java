package org.tanghulu.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.Submission;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code tanghulu:bench}: drives whole cases through the engine in this JVM and prints
 * throughput and latencies, plus one machine-readable line starting {@value #RESULT}.
 * It creates real cases in the platform's database: run it on a benchmark platform only.
 */
@Service
@Command(scope = "tanghulu", name = "bench", description = "Benchmark: drives N whole cases through the engine in-process; "
        + "prints throughput and p50/p99 of submit, work-list query and task completion. Creates real cases.")
public class BenchCommand implements Action {

    /** The prefix of the machine-readable result line. */
    static final String RESULT = "BENCH-RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(name = "--cases", aliases = "-n", description = "How many whole cases to drive (default 50)")
    int count = 50;

    @Option(name = "--threads", aliases = "-t", description = "Worker threads, each driving one case at a time (default 2)")
    int threads = 2;

    @Option(name = "--application", description = "The application to submit, a Submission as JSON without submissionKey "
            + "(default ${karaf.home}/demo/enterprise-establishment-application.json)")
    String application;

    @Option(name = "--outputs", description = "Each matter's outputs by \"department/matter\", as JSON "
            + "(default ${karaf.home}/demo/enterprise-establishment-outputs.json)")
    String outputs;

    @Reference
    private Cases cases;

    @Override
    public Object execute() throws Exception {
        if (count < 1 || threads < 1) {
            throw new IllegalArgumentException("--cases and --threads must be at least 1.");
        }
        String home = System.getProperty("karaf.home", ".");
        Submission submission = submission(file(application, home, "demo/enterprise-establishment-application.json"));
        Map<String, Map<String, String>> given = JSON.readValue(
                file(outputs, home, "demo/enterprise-establishment-outputs.json").toFile(), new TypeReference<>() { });
        EngineBench.Result r = new EngineBench(cases, submission, given).run(count, threads);
        print(r, System.out);
        if (!r.failures().isEmpty()) {
            throw new IllegalStateException(r.failures().size() + " of " + r.cases() + " case(s) did not complete; first: "
                    + r.failures().get(0));
        }
        return null;
    }

    private static Path file(String given, String home, String fallback) {
        Path p = given != null ? Path.of(given) : Path.of(home).resolve(fallback);
        if (!Files.isReadable(p)) {
            throw new IllegalArgumentException("Cannot read " + p + ".");
        }
        return p;
    }

    /** Reads a Submission (without submissionKey) from JSON. */
    static Submission submission(Path file) throws IOException {
        JsonNode n = JSON.readTree(file.toFile());
        Map<String, String> values = new LinkedHashMap<>();
        n.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        Set<String> materials = new LinkedHashSet<>();
        n.path("materials").forEach(m -> materials.add(m.asText()));
        return new Submission(n.path("group").asText(null), null,
                n.hasNonNull("applicantType") ? ApplicantType.valueOf(n.get("applicantType").asText()) : null,
                n.path("applicantName").asText(null), values, materials, n.path("contactPhone").asText(null),
                n.path("contactEmail").asText(null), null);
    }

    static void print(EngineBench.Result r, PrintStream out) throws IOException {
        out.printf("Cases:      %d (%d completed, %d failed)%n", r.cases(), r.completed(), r.failures().size());
        out.printf("Threads:    %d%n", r.threads());
        out.printf("Wall:       %.3f s%n", r.wallSeconds());
        out.printf("Throughput: %.2f cases/s%n", r.throughput());
        out.printf("%-12s %7s %9s %9s %9s%n", "Operation", "count", "p50 ms", "p99 ms", "mean ms");
        line(out, "submit", r.submit());
        line(out, "work-list", r.workList());
        line(out, "completion", r.completion());
        if (!r.workListMisses().isEmpty()) {
            out.printf("Work-list misses: %d (a READY task missing from its department's work list)%n", r.workListMisses().size());
        }
        r.workListMisses().stream().limit(20).forEach(m -> out.println("MISSED " + m));
        r.failures().stream().limit(20).forEach(f -> out.println("FAILED " + f));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", "in-process");
        json.put("cases", r.cases());
        json.put("threads", r.threads());
        json.put("completed", r.completed());
        json.put("failures", r.failures().size());
        json.put("workListMisses", r.workListMisses().size());
        json.put("wallSeconds", round(r.wallSeconds()));
        json.put("throughput", round(r.throughput()));
        json.put("submit", stats(r.submit()));
        json.put("workList", stats(r.workList()));
        json.put("completion", stats(r.completion()));
        out.println(RESULT + JSON.writeValueAsString(json));
    }

    private static void line(PrintStream out, String name, Latencies l) {
        out.printf("%-12s %7d %9.2f %9.2f %9.2f%n", name, l.count(), l.percentileMillis(50), l.percentileMillis(99),
                l.meanMillis());
    }

    private static Map<String, Object> stats(Latencies l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", l.count());
        m.put("p50", round(l.percentileMillis(50)));
        m.put("p99", round(l.percentileMillis(99)));
        m.put("mean", round(l.meanMillis()));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
