package org.tanghulu.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.core.Refusal;
import org.tanghulu.exchange.DossierEntry.Direction;
import org.tanghulu.exchange.ParkedResult;
import org.tanghulu.exchange.TaskExchange.State;

/**
 * FRONT_END mode, store and forward through a department's front-end processor (前置机), over its
 * exchange tables ({@link TableTransport}) or a RabbitMQ broker ({@link QueueTransport}): every second
 * (never two rounds at once on a node) each linked front-end processor gets the department's due tasks
 * as one batch, durable there before they count as sent, and the platform reads its new results in
 * their order. The platform's {@code exchange_task} rows are the outbox: while the front-end processor
 * cannot be reached the tasks stay queued and cases go on being accepted; they are sent when it is
 * back. A request has the same message id for the same content (the task and a digest of the body); a
 * result decides once (its answer id is recorded in the dossier, and a decided task is not decided
 * again); a result the platform cannot use is parked with the reason.
 */
@Component(service = {Runnable.class, FrontEndExchange.class}, configurationPid = ExchangeConfig.PID,
        property = {"scheduler.name=tanghulu-front-end-exchange", "scheduler.period:Long=1", "scheduler.concurrent:Boolean=false"})
public class FrontEndExchange implements Runnable {

    static final String MODE = DossierRelay.FRONT_END;
    private static final Logger LOG = LoggerFactory.getLogger(FrontEndExchange.class);
    /** What became of one result. */
    enum Use {
        /** It decided its task, or was a repeat of what had. */
        USED,
        /** It is parked. */
        PARKED,
        /** Its department is not installed now: read it again later, and nothing after it of that department. */
        WAIT
    }

    record Used(Use use, String reason) {
    }

    private final DirectStore store;
    private final Decider decider;
    private final SystemTasks tasks;
    private final Connector connector;
    private final ExchangeConfig config;
    private final Set<String> prepared = ConcurrentHashMap.newKeySet();
    /** Set when a FRONT_END task was queued on this node: the next woken round has something to send. */
    private final java.util.concurrent.atomic.AtomicBoolean due = new java.util.concurrent.atomic.AtomicBoolean();
    /** One broker connection per URL, kept between rounds (a connection costs a TCP and AMQP handshake). */
    private final Map<String, com.rabbitmq.client.Connection> brokers = new ConcurrentHashMap<>();

    @Activate
    public FrontEndExchange(@Reference DirectStore store, @Reference Decider decider, @Reference SystemTasks tasks,
            @Reference Connector connector, ExchangeConfig config, Map<String, Object> properties) {
        this.store = store;
        this.decider = decider;
        this.tasks = tasks;
        this.connector = connector;
        this.config = config;
        seed(properties);
    }

    /**
     * Front-end processors from etc/ ({@code link.<department>.frontEnd}, a JDBC or AMQP URL, and optionally
     * {@code .passwordFile}) where the database has no link for the department yet. Not reached now: the
     * rounds make the tables or queues once it answers.
     */
    private void seed(Map<String, Object> properties) {
        EtcLinks.each(properties, "frontEnd", "passwordFile", (department, url, password) -> {
            String transport = transport(url);
            if (transport == null) {
                throw new IllegalArgumentException("'" + url + "' is no jdbc:postgresql://, jdbc:h2:tcp:// or amqp:// URL");
            }
            store.link(department, transport, url, password, true);
        });
    }

