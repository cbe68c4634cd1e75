package org.tanghulu.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real Tanghulu distribution, unpacked from the build's tar.gz into a fresh folder,
 * on free ports, and run as its own process: driven over HTTP and the SSH console the
 * way an admin and a client would.
 *
 * <p><b>One platform for most test classes.</b> Booting costs half a minute, so a class that
 * needs no fresh platform uses {@link #shared()}: booted once per test JVM (all IT classes run in
 * one failsafe JVM, one class after the other), with every account of {@link #SHARED_STAFF}, on
 * the database of {@code -Dtanghulu.it.database} (PostgreSQL database {@code tanghulu_it_shared}),
 * stopped when the JVM ends. Joining it is one line in {@code @BeforeAll}:
 * <pre>{@code karaf = Distribution.shared();}</pre>
 * {@link #close()} does nothing on it, so an {@code @AfterAll} that closes its platform may stay.
 * A class on the shared platform must leave it as it found it (a department or group it uninstalls
 * is installed again, deploy/ files it drops are removed, nothing is restarted) and must not assert
 * global figures (all tasks, statistics, "nothing overdue") as absolute values: other classes' cases
 * are there too, so it compares before and after, or looks at its own cases only. An account it
 * locks out (login throttling) is its own: add it to {@link #SHARED_STAFF}; every class logs in from
 * 127.0.0.1, so a class that trips a lockout per client address, or runs long (the reliability suite),
 * boots its own platform.
 * A class that restarts, kills, reconfigures before start or uninstalls the platform's own parts
 * boots its own with {@code new Distribution(...)} and {@link #start()}, and closes it.
 */
final class Distribution implements AutoCloseable {

    static final String ADMIN = "itadmin";
    static final String PASSWORD = "it-" + Long.toHexString(System.nanoTime()) + "-secret";
    /** The password of every staff account made by {@link #staff}. */
    static final String STAFF_PASSWORD = "staff-" + Long.toHexString(System.nanoTime()) + "-pw";
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The staff accounts of {@link #shared()} (name to roles), all with {@link #STAFF_PASSWORD}: an officer
     * {@code officer-<department>} of each demo department, supervisors, and the accounts classes keep for themselves.
     */
    static final Map<String, List<String>> SHARED_STAFF = sharedStaff();
    private static Distribution shared;
    private static Throwable sharedFailure;

    final Path home;
    final int httpPort = freePort();
    final int deskPort = freePort();
    final int sshPort = freePort();
    final int rmiRegistryPort = freePort();
    final int rmiServerPort = freePort();
    private final Map<String, String> staffTokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private boolean isShared;

    private static Map<String, List<String>> sharedStaff() {
        Map<String, List<String>> staff = new java.util.LinkedHashMap<>();
        for (String d : List.of("aic", "zgc", "psb", "qts", "ltax", "ntax", "stats", "lss", "commerce", "safe")) {
            staff.put("officer-" + d, List.of("officer-" + d));
        }
        staff.put("officer-aic-2", List.of("officer-aic"));
        staff.put("it-supervisor", List.of("supervisor"));
        staff.put("it-psb-supervisor", List.of("officer-psb", "supervisor"));
        // the comprehensive window's clerk (WindowIT, AuthorizationIT)
        staff.put("it-window-clerk", List.of("window-clerk"));
        // WebIT locks this one out on the desk
        staff.put("web-guessed", List.of("officer-aic"));
        return java.util.Collections.unmodifiableMap(staff);
    }

    /**
     * The platform shared by the test classes that need no fresh one (see the class comment): booted on the first
     * call, stopped when the test JVM ends. A failed boot fails every later call at once.
     */
    static synchronized Distribution shared() throws Exception {
        if (sharedFailure != null) {
            throw new IllegalStateException("the shared platform did not boot", sharedFailure);
        }
        if (shared == null) {
            try {
                Distribution d = new Distribution("shared-" + ItDatabase.kind(), ItDatabase.datasource("tanghulu_it_shared"));
                for (var account : SHARED_STAFF.entrySet()) {
                    d.staff(account.getKey(), account.getValue().toArray(String[]::new));
                }
                Duration took = d.start();
                System.out.println("Shared platform answered /api/health after " + took.toMillis() + " ms");
                d.isShared = true; // start() made sure the JVM's end ends it
                shared = d;
            } catch (Exception | AssertionError e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** Unpacks the distribution, moves it to free ports, points it at the database and adds a console admin. */
    Distribution(String name, Map<String, String> datasource) throws Exception {
        Path work = Path.of(System.getProperty("tanghulu.it.work", "target/karaf")).resolve(name + "-" + System.nanoTime());
        Files.createDirectories(work);
        run(work, List.of("tar", "xzf", System.getProperty("tanghulu.distribution"), "-C", work.toString()), Map.of());
        try (var dirs = Files.list(work)) {
            home = dirs.findFirst().orElseThrow();
        }
        edit("org.ops4j.pax.web.cfg", Map.of("org.osgi.service.http.port", String.valueOf(httpPort)));
        edit("system.properties", Map.of("tanghulu.desk.port", String.valueOf(deskPort)));
        edit("org.apache.karaf.shell.cfg", Map.of("sshPort", String.valueOf(sshPort)));
        edit("org.apache.karaf.management.cfg", Map.of("rmiRegistryPort", String.valueOf(rmiRegistryPort),
                "rmiServerPort", String.valueOf(rmiServerPort)));
        edit("org.ops4j.datasource-tanghulu.cfg", datasource);
        String out = run(home, List.of("bin/tanghulu-admin", ADMIN), Map.of("TANGHULU_ADMIN_PASSWORD", PASSWORD));
        if (!out.contains("Console administrator '" + ADMIN + "' set")) {
            fail("tanghulu-admin did not confirm: " + out);
        }
    }

    /**
     * Adds a member of staff with {@code bin/tanghulu-admin} (before {@link #start()}, as an admin
     * setting up would), password {@link #STAFF_PASSWORD}, no console access.
     *
     * @param roles {@code officer-<department>} and/or {@code supervisor}
     */
    void staff(String name, String... roles) throws Exception {
        List<String> command = new ArrayList<>(List.of("bin/tanghulu-admin", name));
        command.addAll(List.of(roles));
        String out = run(home, command, Map.of("TANGHULU_ADMIN_PASSWORD", STAFF_PASSWORD));
        if (!out.contains("Staff account '" + name + "' set")) {
            fail("tanghulu-admin did not confirm the staff account: " + out);
        }
    }

    /**
     * Logs a member of staff made by {@link #staff} in to the API once ({@code POST /api/staff/login})
     * and keeps the token: later calls answer the same header.
     *
     * @return the value for the {@code Authorization} header, {@code Bearer <token>}
     */
    String staffAuthorization(String name) throws IOException {
        String known = staffTokens.get(name);
        if (known == null) {
            HttpResponse<String> r = staffLogin(name, STAFF_PASSWORD);
            assertEquals(200, r.statusCode(), () -> "login of " + name + ": " + r.body());
            known = "Bearer " + JSON.readTree(r.body()).get("token").asText();
            staffTokens.put(name, known);
        }
        return known;
    }

    /** {@code POST /api/staff/login} with this name and password, whatever it answers. */
    HttpResponse<String> staffLogin(String name, String password) throws IOException {
        return send("POST", "/api/staff/login", JSON.createObjectNode().put("user", name).put("password", password).toString());
    }

    /** Sets keys in an etc/ file, keeping every other line. */
    void edit(String file, Map<String, String> values) throws IOException {
        Path cfg = home.resolve("etc").resolve(file);
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg)) : new ArrayList<>();
        for (var e : values.entrySet()) {
            Pattern key = Pattern.compile("^\\s*" + Pattern.quote(e.getKey()) + "\\s*=.*");
            lines.removeIf(l -> key.matcher(l).matches());
            lines.add(e.getKey() + " = " + e.getValue());
        }
        Files.write(cfg, lines);
    }

    /** Starts {@code bin/karaf server} and waits until {@code /api/health} answers 200; returns how long that took. */
    Duration start() throws Exception {
        return start("bin/karaf", Map.of());
    }

    /** The demo front-end processor's database port ({@link #startDemo}), or 0 before the first start. */
    int frontEndPort;
    /** A RabbitMQ URI on which the demo's front-end processor answers too ({@link #startDemo}), or {@code null}. */
    String demoAmqp;

    /**
     * Starts the README's demo ({@code bin/tanghulu-demo server}: the demo department system of stats and
     * qts on {@code systemPort}, then the platform) and waits as {@link #start()} does.
     */
    Duration startDemo(int systemPort) throws Exception {
        if (frontEndPort == 0) {
            frontEndPort = freePort(); // the same on every start: the link in the database names it
        }
        Map<String, String> env = new java.util.HashMap<>(Map.of("TANGHULU_DEMO_SYSTEM_PORT", String.valueOf(systemPort),
                "TANGHULU_DEMO_FRONT_END_PORT", String.valueOf(frontEndPort)));
        if (demoAmqp != null) {
            env.put("TANGHULU_DEMO_AMQP", demoAmqp);
        }
        String jvm = System.getProperty("tanghulu.it.jvmOptions"); // e.g. a flight recording, for the benchmark
        if (jvm != null && !jvm.isBlank()) {
            env.put("EXTRA_JAVA_OPTS", jvm);
        }
        return start("bin/tanghulu-demo", env);
    }

    private Duration start(String script, Map<String, String> env) throws Exception {
        Instant begin = Instant.now();
        ProcessBuilder builder = new ProcessBuilder(home.resolve(script).toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        builder.environment().putAll(env);
        process = builder.start();
        Process started = process;
        // a test JVM that dies must not leave a platform running on the machine
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }));
        await(Duration.ofSeconds(180), "the platform to answer /api/health with 200", () -> {
            try {
                return get("/api/health").statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        Duration took = Duration.between(begin, Instant.now());
        // the desk's pages come up on their own connector, possibly a moment after the API: a test logs in there next
        await(Duration.ofSeconds(60), "the desk to serve its login page", () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(desk("/login"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return took;
    }

    /**
     * @return the CPU time (user and system) the platform's JVM has used so far, from {@code /proc}; the demo's
     *         department system, a process of its own, is not counted
     */
    long platformCpuMillis() throws IOException {
        ProcessHandle jvm = process.descendants().filter(p -> {
            try {
                return Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).contains("org.apache.karaf.main.Main");
            } catch (IOException gone) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new IllegalStateException("no Karaf JVM among the platform's processes"));
        String stat = Files.readString(Path.of("/proc/" + jvm.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime in ticks of 10 ms (CLK_TCK 100)
    }

    /** Stops the platform the way an admin does (SIGTERM to Karaf's JVM) and waits until every process of it has ended. */
    void stop() throws InterruptedException {
        end(false);
    }

    /**
     * Crashes the platform: SIGKILL to Karaf's JVM and every process it started, all at once (no
     * shutdown hook, no clean close of the database), then waits until they have ended.
     */
    void kill() throws InterruptedException {
        end(true);
    }

    private void end(boolean crash) throws InterruptedException {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(crash ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
            for (ProcessHandle p : all) {
                try {
                    p.onExit().get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    all.forEach(ProcessHandle::destroyForcibly);
                    fail("Karaf did not " + (crash ? "die" : "stop") + " within 60 s");
                }
            }
        }
        process = null;
    }

    /**
     * The header that authenticates a member of staff ({@link #STAFF_PASSWORD}) to the JSON API, as
     * {@link #send} takes it: a bearer token from one {@code POST /api/staff/login} per user, remembered.
     *
     * @return header name, value
     */
    String[] staffAuth(String user) {
        try {
            return new String[] {"Authorization", staffAuthorization(user)};
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return the URL of {@code path} on the portal port (pages and the JSON API) */
    String portal(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** @return the URL of {@code path} below the desk's {@code /desk} on the desk port */
    String desk(String path) {
        return "http://127.0.0.1:" + deskPort + "/desk" + path;
    }

    /** @return a demo file the distribution ships in {@code demo/}, e.g. {@code enterprise-establishment-outputs.json} */
    JsonNode demo(String file) throws IOException {
        return JSON.readTree(home.resolve("demo").resolve(file).toFile());
    }

    HttpResponse<String> get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(portal(path)))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * Any request over HTTP/1.1.
     *
     * @param body sent as {@code application/json}; {@code null} for none
     * @param headers name, value, name, value...
     */
    HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal(path)))
                .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** GET that must answer 200 with JSON. */
    JsonNode json(String path) throws IOException {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), () -> path + " answered " + r.statusCode() + ": " + r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return JSON.readTree(r.body());
    }

    /** Runs a console command over SSH ({@code bin/client}) as the admin and returns what it printed. */
    String console(String command) throws Exception {
        return run(home, client(command), Map.of());
    }

    /** Runs a console command and returns what it printed, whether it failed or not. */
    String consoleAny(String command) throws Exception {
        return runRaw(home, client(command), Map.of()).out();
    }

    /** Runs a console command that must fail, and returns what the admin is told. */
    String consoleError(String command) throws Exception {
        Ran r = runRaw(home, client(command), Map.of());
        assertNotEquals(0, r.exit(), () -> command + " succeeded: " + r.out());
        return r.out();
    }

    private List<String> client(String command) {
        return List.of("bin/client", "-h", "127.0.0.1", "-a", String.valueOf(sshPort), "-u", ADMIN, "-p", PASSWORD,
                "-r", "10", "-d", "2", command);
    }

    /** @return whether a console login with these credentials is refused */
    boolean consoleFails(String user, String password) throws Exception {
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a",
                String.valueOf(sshPort), "-u", user, "-p", password, "-r", "1", "bundle:list")
                .directory(home.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() != 0;
    }

    /** The service.id of the (single) service of this type: a new id means the service was re-registered. */
    long serviceId(String type) throws Exception {
        Matcher m = Pattern.compile("service\\.id = (\\d+)").matcher(console("service:list " + type));
        if (!m.find()) {
            fail("no service " + type);
        }
        return Long.parseLong(m.group(1));
    }

    /** Lines of data/log/karaf.log containing the text. */
    long logCount(String text) throws IOException {
        return logLines(text).size();
    }

    /** @return the lines of {@code data/log/karaf.log} that contain {@code text}, for counting or for a failure's message */
    List<String> logLines(String text) throws IOException {
        try (var lines = Files.lines(home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).toList();
        }
    }

    /** A value to poll for; may throw while the platform is not ready. */
    interface Check<T> {
        T get() throws Exception;
    }

    /** For polling: whether the check answers the expected value now; a failing check is "not yet". */
    static <T> boolean is(T expected, Check<T> check) {
        try {
            return expected.equals(check.get());
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    static void await(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                fail("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(250);
        }
    }

    private static String run(Path dir, List<String> command, Map<String, String> env) throws Exception {
        Ran r = runRaw(dir, command, env);
        if (r.exit() != 0) {
            fail(String.join(" ", command.subList(0, Math.min(2, command.size()))) + " exited " + r.exit() + ": " + r.out());
        }
        return r.out();
    }

    record Ran(int exit, String out) {
    }

    static Ran runRaw(Path dir, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command.get(0) + " did not finish: " + out);
        }
        return new Ran(p.exitValue(), out);
    }

    /** @return a port free now and never handed out before in this JVM (the system may give one port twice in a row) */
    static synchronized int freePort() {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    /** Stops the platform, unless it is the {@link #shared()} one, which runs until the test JVM ends. */
    @Override
    public void close() throws InterruptedException {
        if (!isShared) {
            stop();
        }
    }
}
