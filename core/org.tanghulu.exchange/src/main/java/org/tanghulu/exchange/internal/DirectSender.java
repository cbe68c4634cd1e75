package org.tanghulu.exchange.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.exchange.ExchangeMode;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.Outcome;
import org.tanghulu.core.Refusal;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.exchange.DossierEntry.Direction;
import org.tanghulu.exchange.DiskBatch;
import org.tanghulu.exchange.DiskImport;
import org.tanghulu.exchange.Exchanges;
import org.tanghulu.exchange.LinkStatus;
import org.tanghulu.exchange.ParkedResult;
import org.tanghulu.exchange.RefusedCallback;
import org.tanghulu.exchange.TaskExchange;
import org.tanghulu.exchange.TaskExchange.State;
import org.tanghulu.kernel.json.Json;

/**
 * DIRECT mode: every second (the Karaf scheduler, never two rounds at once on a node) sends the due
 * tasks to their departments' systems, each under the timeout and all at once, and turns the answers
 * into decisions ({@link Decider}). A failure counts against the department's breaker and queues the
 * task again after a doubling backoff; after the last attempt, or when the breaker opens, the task
 * goes to the desk with the reason. Signed callbacks ({@link CallbackServlet}) end up here too.
 */
@Component(service = {Runnable.class, Exchanges.class, DirectSender.class}, configurationPid = ExchangeConfig.PID,
        property = {"scheduler.name=tanghulu-direct-exchange", "scheduler.period:Long=1", "scheduler.concurrent:Boolean=false"})
@Designate(ocd = ExchangeConfig.class)
public class DirectSender implements Runnable, Exchanges {

    private static final Logger LOG = LoggerFactory.getLogger(DirectSender.class);

    /** An HTTP status, its JSON answer, and whether the refusal is recorded as an incident. */
    record Reply(int status, Map<String, Object> body) {
    }

    private final DirectStore store;
    private final Decider decider;
    private final SystemTasks tasks;
    private final FrontEndExchange frontEnd;
    private final DiskExchange disk;
    private final ExchangeConfig config;
    private final String callbackBase;
    private final HttpClient http;

