package org.tanghulu.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.exchange.ExchangeMode;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.Outcome;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.exchange.DossierEntry.Direction;
import org.tanghulu.exchange.TaskExchange.State;
import org.tanghulu.kernel.json.Json;

/**
 * What every automatic mode does with a task of a department's system, whatever the transport: the
 * request it sends (the matter's values as the adapter maps them), whether a leased task is still the
 * system's, what its row becomes after an answer, and its hand-over to the desk with the reason.
 */
@Component(service = SystemTasks.class, configurationPid = ExchangeConfig.PID)
public class SystemTasks {

    private static final Logger LOG = LoggerFactory.getLogger(SystemTasks.class);

    private final DirectStore store;
    private final Decider decider;
    private final Adapters adapters;
    private final DepartmentGateway gateway;
    private final ExchangeConfig config;

    @Activate
    public SystemTasks(@Reference DirectStore store, @Reference Decider decider, @Reference Adapters adapters,
            @Reference DepartmentGateway gateway, ExchangeConfig config) {
        this.config = config;
        this.store = store;
        this.decider = decider;
        this.adapters = adapters;
        this.gateway = gateway;
    }

    /**
     * @return whether a leased task is still the system's to decide; if not, its row says what became of it
     *         (closed meanwhile: DONE; an officer took it on the desk: DESK)
     */
    boolean stillToSend(TaskEntity t, Instant now) {
        TaskView view = decider.task(t.department, t.task);
        if (view == null || !view.state().open()) {
            store.changeTask(t.task, now, r -> {
                r.state = State.DONE;
                r.reason = "the task was closed before it was sent";
            });
            return false;
        }
        if (view.state() == TaskState.CORRECTION || view.state() == TaskState.CLAIMED
                && !Decider.actor(t.department).name().equals(view.assignee())) {
            toDesk(t, view.state() == TaskState.CORRECTION ? "an officer asked the applicant for a correction on the desk"
                    : "officer " + view.assignee() + " claimed the task on the desk before it was sent", now);
            return false;
        }
        return true;
    }

    /**
     * @param callback where the system calls back, or {@code null} (a front-end processor answers in its tables,
     *        offline media in a result file)
     * @return the request: the task, the matter's values (as the adapter maps them), the outputs it expects, the callback
     * @throws IllegalStateException if there is none to send, saying why (the task then goes to the desk)
     */
    byte[] body(TaskEntity t, String callback) {
        DepartmentDefinition definition = gateway.active().get(t.department);
        Matter matter = definition == null ? null
                : definition.matters().stream().filter(m -> m.id().equals(t.matter)).findFirst().orElse(null);
        if (matter == null) {
            throw new IllegalStateException("department " + t.department + " or its matter " + t.matter + " is not installed now");
        }
        Map<String, String> all = decider.values(t.department, t.trackingNumber);
        Map<String, String> values = new LinkedHashMap<>();
        matter.dataElements().stream().filter(all::containsKey).forEach(e -> values.put(e, all.get(e)));
        Outcome<Map<String, String>> mapped = adapters.values(t.department, t.matter, values);
        if (mapped.failed()) {
            throw new IllegalStateException("the department's exchange adapter failed: " + mapped.failure());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", t.task);
        body.put("trackingNumber", t.trackingNumber);
        body.put("department", t.department);
        body.put("matter", t.matter);
        body.put("values", new java.util.TreeMap<>(mapped.value()));
        body.put("outputs", matter.outputs());
        if (callback != null) {
            body.put("callback", callback);
        }
        try {
            return Json.stored().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the request could not be written as JSON: " + e.getMessage());
        }
    }

    static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the task's row becomes once an answer was applied. */
    void settle(TaskEntity t, Answer answer, Decider.Applied applied, Instant now) {
        switch (applied.result()) {
            case APPLIED, ALREADY -> store.changeTask(t.task, now, r -> {
                r.state = answer.kind() == Answer.Kind.CORRECTION ? State.WAITING_CORRECTION : State.DONE;
                r.reason = null;
            });
            case CLOSED -> store.changeTask(t.task, now, r -> {
                r.state = State.DONE;
                r.reason = applied.detail();
            });
            case UNAVAILABLE -> store.changeTask(t.task, now, r -> {
                r.state = State.QUEUED;
                r.nextAt = now.plusMillis(config.backoffMillis());
                r.reason = applied.detail();
            });
            default -> toDesk(t, applied.detail(), now);
        }
    }

    /** Hands the task to the officers, with the reason, in its row and in the dossier. */
    void toDesk(TaskEntity t, String reason, Instant now) {
        TaskEntity after = store.changeTask(t.task, now, r -> {
            r.state = State.DESK;
            r.reason = reason;
        });
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("task", t.task);
        payload.put("matter", t.department + "/" + t.matter);
        payload.put("reason", reason);
        try {
            decider.record(t.trackingNumber, "desk:" + t.task + ":" + after.version, now, "MANUAL", Direction.OUT,
                    t.department, "TO_DESK", Json.stored().writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        LOG.info("Task {} of {} goes to the desk: {}", t.task, t.department, reason);
    }

    /** @return the department's matters its adapter declares DIRECT, FRONT_END or DISK now */
    List<String> automaticMatters(String department) {
        DepartmentDefinition definition = gateway.active().get(department);
        if (definition == null) {
            return List.of();
        }
        return definition.matters().stream().map(Matter::id).filter(m -> {
            ExchangeMode mode = adapters.mode(department, m).value();
            return mode == ExchangeMode.DIRECT || mode == ExchangeMode.FRONT_END || mode == ExchangeMode.DISK;
        }).toList();
    }

    /** @return the departments with an exchange adapter now */
    Set<String> departmentsWithAdapters() {
        return adapters.departments();
    }
}