    /**
     * Links a department's front-end processor, once it answers (its tables or queues are made then).
     *
     * @throws Refusal INVALID for a URL that is no PostgreSQL or H2 server or AMQP broker; UNAVAILABLE if it
     *         cannot be reached
     */
    LinkEntity link(String department, String url, String password) {
        String transport = transport(url);
        if (transport == null) {
            throw new Refusal(Refusal.Kind.INVALID, "a front-end processor is a database (jdbc:postgresql://... or jdbc:h2:tcp://...)"
                    + " or a RabbitMQ broker (amqp://... or amqps://...) that every node can reach, not '" + url + "'");
        }
        try (FrontEndTransport t = open(transport, department, url, password)) {
            LOG.debug("Front-end processor of {} reached at {}", department, url);
        } catch (Exception e) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "the front-end processor at " + url + " cannot be used now: " + e.getMessage());
        }
        LinkEntity l = store.link(department, transport, url, password, false);
        LOG.info("Department {}'s front-end processor linked at {}", department, url);
        return l;
    }

    /** @return TABLES or QUEUE for a front-end processor's URL, or {@code null} if it is none */
    static String transport(String url) {
        if (url == null) {
            return null;
        }
        if (url.startsWith("jdbc:postgresql://") || url.startsWith("jdbc:h2:tcp://") || url.startsWith("jdbc:h2:ssl://")) {
            return LinkEntity.TABLES;
        }
        return url.startsWith("amqp://") || url.startsWith("amqps://") ? LinkEntity.QUEUE : null;
    }

    /** Notes that a FRONT_END task was queued here, for {@link #runIfDue}. */
    void queued() {
        due.set(true);
    }

    /** A round now if a FRONT_END task was queued on this node since the last one (the waker's). */
    void runIfDue() {
        if (due.getAndSet(false)) {
            run();
        }
    }

    @Deactivate
    void deactivate() {
        brokers.values().forEach(c -> {
            try {
                c.close(2000);
            } catch (Exception e) {
                c.abort();
            }
        });
        brokers.clear();
    }

    /** Opens the transport of one round, its tables or queues made if missing. */
    private FrontEndTransport open(String transport, String department, String url, String password) throws Exception {
        if (LinkEntity.QUEUE.equals(transport)) {
            String key = url + "\n" + password;
            com.rabbitmq.client.Connection c = brokers.get(key);
            if (c == null || !c.isOpen()) {
                c = QueueTransport.connect(url, password, (int) Math.min(Integer.MAX_VALUE, config.timeoutMillis()));
                brokers.put(key, c);
            }
            try {
                return new QueueTransport(c).prepare(department);
            } catch (Exception e) {
                brokers.remove(key, c);
                c.abort();
                throw e;
            }
        }
        TableTransport tables = new TableTransport(connector.connect(url, password));
        if (prepared.add(url)) {
            try {
                tables.prepare();
            } catch (Exception e) {
                prepared.remove(url);
                tables.close();
                throw e;
            }
        }
        return tables;
    }

    @Override
    public void run() {
        try {
            round(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Front-end exchange round failed: {}", e.toString(), e);
        }
    }

    /**
     * One round: for each linked front-end processor, the due tasks out, then the new results in. One at a
     * time on this node (the scheduler's and the waker's), so that this node reads each result once.
     */
    synchronized void round(Instant now) {
        for (LinkEntity l : store.links()) {
            if (LinkEntity.TABLES.equals(l.transport) || LinkEntity.QUEUE.equals(l.transport)) {
                try (FrontEndTransport t = open(l.transport, l.department, l.url, l.secret)) {
                    int moved = send(l, t, now) + receive(l, t, now);
                    if (moved > 0 || l.failures > 0) {
                        store.changeLink(l.department, x -> x.succeeded(now), x -> null);
                    }
                } catch (Exception e) {
                    String why = "the front-end processor: " + e;
                    LOG.warn("Department {}: {}", l.department, why);
                    store.changeLink(l.department, x -> x.failed(now, why, Integer.MAX_VALUE), x -> null);
                }
            }
        }
    }

    /** @return how many requests were sent now */
    private int send(LinkEntity l, FrontEndTransport transport, Instant now) throws Exception {
        List<TaskEntity> leased = store.lease(MODE, l.department, now, config.batch(), now.plusSeconds(60));
        if (leased.isEmpty()) {
            return 0;
        }
        List<FrontEndTransport.Request> out = new ArrayList<>();
        for (TaskEntity t : leased) {
            if (!tasks.stillToSend(t, now)) {
                continue;
            }
            try {
                byte[] body = tasks.body(t, null);
                out.add(new FrontEndTransport.Request(t.task, t.trackingNumber, "task-" + t.task + "-" + SystemTasks.digest(body), body));
            } catch (IllegalStateException e) {
                tasks.toDesk(t, e.getMessage(), now);
            }
        }
        int sent;
        try {
            sent = out.isEmpty() ? 0 : transport.send(l.department, UUID.randomUUID().toString(), out);
        } catch (Exception e) {
            for (FrontEndTransport.Request r : out) {
                store.changeTask(r.task(), now, x -> {
                    x.nextAt = now.plusMillis(config.backoffMillis());
                    x.reason = "waiting in the outbox: the front-end processor cannot take it now: " + e.getMessage();
                });
            }
            throw e;
        }
        for (FrontEndTransport.Request r : out) {
            decider.record(r.trackingNumber(), "request:" + r.task() + ":" + SystemTasks.digest(r.body()), now, MODE,
                    Direction.OUT, l.department, "REQUEST", new String(r.body(), StandardCharsets.UTF_8));
            store.changeTask(r.task(), now, x -> {
                if (x.state == State.QUEUED) {
                    x.state = State.WAITING;
                    x.attempts++;
                    x.reason = null;
                }
            });
        }
        return sent;
    }

    /** @return how many results were used or parked now */
    private int receive(LinkEntity l, FrontEndTransport transport, Instant now) throws Exception {
        return transport.receive(l.department, l.resultCursor, config.batch(), (position, messageId, body) -> {
            Use use = use(l.department, messageId, body, now).use();
            if (use != Use.WAIT && position >= 0) {
                store.changeLink(l.department, x -> x.resultCursor = Math.max(x.resultCursor, position), x -> null);
            }
            return use;
        });
    }

    /** Applies one result of a department's front-end processor, or parks it with the reason. */
    Used use(String department, String messageId, String text, Instant now) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        Answer answer;
        try {
            answer = Answer.parse(body);
        } catch (IllegalArgumentException e) {
            return park(department, messageId, text, "not a result the platform can read: " + e.getMessage(), now);
        }
        TaskEntity t = store.task(answer.task()).filter(x -> MODE.equals(x.mode)).orElse(null);
        if (t == null) {
            return park(department, messageId, text, "task " + answer.task() + " was never sent to a front-end processor", now);
        }
        if (!t.department.equals(department)) {
            return park(department, messageId, text, "task " + t.task + " is a task of department " + t.department
                    + ", not of " + department, now);
        }
        if (answer.trackingNumber() != null && !answer.trackingNumber().equals(t.trackingNumber)) {
            return park(department, messageId, text, "task " + t.task + " belongs to case " + t.trackingNumber + ", not to "
                    + answer.trackingNumber() + " (a result meant for another platform or another task?)", now);
        }
        boolean fresh = decider.record(t.trackingNumber, department, MODE, "RESULT", body, answer, now);
        if (answer.kind() == Answer.Kind.ACCEPTED) {
            return new Used(Use.USED, null); // received: its decision comes in a later result
        }
        Decider.Applied applied = decider.apply(department, answer);
        switch (applied.result()) {
            case APPLIED -> {
                tasks.settle(t, answer, applied, now);
                return new Used(Use.USED, null);
            }
            case ALREADY -> {
                if (!fresh) {
                    tasks.settle(t, answer, applied, now);
                    return new Used(Use.USED, null);
                }
                return park(department, messageId, text, "task " + t.task + " was decided already: a second result ("
                        + answer.answerId() + ") decides nothing", now);
            }
            case UNAVAILABLE -> {
                return new Used(Use.WAIT, applied.detail());
            }
            default -> {
                tasks.settle(t, answer, applied, now);
                return park(department, messageId, text, applied.detail(), now);
            }
        }
    }

    private Used park(String department, String messageId, String text, String reason, Instant now) {
        store.park(department, messageId, text, reason, now);
        LOG.warn("Result {} of department {}'s front-end processor parked: {}", messageId, department, reason);
        return new Used(Use.PARKED, reason);
    }

    /** Sends a parked result through {@link #use} again. */
    ParkedResult resend(long id) {
        ParkedEntity p = store.parked(id).filter(x -> "PARKED".equals(x.state)).orElseThrow(() -> new Refusal(
                Refusal.Kind.NOT_FOUND, "no result number " + id + " is parked (tanghulu:exchange-parked lists them)"));
        Instant now = Instant.now();
        Used used = use(p.department, p.messageId, p.body, now);
        if (used.use() == Use.WAIT) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "not now: " + used.reason());
        }
        store.parkedAgain(id, used.use() == Use.USED ? null : used.reason(), now);
        return new ParkedResult(id, now, p.department, p.messageId, used.reason(), p.body);
    }

    static ParkedResult view(ParkedEntity p) {
        return new ParkedResult(p.id, p.at, p.department, p.messageId, p.reason, p.body);
    }
}