    @Activate
    public DirectSender(@Reference DirectStore store, @Reference Decider decider, @Reference SystemTasks tasks,
            @Reference FrontEndExchange frontEnd, @Reference DiskExchange disk, ExchangeConfig config, Map<String, Object> properties) {
        this.store = store;
        this.decider = decider;
        this.tasks = tasks;
        this.frontEnd = frontEnd;
        this.disk = disk;
        this.config = config;
        this.callbackBase = config.callbackUrl().isBlank()
                ? "http://127.0.0.1:" + System.getProperty("tanghulu.desk.port", "8182") + "/exchange/callback"
                : config.callbackUrl().replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(config.timeoutMillis())).build();
        seed(properties);
    }

    @Deactivate
    void deactivate() {
        // HttpClient of Java 17 has no close; its threads end with their idle connections
    }

    /** Links from etc/ ({@code link.<department>.url}, {@code .secretFile}) where the database has none yet. */
    private void seed(Map<String, Object> properties) {
        EtcLinks.each(properties, "url", "secretFile", (department, url, secret) -> {
            checkLink(url, secret);
            store.link(department, LinkEntity.HTTP, url, secret, true);
        });
    }

    @Override
    public void run() {
        try {
            round(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Direct exchange round failed: {}", e.toString(), e);
        }
    }

    /** One round: overdue callbacks (and results of offline media) to the desk, then the due tasks sent and answered. */
    void round(Instant now) {
        List<Long> overdue = new ArrayList<>(store.waitingSince(now.minus(Duration.ofMinutes(config.callbackMinutes())), false));
        overdue.addAll(store.waitingSince(now.minus(Duration.ofDays(config.diskAnswerDays())), true));
        for (long task : overdue) {
            store.task(task).ifPresent(t -> {
                TaskView view = decider.task(t.department, t.task);
                if (view != null && view.state().open()) {
                    tasks.toDesk(t, DiskExchange.MODE.equals(t.mode) ? "the task was exported on offline media but no result was "
                            + "imported within " + config.diskAnswerDays() + " days"
                            : (FrontEndExchange.MODE.equals(t.mode) ? "the front-end processor took the task but no result came"
                            : "the department's system accepted the task but did not call back") + " within "
                            + config.callbackMinutes() + " minutes", now);
                } else {
                    store.changeTask(t.task, now, r -> r.state = State.DONE);
                }
            });
        }
        List<CompletableFuture<Void>> sending = new ArrayList<>();
        Instant leaseUntil = now.plusMillis(config.timeoutMillis()).plusSeconds(10);
        for (TaskEntity t : store.lease(Decider.MODE, null, now, config.batch(), leaseUntil)) {
            try {
                sending.add(send(t, now));
            } catch (RuntimeException e) {
                LOG.warn("Task {} could not be sent: {}", t.task, e.toString(), e);
                store.changeTask(t.task, now, r -> r.nextAt = now.plusMillis(config.backoffMillis()));
            }
        }
        CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> send(TaskEntity t, Instant now) {
        if (!tasks.stillToSend(t, now)) {
            return CompletableFuture.completedFuture(null);
        }
        LinkEntity.Gate gate = store.gate(t.department, now, Duration.ofSeconds(config.breakerOpenSeconds()),
                Duration.ofMillis(2 * config.timeoutMillis()).plusSeconds(5));
        if (gate == LinkEntity.Gate.WAIT) {
            store.changeTask(t.task, now, r -> r.nextAt = now.plusSeconds(1));
            return CompletableFuture.completedFuture(null);
        }
        if (gate == LinkEntity.Gate.DESK) {
            Optional<LinkEntity> link = store.link(t.department);
            tasks.toDesk(t, link.isEmpty() ? "no system of department " + t.department + " is linked (tanghulu:exchange-link)"
                    : unavailable(link.get()), now);
            return CompletableFuture.completedFuture(null);
        }
        LinkEntity link = store.link(t.department).orElseThrow();
        byte[] body;
        try {
            body = tasks.body(t, callbackBase + "/" + t.department);
        } catch (IllegalStateException e) {
            tasks.toDesk(t, e.getMessage(), now);
            return CompletableFuture.completedFuture(null);
        }
        String digest = SystemTasks.digest(body);
        decider.record(t.trackingNumber, "request:" + t.task + ":" + digest, now, Decider.MODE, Direction.OUT, t.department,
                "REQUEST", new String(body, StandardCharsets.UTF_8));
        TaskEntity sent = store.changeTask(t.task, now, r -> {
            r.attempts++;
            r.leaseUntil = now.plusMillis(config.timeoutMillis()).plusSeconds(10);
        });
        String timestamp = String.valueOf(now.getEpochSecond());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(link.url)).timeout(Duration.ofMillis(config.timeoutMillis()))
                    .header("Content-Type", "application/json")
                    .header("X-Tanghulu-Department", t.department)
                    .header("Idempotency-Key", "task-" + t.task + "-" + digest)
                    .header(Signatures.TIMESTAMP, timestamp)
                    .header(Signatures.SIGNATURE, Signatures.sign(link.secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            failed(sent, "the link's URL is not usable: " + e.getMessage(), false);
            return CompletableFuture.completedFuture(null);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    try {
                        answered(sent, response, error);
                    } catch (RuntimeException e) {
                        LOG.warn("The answer on task {} could not be handled: {}", t.task, e.toString(), e);
                    }
                    return null;
                });
    }

    private static String unavailable(LinkEntity link) {
        return "the department's system is unavailable: its circuit breaker opened after " + link.failures
                + " failures in a row (the last: " + link.lastFailure + "); automatic handling resumes when it answers again";
    }

    private void answered(TaskEntity t, HttpResponse<byte[]> response, Throwable error) {
        Instant now = Instant.now();
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            failed(t, cause instanceof java.net.http.HttpTimeoutException ? "no answer within " + config.timeoutMillis() + " ms"
                    : "not reachable: " + cause, false);
            return;
        }
        int status = response.statusCode();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (status / 100 != 2) {
            failed(t, "HTTP " + status + " " + (text.length() > 200 ? text.substring(0, 200) : text), status / 100 == 4);
            return;
        }
        Answer answer;
        try {
            answer = Answer.parse(response.body());
        } catch (IllegalArgumentException e) {
            failed(t, "an answer the platform cannot read: " + e.getMessage(), false);
            return;
        }
        if (answer.task() != t.task) {
            failed(t, "an answer for task " + answer.task() + " to the request for task " + t.task, false);
            return;
        }
        store.changeLink(t.department, l -> l.succeeded(now), l -> null);
        decider.record(t.trackingNumber, t.department, "ANSWER", response.body(), answer, now);
        if (answer.kind() == Answer.Kind.ACCEPTED) {
            store.changeTask(t.task, now, r -> {
                if (r.state == State.QUEUED) { // unless its callback came first
                    r.state = State.WAITING;
                    r.reason = null;
                }
            });
            return;
        }
        tasks.settle(t, answer, decider.apply(t.department, answer), now);
    }

    /** Counts the failure against the breaker; queues the task again, or hands it to the desk. */
    private void failed(TaskEntity t, String why, boolean refused) {
        Instant now = Instant.now();
        LOG.info("Department {}'s system on task {} (attempt {}): {}", t.department, t.task, t.attempts, why);
        Boolean open = store.changeLink(t.department, l -> l.failed(now, why, config.breakerFailures()), LinkEntity::open);
        if (refused) {
            tasks.toDesk(t, "the department's system refused the request: " + why, now);
        } else if (Boolean.TRUE.equals(open)) {
            tasks.toDesk(t, store.link(t.department).map(DirectSender::unavailable).orElse(why), now);
        } else if (t.attempts >= config.attempts()) {
            tasks.toDesk(t, "the department's system did not answer after " + t.attempts + " attempts: " + why, now);
        } else {
            long wait = config.backoffMillis() << Math.min(10, Math.max(0, t.attempts - 1));
            store.changeTask(t.task, now, r -> {
                r.nextAt = now.plusMillis(wait);
                r.reason = why;
            });
        }
    }

    // --- callbacks -----------------------------------------------------------------------

    /**
     * A department system's signed callback. Refusals are recorded ({@code exchange_incident}); an
     * authenticated callback is recorded in the case's dossier too, refused or not.
     */
    Reply callback(String department, String timestamp, String signature, byte[] body) {
        Instant now = Instant.now();
        Optional<LinkEntity> link = store.link(department).filter(l -> LinkEntity.HTTP.equals(l.transport));
        if (link.isEmpty()) {
            return refuse(department, null, 401, "callback refused: no system of department '" + department
                    + "' is linked for DIRECT calls", now);
        }
        String bad = Signatures.check(link.get().secret, timestamp, signature, body, now);
        if (bad != null) {
            return refuse(department, null, 401, "callback refused: " + bad, now);
        }
        Answer answer;
        try {
            answer = Answer.parse(body);
        } catch (IllegalArgumentException e) {
            return refuse(department, null, 400, "callback refused: " + e.getMessage(), now);
        }
        if (answer.kind() == Answer.Kind.ACCEPTED) {
            return refuse(department, answer.task(), 400, "a callback brings a decision: APPROVED, REJECTED or CORRECTION", now);
        }
        Optional<TaskEntity> row = store.task(answer.task());
        if (row.isEmpty()) {
            return refuse(department, answer.task(), 404, "task " + answer.task() + " was never sent to a department's system", now);
        }
        TaskEntity t = row.get();
        if (!t.department.equals(department)) {
            return refuse(department, t.task, 403, "task " + t.task + " is a task of department " + t.department
                    + ", not of " + department, now);
        }
        if (answer.trackingNumber() != null && !answer.trackingNumber().equals(t.trackingNumber)) {
            return refuse(department, t.task, 409, "task " + t.task + " belongs to case " + t.trackingNumber + ", not to "
                    + answer.trackingNumber(), now);
        }
        boolean fresh = decider.record(t.trackingNumber, department, "CALLBACK", body, answer, now);
        Decider.Applied applied = decider.apply(department, answer);
        switch (applied.result()) {
            case APPLIED -> {
                tasks.settle(t, answer, applied, now);
                return new Reply(200, Map.of("task", t.task, "decided", true));
            }
            case ALREADY -> {
                if (!fresh) {
                    tasks.settle(t, answer, applied, now);
                    return new Reply(200, Map.of("task", t.task, "decided", false, "duplicate", true));
                }
                return refuse(department, t.task, 409, "task " + t.task + " was decided already (a second answer, "
                        + answer.answerId() + ", decides nothing)", now);
            }
            case UNAVAILABLE -> {
                return new Reply(503, Map.of("error", applied.detail()));
            }
            case INVALID -> {
                tasks.toDesk(t, applied.detail(), now);
                return refuse(department, t.task, 422, applied.detail(), now);
            }
            default -> {
                return refuse(department, t.task, 409, "task " + t.task + ": " + applied.detail(), now);
            }
        }
    }

    private Reply refuse(String department, Long task, int status, String reason, Instant now) {
        store.incident(department, task, status, reason, now);
        LOG.warn("Callback of department '{}' refused ({}): {}", department, status, reason);
        return new Reply(status, Map.of("error", reason));
    }

    // --- Exchanges -------------------------------------------------------------------------

    /** Queues a task of a DIRECT, FRONT_END or DISK matter (the dossier relay calls this for every such new task). */
    boolean enqueue(String trackingNumber, long task, String department, String matter, String mode) {
        boolean fresh = store.enqueue(trackingNumber, task, department, matter, mode, Instant.now());
        if (fresh && FrontEndExchange.MODE.equals(mode)) {
            frontEnd.queued();
        }
        return fresh;
    }

    /**
     * @return the mode a new task of a matter declared {@code declared} travels in: DIRECT if the department
     *         has a system linked over HTTP, FRONT_END if it has a front-end processor linked (tables or queues),
     *         DISK if it has offline media registered, else MANUAL
     */
    String route(String department, ExchangeMode declared) {
        if (declared != ExchangeMode.DIRECT && declared != ExchangeMode.FRONT_END && declared != ExchangeMode.DISK) {
            return DossierRelay.MANUAL;
        }
        boolean linked = store.link(department).filter(l -> switch (declared) {
            case DIRECT -> LinkEntity.HTTP.equals(l.transport);
            case DISK -> l.publicKey != null; // whatever else the department is linked for
            default -> LinkEntity.TABLES.equals(l.transport) || LinkEntity.QUEUE.equals(l.transport);
        }).isPresent();
        return linked ? declared.name() : DossierRelay.MANUAL;
    }

    /** @return the mode of a task the exchange has handled, DIRECT if it has no row */
    String modeOf(long task) {
        return store.task(task).map(t -> t.mode).orElse(Decider.MODE);
    }

    /** The applicant answered the system's correction request: the task goes to the system again. */
    void corrected(long task) {
        Instant now = Instant.now();
        store.task(task).filter(t -> t.state == State.WAITING_CORRECTION).ifPresent(t -> store.changeTask(task, now, r -> {
            r.state = State.QUEUED;
            r.attempts = 0;
            r.nextAt = now;
            r.reason = null;
        }));
    }

    @Override
    public Optional<TaskExchange> task(long taskId) {
        return store.task(taskId).map(TaskEntity::view);
    }

    @Override
    public List<LinkStatus> links() {
        Map<String, LinkEntity> links = new LinkedHashMap<>();
        store.links().forEach(l -> links.put(l.department, l));
        TreeSet<String> departments = new TreeSet<>(links.keySet());
        departments.addAll(tasks.departmentsWithAdapters());
        List<LinkStatus> all = new ArrayList<>();
        for (String d : departments) {
            List<String> matters = tasks.automaticMatters(d);
            long queued = store.queued(d);
            int parked = store.parkedCount(d);
            long waiting = store.waiting(d);
            LinkEntity l = links.get(d);
            all.add(l != null ? l.view(matters, queued, parked, waiting)
                    : new LinkStatus(d, null, null, LinkStatus.Breaker.CLOSED, 0, null, null, null, null, matters, queued, parked,
                            waiting, null));
        }
        return all;
    }

    @Override
    public LinkStatus link(String department, String url, String secret) {
        checkLink(url, secret);
        checkDepartment(department);
        LinkEntity l = store.link(department, LinkEntity.HTTP, url, secret, false);
        LOG.info("Department {}'s system linked at {}", department, url);
        return l.view(tasks.automaticMatters(department), store.queued(department), 0, store.waiting(department));
    }

    @Override
    public LinkStatus linkFrontEnd(String department, String jdbcUrl, String password) {
        checkDepartment(department);
        return frontEnd.link(department, jdbcUrl, password == null ? "" : password)
                .view(tasks.automaticMatters(department), store.queued(department), store.parkedCount(department),
                        store.waiting(department));
    }

    @Override
    public LinkStatus linkDisk(String department, String publicKeyHex) {
        checkDepartment(department);
        return disk.link(department, publicKeyHex).view(tasks.automaticMatters(department), store.queued(department), 0,
                store.waiting(department));
    }

    @Override
    public DiskBatch exportDisk(String department, boolean again) {
        checkDepartment(department);
        return disk.export(department, again);
    }

    @Override
    public DiskImport importDisk(String department, byte[] file) {
        checkDepartment(department);
        return disk.importResults(department, file);
    }

    @Override
    public List<ParkedResult> parked(int max) {
        return store.parked(null, max).stream().map(FrontEndExchange::view).toList();
    }

    @Override
    public ParkedResult resend(long id) {
        return frontEnd.resend(id);
    }

    @Override
    public boolean unlink(String department) {
        boolean was = store.unlink(department);
        if (was) {
            LOG.info("Department {}'s system unlinked: its DIRECT, FRONT_END and DISK matters are decided on the desk", department);
        }
        return was;
    }

    private static void checkDepartment(String department) {
        if (department == null || !department.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new Refusal(Refusal.Kind.INVALID, "a department id is lower-case letters, digits and '-'");
        }
    }

    private static void checkLink(String url, String secret) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, "'" + url + "' is not a URL: " + e.getMessage());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new Refusal(Refusal.Kind.INVALID, "the system's URL must be http:// or https:// with a host, not '" + url + "'");
        }
        if (secret == null || secret.strip().length() < 32) {
            throw new Refusal(Refusal.Kind.INVALID, "the shared secret must have at least 32 characters");
        }
    }

    @Override
    public List<RefusedCallback> refusedCallbacks(int max) {
        return store.incidents(max).stream().map(i -> new RefusedCallback(i.at, i.department, i.task, i.status, i.reason))
                .toList();
    }

    @Override
    public TaskExchange retry(long taskId) {
        TaskEntity t = store.task(taskId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                "task " + taskId + " is not on a DIRECT matter: it has no exchange to retry"));
        if (store.link(t.department).isEmpty()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "no system of department " + t.department + " is linked");
        }
        TaskView view = decider.task(t.department, taskId);
        if (view == null || !view.state().open() || view.state() == TaskState.CORRECTION) {
            throw new Refusal(Refusal.Kind.CONFLICT, "task " + taskId + " is " + (view == null ? "gone" : view.state())
                    + ": there is nothing to send");
        }
        if (view.state() == TaskState.CLAIMED && !Decider.actor(t.department).name().equals(view.assignee())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "officer " + view.assignee() + " has claimed task " + taskId + " on the desk");
        }
        Instant now = Instant.now();
        // an open breaker lets this task probe the system at once
        store.changeLink(t.department, l -> {
            if (l.open()) {
                l.openedAt = Instant.EPOCH;
            }
        }, l -> null);
        return store.changeTask(taskId, now, r -> {
            r.state = State.QUEUED;
            r.attempts = 0;
            r.nextAt = now;
            r.reason = null;
        }).view();
    }
}
