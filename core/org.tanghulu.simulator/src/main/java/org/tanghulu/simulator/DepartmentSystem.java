package org.tanghulu.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A department's own IT system as the Tanghulu platform sees it in DIRECT exchange mode: it takes signed
 * {@code POST /{department}} requests, answers them (at once, or ACCEPTED and later by a signed callback), and can be
 * made slow, failing, unreachable, duplicating or lying. See README.md for the protocol and the switches.
 *
 * <p>Run it with {@link #main}, or in-process with {@link #start}; the setters change its behaviour while it runs.
 */
public final class DepartmentSystem {

    /** Header with the signed epoch seconds. */
    public static final String TIMESTAMP = "X-Tanghulu-Timestamp";
    /** Header with the signature, see {@link #sign}. */
    public static final String SIGNATURE = "X-Tanghulu-Signature";

    /** The path after the department's for held results. */
    static final String VERIFICATIONS = "/verifications";
    /** The path after the department's for base-registry lookups. */
    static final String LOOKUPS = "/lookups";
    static final String REJECTION = "模拟：不予登记 (simulated rejection)";
    static final String CORRECTION = "模拟：请补正 (simulated correction request)";
    private static final long MAX_SKEW_SECONDS = 300;
    private static final int CALLBACK_RETRIES = 5;
    private static final Set<String> DECISIONS = Set.of("APPROVED", "REJECTED", "CORRECTION");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> secrets = new LinkedHashMap<>();
    private JsonNode outputs = JSON.createObjectNode();
    private JsonNode held = JSON.createObjectNode();
    private JsonNode registry = JSON.createObjectNode();
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon("department-system"));
    private final ScheduledExecutorService callbacks = Executors.newScheduledThreadPool(4, daemon("department-callback"));
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, ObjectNode> answers = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<Integer> callbackStatuses = new CopyOnWriteArrayList<>();

    private volatile long slowMillis;
    private volatile long callbackDelayMillis = 500;
    private volatile boolean failing;
    private volatile boolean callbackMode;
    private volatile boolean duplicate;
    private volatile boolean lie;
    private volatile String decision = "APPROVED";

    private HttpServer server; // null while down; guarded by this
    private int port;
    private final List<String> frontEndDepartments = new java.util.ArrayList<>();
    private int frontEndPort = -1;
    private String frontEndAmqp;
    private Path frontEndDirectory = Path.of("front-end");
    private FrontEndProcessor frontEnd;

    private DepartmentSystem() {
    }

    /** A system that only decides (no port, no department): for {@link DiskResults}. */
    static DepartmentSystem deciding(JsonNode outputs) {
        DepartmentSystem s = new DepartmentSystem();
        if (outputs != null) {
            s.outputs = outputs;
        }
        return s;
    }

    /** Runs the system until the process is killed; see README.md for the switches. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && (args[0].equals("--disk-results") || args[0].equals("--disk-keygen"))) {
            System.exit(disk(args));
            return;
        }
        DepartmentSystem system;
        try {
            system = start(args);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("department-system: " + e.getMessage());
            System.err.println("usage: --port N --department ID=SECRETFILE|--secret ID=SECRET ... [--outputs FILE]"
                    + " [--held FILE] [--registry FILE] [--callback] [--callback-delay MS] [--slow MS] [--fail] [--duplicate] [--lie]"
                    + " [--reject|--correction] [--front-end PORT|--front-end-amqp URI --front-end-department ID ..."
                    + " [--front-end-dir DIR]]");
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(system::stop));
        new CountDownLatch(1).await();
    }

    /**
     * Parses the command-line switches and starts listening.
     *
     * @throws IllegalArgumentException on a bad switch, an unreadable file or no department
     * @throws UncheckedIOException     if the port cannot be bound
     */
    public static DepartmentSystem start(String... args) {
        DepartmentSystem system = new DepartmentSystem();
        int port = system.configure(args);
        synchronized (system) {
            system.listen(port);
            if (!system.frontEndDepartments.isEmpty()) {
                system.frontEnd = new FrontEndProcessor(system, system.frontEndPort, system.frontEndAmqp, system.frontEndDirectory,
                        system.frontEndDepartments).start();
                System.out.println("Front-end processor of " + String.join(", ", system.frontEndDepartments) + " at "
                        + system.frontEnd.url());
            }
        }
        System.out.println("Department system listening on port " + system.port());
        System.out.flush();
        return system;
    }

    /**
     * The offline-media mode: {@code --disk-keygen PREFIX} writes PREFIX.key and PREFIX.pub (hex);
     * {@code --disk-results BATCH --private-key FILE --out FILE [--outputs FILE] [--reject|--correction]
     * [--forge|--truncate|--unsigned|--duplicate|--lie]} writes the signed result file of a batch.
     *
     * @return the exit code
     */
    static int disk(String[] args) {
        try {
            if (args[0].equals("--disk-keygen")) {
                String prefix = value(args, 1, args[0]);
                String[] pair = DiskResults.keyPair();
                Files.writeString(Path.of(prefix + ".key"), pair[0] + "\n");
                Files.writeString(Path.of(prefix + ".pub"), pair[1] + "\n");
                System.out.println("SM2 key pair written to " + prefix + ".key and " + prefix + ".pub; register the public key with"
                        + " tanghulu:exchange-link --disk --public-key " + pair[1] + " <department>");
                return 0;
            }
            Path batch = Path.of(value(args, 1, args[0]));
            Path key = null;
            Path out = null;
            JsonNode outputs = null;
            String decision = "APPROVED";
            DiskResults.Fault fault = DiskResults.Fault.NONE;
            for (int i = 2; i < args.length; i++) {
                switch (args[i]) {
                    case "--private-key" -> key = Path.of(value(args, ++i, args[i - 1]));
                    case "--out" -> out = Path.of(value(args, ++i, args[i - 1]));
                    case "--outputs" -> outputs = JSON.readTree(read(Path.of(value(args, ++i, args[i - 1]))));
                    case "--reject" -> decision = "REJECTED";
                    case "--correction" -> decision = "CORRECTION";
                    case "--forge", "--truncate", "--unsigned", "--duplicate", "--lie" ->
                            fault = DiskResults.Fault.valueOf(args[i].substring(2).toUpperCase(java.util.Locale.ROOT));
                    default -> throw new IllegalArgumentException("unknown switch " + args[i]);
                }
            }
            if (key == null || out == null) {
                throw new IllegalArgumentException("--disk-results BATCH needs --private-key FILE and --out FILE");
            }
            byte[] file = DiskResults.write(Files.readAllBytes(batch), read(key).strip(), decision, outputs, fault);
            Files.write(out, file, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            System.out.println("Result file written to " + out + (fault == DiskResults.Fault.NONE ? "" : " (fault: " + fault + ")"));
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("department-system: " + e.getMessage());
            System.err.println("usage: --disk-keygen PREFIX | --disk-results BATCH --private-key FILE --out FILE [--outputs FILE]"
                    + " [--reject|--correction] [--forge|--truncate|--unsigned|--duplicate|--lie]");
            return 2;
        }
    }

    private int configure(String[] args) {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, arg));
                case "--department" -> {
                    String[] d = pair(value(args, ++i, arg));
                    secret(d[0], read(Path.of(d[1])).trim());
                }
                case "--secret" -> {
                    String[] d = pair(value(args, ++i, arg));
                    secret(d[0], d[1]);
                }
                case "--outputs" -> {
                    try {
                        outputs = JSON.readTree(read(Path.of(value(args, ++i, arg))));
                    } catch (IOException e) {
                        throw new IllegalArgumentException("outputs file is not JSON: " + e.getMessage(), e);
                    }
                }
                case "--held" -> {
                    try {
                        held = JSON.readTree(read(Path.of(value(args, ++i, arg))));
                    } catch (IOException e) {
                        throw new IllegalArgumentException("held results file is not JSON: " + e.getMessage(), e);
                    }
                }
                case "--registry" -> {
                    try {
                        registry = JSON.readTree(read(Path.of(value(args, ++i, arg))));
                    } catch (IOException e) {
                        throw new IllegalArgumentException("registry file is not JSON: " + e.getMessage(), e);
                    }
                }
                case "--callback" -> callbackMode = true;
                case "--callback-delay" -> callbackDelayMillis = Long.parseLong(value(args, ++i, arg));
                case "--slow" -> slowMillis = Long.parseLong(value(args, ++i, arg));
                case "--fail" -> failing = true;
                case "--duplicate" -> duplicate = true;
                case "--lie" -> lie = true;
                case "--front-end" -> frontEndPort = Integer.parseInt(value(args, ++i, arg));
                case "--front-end-department" -> frontEndDepartments.add(value(args, ++i, arg));
                case "--front-end-dir" -> frontEndDirectory = Path.of(value(args, ++i, arg));
                case "--front-end-amqp" -> frontEndAmqp = value(args, ++i, arg);
                case "--reject" -> decision = "REJECTED";
                case "--correction" -> decision = "CORRECTION";
                default -> throw new IllegalArgumentException("unknown switch " + arg);
            }
        }
        if (secrets.isEmpty() && frontEndDepartments.isEmpty()) {
            throw new IllegalArgumentException("no department: give --department ID=SECRETFILE or --secret ID=SECRET, or"
                    + " --front-end-department ID");
        }
        if (frontEndDepartments.isEmpty() != (frontEndPort < 0 && frontEndAmqp == null)) {
            throw new IllegalArgumentException("--front-end PORT (or --front-end-amqp URI) and --front-end-department ID go together");
        }
        return port;
    }

    private void secret(String department, String secret) {
        if (department.isEmpty() || secret.isEmpty()) {
            throw new IllegalArgumentException("empty department or secret");
        }
        secrets.put(department, secret);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static String[] pair(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("expected ID=VALUE: " + text);
        }
        return new String[] {text.substring(0, eq), text.substring(eq + 1)};
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
        }
    }

    private void listen(int port) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(port), 50);
            s.createContext("/", this::handle);
            s.setExecutor(handlers);
            s.start();
            this.server = s;
            this.port = s.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The port it listens on (the same after {@code down(false)}). */
    public synchronized int port() {
        return port;
    }

    /** Stops listening and sending callbacks. */
    public synchronized void stop() {
        if (frontEnd != null) {
            frontEnd.stop();
        }
        if (server != null) {
            server.stop(0);
            server = null;
        }
        callbacks.shutdownNow();
        handlers.shutdownNow();
    }

    // ---- switches

    /** Waits this long before answering every request. */
    public DepartmentSystem slowMillis(long millis) {
        slowMillis = millis;
        return this;
    }

    /** Answers every request with 503 while on. */
    public DepartmentSystem failing(boolean on) {
        failing = on;
        return this;
    }

    /** Closes the listening socket (connections refused), or listens again on the same port. */
    public synchronized DepartmentSystem down(boolean on) {
        if (on && server != null) {
            server.stop(0);
            server = null;
        } else if (!on && server == null) {
            listen(port);
        }
        return this;
    }

    /** Answers ACCEPTED and sends the decision by callback while on. */
    public DepartmentSystem callbackMode(boolean on) {
        callbackMode = on;
        return this;
    }

    /** How long after the request the callback is sent (default 500 ms). */
    public DepartmentSystem callbackDelay(long millis) {
        callbackDelayMillis = millis;
        return this;
    }

    /** Sends every callback twice with the same answerId, then once more with a new answerId. */
    public DepartmentSystem duplicate(boolean on) {
        duplicate = on;
        return this;
    }

    /** Signs callbacks with a wrong secret. */
    public DepartmentSystem lie(boolean on) {
        lie = on;
        return this;
    }

    /** The decision for new requests: APPROVED, REJECTED or CORRECTION. */
    public DepartmentSystem decision(String kind) {
        if (!DECISIONS.contains(kind)) {
            throw new IllegalArgumentException("decision must be one of " + DECISIONS + ": " + kind);
        }
        decision = kind;
        return this;
    }

    /** @return the JDBC URL of its front-end processor's database, for {@code tanghulu:exchange-link --front-end} */
    public String frontEndUrl() {
        if (frontEnd == null) {
            throw new IllegalStateException("started without --front-end");
        }
        return frontEnd.url();
    }

    /** Stops its front-end processor's database server, or starts it again on the same port with its data (tables only). */
    public DepartmentSystem frontEndDown(boolean on) {
        frontEnd.down(on);
        return this;
    }

    boolean failing() {
        return failing;
    }

    boolean duplicating() {
        return duplicate;
    }

    boolean lying() {
        return lie;
    }

    String decision() {
        return decision;
    }

    /** Waits as long as the slow switch says. */
    void pause() {
        if (slowMillis > 0) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Counts a request that arrived. */
    void received(JsonNode request) {
        received.add(request);
        if (request.path("task").canConvertToLong()) {
            requests.computeIfAbsent(request.path("task").asLong(), t -> new AtomicInteger()).incrementAndGet();
        }
    }

    // ---- what happened

    /** How many platform requests with this task arrived, refused ones included. */
    public int requests(long task) {
        AtomicInteger n = requests.get(task);
        return n == null ? 0 : n.get();
    }

    /** All parsed request bodies, in order of arrival. */
    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** How many callbacks were delivered or given up (retries not counted). */
    public int callbacksSent() {
        return callbackStatuses.size();
    }

    /** Each callback's final HTTP status, in order; -1 if the platform could not be reached. */
    public List<Integer> callbackStatuses() {
        return List.copyOf(callbackStatuses);
    }

    // ---- the protocol

    /** {@code hex(HMAC-SHA256(secret, timestamp + "\n" + body))}, the secret's UTF-8 bytes as key. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath().substring(1);
            boolean verification = path.endsWith(VERIFICATIONS);
            boolean lookup = path.endsWith(LOOKUPS);
            String department = verification ? path.substring(0, path.length() - VERIFICATIONS.length())
                    : lookup ? path.substring(0, path.length() - LOOKUPS.length()) : path;
            JsonNode request = parse(body);
            if (request != null) {
                received(request);
            }
            pause();
            Reply reply;
            try {
                reply = verification ? confirm(exchange, department, body, request)
                        : lookup ? lookUp(exchange, department, body, request) : answer(exchange, department, body, request);
            } catch (RuntimeException e) {
                log(department + ": request failed: " + e);
                reply = new Reply(500, error("internal error: " + e.getMessage()));
            }
            respond(exchange, reply.status(), reply.body());
        }
    }

    private record Reply(int status, JsonNode body) {
    }

    /**
     * A held result: {@code {"matter","reference","holderId"}} answered from the {@code --held} file, whose
     * {@code "department/matter"} entries map a reference to {@code {"holders":[…],"outputs":{…},"values":{…}}}.
     */
    private Reply confirm(HttpExchange exchange, String department, byte[] body, JsonNode request) {
        Reply refused = refusal(exchange, department, body);
        if (refused != null) {
            return refused;
        }
        if (request == null || !request.path("reference").isTextual() || !request.path("holderId").isTextual()) {
            return refuse(400, department, "body is not JSON with a reference and a holderId");
        }
        String matter = request.path("matter").asText();
        String reference = request.path("reference").asText();
        JsonNode result = held.path(department + "/" + matter).path(reference);
        ObjectNode answer = JSON.createObjectNode();
        if (result.isMissingNode()) {
            answer.put("confirmed", false).put("reason", "编号 " + reference + " 在本部门系统中不存在 (no such "
                    + matter + " number in the department's records)");
        } else if (!contains(result.path("holders"), request.path("holderId").asText())) {
            answer.put("confirmed", false).put("reason", "编号 " + reference + " 不属于该申请人 (the " + matter
                    + " was issued to another applicant)");
        } else {
            answer.put("confirmed", true);
            answer.set("outputs", result.path("outputs").deepCopy());
            answer.set("values", result.path("values").deepCopy());
        }
        log(department + ": held " + matter + " " + reference + " -> " + (answer.path("confirmed").asBoolean() ? "confirmed"
                : "refused"));
        return new Reply(200, answer);
    }

    /** A lookup: {@code {"registry","key"}} answered from the {@code --registry} file's {@code "department/REGISTRY"} entries. */
    private Reply lookUp(HttpExchange exchange, String department, byte[] body, JsonNode request) {
        Reply refused = refusal(exchange, department, body);
        if (refused != null) {
            return refused;
        }
        if (request == null || !request.path("registry").isTextual() || !request.path("key").isTextual()) {
            return refuse(400, department, "body is not JSON with a registry and a key");
        }
        JsonNode entry = registry.path(department + "/" + request.path("registry").asText()).path(request.path("key").asText());
        ObjectNode answer = JSON.createObjectNode();
        if (entry.isMissingNode()) {
            answer.put("found", false).put("reason", "查无此人或此单位 (not in the registry)");
        } else {
            answer.put("found", true);
            answer.set("values", entry.deepCopy());
        }
        log(department + ": lookup in " + request.path("registry").asText() + " -> " + (entry.isMissingNode() ? "not found" : "found"));
        return new Reply(200, answer);
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode n : list) {
            if (n.asText().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    /** The refusal of a request that is not a signed POST of a known department while the system is up, or null. */
    private Reply refusal(HttpExchange exchange, String department, byte[] body) {
        if (failing) {
            return refuse(503, department, "simulated outage");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return refuse(405, department, "method not allowed");
        }
        String secret = secrets.get(department);
        if (secret == null) {
            return refuse(404, department, "unknown department " + department);
        }
        String unverified = unverified(secret, exchange.getRequestHeaders().getFirst(TIMESTAMP),
                exchange.getRequestHeaders().getFirst(SIGNATURE), body);
        return unverified == null ? null : refuse(401, department, unverified);
    }

    private Reply answer(HttpExchange exchange, String department, byte[] body, JsonNode request) {
        Reply refused = refusal(exchange, department, body);
        if (refused != null) {
            return refused;
        }
        if (request == null || !request.path("task").isIntegralNumber()) {
            return refuse(400, department, "body is not JSON with a numeric task");
        }
        boolean viaCallback = callbackMode;
        String callback = request.path("callback").asText(null);
        if (viaCallback && callback == null) {
            return refuse(400, department, "no callback URL");
        }
        long task = request.path("task").asLong();
        ObjectNode fresh = decide(department, request, viaCallback ? "ACCEPTED" : decision, null);
        // the same request again (its Idempotency-Key) gets the same answer; a new one (the data corrected) a new answer
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        ObjectNode earlier = answers.putIfAbsent(department + "/" + task + "/" + (key == null ? "" : key), fresh);
        if (earlier != null) {
            log(department + ": task " + task + " again, same answer " + earlier.path("answerId").asText());
            return new Reply(200, earlier);
        }
        log(department + ": task " + task + " -> " + fresh.path("kind").asText());
        if (viaCallback) {
            ObjectNode decided = decide(department, request, decision, fresh.path("answerId").asText());
            callbacks.schedule(() -> sendCallbacks(department, callback, decided),
                    callbackDelayMillis, TimeUnit.MILLISECONDS);
        }
        return new Reply(200, fresh);
    }

    private static Reply refuse(int status, String department, String why) {
        log(department + ": refused " + status + " " + why);
        return new Reply(status, error(why));
    }

    /** Why the signature does not hold, or null if it does. */
    private static String unverified(String secret, String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return "missing " + TIMESTAMP + " or " + SIGNATURE;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "bad timestamp";
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - seconds) > MAX_SKEW_SECONDS) {
            return "stale timestamp";
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean ok = MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
        return ok ? null : "bad signature";
    }

    /** An answer of this kind for the request, with a new answerId other than {@code not}. */
    ObjectNode decide(String department, JsonNode request, String kind, String not) {
        long task = request.path("task").asLong();
        String answerId = answerId(department, task, not);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("answerId", answerId);
        answer.put("task", task);
        if (request.path("trackingNumber").isTextual()) {
            answer.put("trackingNumber", request.path("trackingNumber").asText());
        }
        answer.put("kind", kind);
        ObjectNode values = answer.putObject("outputs");
        String message = switch (kind) {
            case "REJECTED" -> REJECTION;
            case "CORRECTION" -> CORRECTION;
            default -> null;
        };
        answer.put("message", message);
        var fields = answer.putArray("fields");
        if (kind.equals("APPROVED")) {
            JsonNode known = outputs.path(department + "/" + request.path("matter").asText());
            for (JsonNode id : request.path("outputs")) {
                JsonNode value = known.path(id.asText());
                if (value.isMissingNode() || value.isNull()) {
                    values.put(id.asText(), "SIM-" + task);
                } else {
                    values.set(id.asText(), value);
                }
            }
        } else if (kind.equals("CORRECTION")) {
            Iterator<String> names = request.path("values").fieldNames();
            if (names.hasNext()) {
                fields.add(names.next());
            }
        }
        return answer;
    }

    private static String answerId(String department, long task, String not) {
        String id;
        do {
            id = department + "-" + task + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        } while (id.equals(not));
        return id;
    }

    private void sendCallbacks(String department, String url, ObjectNode decided) {
        try {
            deliver(department, url, decided);
            if (duplicate) {
                deliver(department, url, decided);
                ObjectNode again = decided.deepCopy();
                String id = decided.path("answerId").asText();
                again.put("answerId", answerId(department, decided.path("task").asLong(), id));
                deliver(department, url, again);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log(department + ": callback failed: " + e);
        }
    }

    /** Posts one signed callback, retrying 5xx and connection failures; records the final status. */
    private void deliver(String department, String url, ObjectNode decided) throws InterruptedException {
        byte[] body = bytes(decided);
        int status = -1;
        for (int attempt = 0; attempt <= CALLBACK_RETRIES; attempt++) {
            if (attempt > 0) {
                Thread.sleep(1000);
            }
            String timestamp = Long.toString(System.currentTimeMillis() / 1000);
            String secret = lie ? "not-" + secrets.get(department) : secrets.get(department);
            HttpRequest post = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(TIMESTAMP, timestamp)
                    .header(SIGNATURE, sign(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                status = client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
                log(department + ": callback " + decided.path("answerId").asText() + " to " + url + " failed: " + e);
            }
            if (status / 100 == 2 || status / 100 == 4) {
                break;
            }
        }
        log(department + ": callback " + decided.path("answerId").asText() + " (" + decided.path("kind").asText()
                + ") -> " + status + (status / 100 == 4 ? " (refused by the platform)" : ""));
        callbackStatuses.add(status);
    }

    // ---- helpers

    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = bytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static void log(String line) {
        System.out.println("[department-system] " + line);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
