package org.tanghulu.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.core.Refusal;
import org.tanghulu.exchange.DiskBatch;
import org.tanghulu.exchange.DiskImport;
import org.tanghulu.exchange.DossierEntry.Direction;
import org.tanghulu.exchange.TaskExchange.State;

/**
 * DISK mode, offline media (离线介质): the department's ready tasks go out as one file signed with the
 * platform's SM2 key ({@link DiskFile}), its decisions come back as a file signed with the department's
 * key. The platform's {@code exchange_task} rows are the outbox (QUEUED: waiting for export; WAITING:
 * exported, unanswered); every request exported and every result imported enters the case's dossier; a
 * result decides through the same {@link Decider} and {@link SystemTasks#settle} as a front-end
 * processor's, once (its answer id is recorded once, a decided task is not decided again).
 */
@Component(service = DiskExchange.class)
public class DiskExchange {

    static final String MODE = DossierRelay.DISK;
    private static final Logger LOG = LoggerFactory.getLogger(DiskExchange.class);
    /** Tasks in one batch file at most. */
    static final int MAX_BATCH = 10_000;

    private final DirectStore store;
    private final Decider decider;
    private final SystemTasks tasks;
    private final DossierStore dossiers;

    @Activate
    public DiskExchange(@Reference DirectStore store, @Reference Decider decider, @Reference SystemTasks tasks,
            @Reference DossierStore dossiers) {
        this.store = store;
        this.decider = decider;
        this.tasks = tasks;
        this.dossiers = dossiers;
    }

    /** Registers the department's public key; refuses one that is no SM2 point. */
    LinkEntity link(String department, String publicKeyHex) {
        String hex = publicKeyHex == null ? "" : publicKeyHex.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            SigningKey.publicOnly(hex);
        } catch (RuntimeException e) {
            throw new Refusal(Refusal.Kind.INVALID, "the department's key must be an SM2 public key (curve sm2p256v1): the "
                    + "uncompressed point in hex, 130 characters starting with 04");
        }
        LinkEntity l = store.linkDisk(department, hex);
        LOG.info("Department {}'s offline media registered, key {}...", department, hex.substring(0, 16));
        return l;
    }

    private LinkEntity disk(String department) {
        return store.link(department).filter(l -> l.publicKey != null)
                .orElseThrow(() -> new Refusal(Refusal.Kind.CONFLICT, "department " + department + " has no offline media "
                        + "registered (tanghulu:exchange-link --disk --public-key HEX " + department + ")"));
    }

    /** Exports the department's tasks waiting for export (and with {@code again} those exported and unanswered). */
    DiskBatch export(String department, boolean again) {
        disk(department);
        Instant now = Instant.now();
        List<TaskEntity> due = new ArrayList<>(store.lease(MODE, department, now, MAX_BATCH, now.plusSeconds(60)));
        if (again) {
            due.addAll(store.tasks(MODE, department, State.WAITING, MAX_BATCH - due.size()));
        }
        String batch = UUID.randomUUID().toString();
        List<Long> ids = new ArrayList<>();
        List<byte[]> records = new ArrayList<>();
        for (TaskEntity t : due) {
            if (!tasks.stillToSend(t, now)) {
                continue;
            }
            try {
                records.add(tasks.body(t, null));
                ids.add(t.task);
            } catch (IllegalStateException e) {
                tasks.toDesk(t, e.getMessage(), now);
            }
        }
        if (ids.isEmpty()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "no task of department " + department + " waits for export"
                    + (again ? ", and none exported is unanswered" : " (--again exports the unanswered ones once more)"));
        }
        byte[] file = DiskFile.write(DiskFile.BATCH, department, batch, now, records, dossiers.key());
        store.exported(batch, department, ids, now);
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            String trackingNumber = due.stream().filter(x -> x.task == id).findFirst().orElseThrow().trackingNumber;
            byte[] body = records.get(i);
            decider.record(trackingNumber, "disk:" + batch + ":" + id, now, MODE, Direction.OUT, department, "REQUEST",
                    requestWithBatch(body, batch));
        }
        LOG.info("Batch {} of department {}: {} task(s) exported", batch, department, ids.size());
        return new DiskBatch(batch, department, ids, file);
    }

    private static String requestWithBatch(byte[] body, String batch) {
        String json = new String(body, StandardCharsets.UTF_8);
        return "{\"batch\":\"" + batch + "\"," + json.substring(1);
    }

    /** Imports a department's signed result file. */
    DiskImport importResults(String department, byte[] file) {
        LinkEntity link = disk(department);
        Instant now = Instant.now();
        String digest = sha256(file);
        DiskFile.Signed signed;
        try {
            signed = DiskFile.read(file, DiskFile.RESULT, department, SigningKey.publicOnly(link.publicKey));
        } catch (IllegalArgumentException e) {
            store.imported(department, digest, 0, 0, 0, "refused: " + e.getMessage(), now);
            LOG.warn("Result file of department {} refused: {}", department, e.getMessage());
            throw new Refusal(Refusal.Kind.INVALID, e.getMessage());
        }
        String batch = signed.header().path("batch").isTextual() ? signed.header().path("batch").asText() : null;
        List<Long> decided = new ArrayList<>();
        List<DiskImport.Line> duplicates = new ArrayList<>();
        List<DiskImport.Line> refused = new ArrayList<>();
        for (DiskFile.Line line : signed.records()) {
            Outcome o = use(department, line.bytes(), now);
            switch (o.kind) {
                case DECIDED -> decided.add(o.task);
                case DUPLICATE -> duplicates.add(new DiskImport.Line(line.number(), o.task, o.reason));
                default -> refused.add(new DiskImport.Line(line.number(), o.task, o.reason));
            }
        }
        DiskImport report = new DiskImport(department, batch, decided, duplicates, refused);
        store.imported(department, digest, decided.size(), duplicates.size(), refused.size(), report.summary(), now);
        LOG.info("Result file of department {} (batch {}) imported: {}", department, batch, report.summary());
        return report;
    }

    private enum Kind {
        DECIDED, DUPLICATE, REFUSED
    }

    private record Outcome(Kind kind, Long task, String reason) {
    }

    /** One result: as {@link FrontEndExchange#use}, reported instead of parked. */
    private Outcome use(String department, byte[] body, Instant now) {
        Answer answer;
        try {
            answer = Answer.parse(body);
        } catch (IllegalArgumentException e) {
            return new Outcome(Kind.REFUSED, null, "not a result the platform can read: " + e.getMessage());
        }
        if (answer.kind() == Answer.Kind.ACCEPTED) {
            return new Outcome(Kind.REFUSED, answer.task(), "a result file brings decisions: APPROVED, REJECTED or CORRECTION");
        }
        TaskEntity t = store.task(answer.task()).filter(x -> MODE.equals(x.mode)).orElse(null);
        if (t == null || !t.department.equals(department) || !store.exportedTo(department, t.task)) {
            return new Outcome(Kind.REFUSED, answer.task(), "task " + answer.task() + " was never exported to department "
                    + department);
        }
        if (answer.trackingNumber() != null && !answer.trackingNumber().equals(t.trackingNumber)) {
            return new Outcome(Kind.REFUSED, t.task, "task " + t.task + " belongs to case " + t.trackingNumber + ", not to "
                    + answer.trackingNumber());
        }
        boolean fresh = decider.record(t.trackingNumber, department, MODE, "RESULT", body, answer, now);
        Decider.Applied applied = decider.apply(department, answer);
        switch (applied.result()) {
            case APPLIED -> {
                tasks.settle(t, answer, applied, now);
                return new Outcome(Kind.DECIDED, t.task, null);
            }
            case ALREADY -> {
                tasks.settle(t, answer, applied, now);
                return new Outcome(Kind.DUPLICATE, t.task, fresh ? "task " + t.task + " was decided already: this result ("
                        + answer.answerId() + ") decides nothing" : "result " + answer.answerId() + " was imported before");
            }
            case UNAVAILABLE -> {
                return new Outcome(Kind.REFUSED, t.task, applied.detail() + " (import the file again later: what it decided "
                        + "already stays decided once)");
            }
            default -> {
                if (!fresh) {
                    return new Outcome(Kind.DUPLICATE, t.task, "result " + answer.answerId() + " was imported before: "
                            + applied.detail());
                }
                tasks.settle(t, answer, applied, now);
                return new Outcome(Kind.REFUSED, t.task, applied.detail());
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
