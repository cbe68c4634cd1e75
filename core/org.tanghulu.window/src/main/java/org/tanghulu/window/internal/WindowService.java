package org.tanghulu.window.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.uploads.Upload;
import org.tanghulu.uploads.Uploads;
import org.tanghulu.window.DeclaredMaterial;
import org.tanghulu.window.HandOver;
import org.tanghulu.window.HandOverRequest;
import org.tanghulu.window.OriginalCheck;
import org.tanghulu.window.Phase;
import org.tanghulu.window.Window;
import org.tanghulu.window.WindowCase;
import org.tanghulu.window.WindowItem;
import org.tanghulu.window.WindowRefusal;
import org.tanghulu.window.WindowRefusal.Reason;

/**
 * The window's records in its own tables. A case's declared materials and tasks are read from the case
 * engine ({@link Cases#staffView}) before the window's own transaction: for a clerk as a read-only
 * supervisor named {@code window:<clerk>} (the clerk sees what the window needs, never a department's work
 * list), for officers and applicants with their own access, so that the engine's rules decide who reads. Each
 * act, once committed here, becomes an event of its case ({@link WindowActLog}).
 */
@Component(service = Window.class)
public class WindowService implements Window {

    private static final Logger LOG = LoggerFactory.getLogger(WindowService.class);

    private final JpaTemplate jpa;
    private final Cases cases;
    private final Registry registry;
    private final Uploads uploads;
    private final WindowActLog acts;

    @Activate
    public WindowService(@Reference WindowDatabase database, @Reference Cases cases, @Reference Registry registry,
            @Reference Uploads uploads, @Reference WindowActLog acts) {
        this.uploads = uploads;
        this.acts = acts;
        this.jpa = database.jpa();
        this.cases = cases;
        this.registry = registry;
    }

    @Override
    public List<WindowItem> workList(Actor clerk, Phase phase, String query) {
        clerk(clerk);
        String like = query == null || query.isBlank() ? "%" : "%" + query.strip().toUpperCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        String where = phase == Phase.READY ? "c.outcome = 'COMPLETED' and c.handedAt is null"
                : "c.outcome is null and c.checkedAt is null";
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select c from WindowCaseEntity c where " + where
                + " and upper(c.trackingNumber) like :q order by c.submittedAt desc", WindowCaseEntity.class)
                .setParameter("q", like).setMaxResults(MAX_LIST).getResultStream().map(this::item).toList());
    }

    @Override
    public WindowCase open(String trackingNumber, Actor clerk) {
        return view(readAsWindow(trackingNumber, clerk), known(trackingNumber));
    }

    @Override
    public WindowCase check(String trackingNumber, Actor clerk, List<OriginalCheck> checks) {
        CaseView view = readAsWindow(trackingNumber, clerk);
        Map<String, OriginalCheck> findings = Rules.checks(view.materials(), checks);
        jpa.tx(TransactionType.Required, em -> {
            WindowCaseEntity c = locked(em, trackingNumber);
            if (c.checkedAt != null) {
                throw new WindowRefusal(Reason.ALREADY_CHECKED, "The originals of " + trackingNumber + " were checked already.");
            }
            if (c.outcome != null) {
                throw new WindowRefusal(Reason.NOT_IN_ACCEPTANCE, "Case " + trackingNumber + " is closed.");
            }
            for (OriginalCheck f : findings.values()) {
                CheckEntity e = new CheckEntity();
                e.trackingNumber = trackingNumber;
                e.material = f.material();
                e.verdict = f.verdict();
                e.reason = f.reason();
                em.persist(e);
            }
            c.checkedAt = Instant.now();
            c.checkedBy = clerk.name();
        });
        LOG.info("Originals of {} checked by {}", trackingNumber, clerk.name());
        acts.record(trackingNumber);
        return view(view, known(trackingNumber));
    }

    @Override
    public WindowCase handOver(String trackingNumber, Actor clerk, HandOverRequest request) {
        CaseView view = readAsWindow(trackingNumber, clerk);
        HandOverRequest valid = Rules.handOver(request);
        jpa.tx(TransactionType.Required, em -> {
            WindowCaseEntity c = locked(em, trackingNumber);
            if (c.handedAt != null) {
                throw new WindowRefusal(Reason.ALREADY_HANDED_OVER, "The certificates of " + trackingNumber
                        + " were handed over already (receipt " + c.receiptNumber + ").");
            }
            if (!WindowCaseEntity.COMPLETED.equals(c.outcome)) {
                throw new WindowRefusal(Reason.NOT_FINISHED, "Case " + trackingNumber + " is not completed.");
            }
            c.recipient = valid.recipient();
            c.idNumber = valid.idNumber();
            c.signedOnPaper = valid.signedOnPaper();
            c.handedAt = Instant.now();
            c.handedBy = clerk.name();
            c.receiptNumber = Rules.receiptNumber(trackingNumber);
        });
        LOG.info("Certificates of {} handed over by {}", trackingNumber, clerk.name());
        acts.record(trackingNumber);
        return view(view, known(trackingNumber));
    }

    @Override
    public WindowCase forStaff(String trackingNumber, Actor actor) {
        CaseView view = cases.staffView(trackingNumber, actor);
        return view(view, known(trackingNumber));
    }

    @Override
    public WindowCase forApplicant(String trackingNumber, String accessKey) {
        CaseView view = cases.applicantView(trackingNumber, accessKey);
        return view(view, known(trackingNumber));
    }

    @Override
    public WindowCase confirm(String trackingNumber, String accessKey) {
        CaseView view = cases.applicantView(trackingNumber, accessKey);
        jpa.tx(TransactionType.Required, em -> {
            WindowCaseEntity c = locked(em, trackingNumber);
            if (c.handedAt == null) {
                throw new WindowRefusal(Reason.NOT_HANDED_OVER, "Nothing of " + trackingNumber + " was handed over yet.");
            }
            if (c.signedOnPaper || c.confirmedAt != null) {
                throw new WindowRefusal(Reason.ALREADY_CONFIRMED, "Receipt of " + trackingNumber + " is confirmed already.");
            }
            c.confirmedAt = Instant.now();
        });
        acts.record(trackingNumber);
        return view(view, known(trackingNumber));
    }

    private static void clerk(Actor actor) {
        if (actor == null || !actor.windowClerk()) {
            throw new WindowRefusal(Reason.NOT_A_CLERK, "Only window clerks may do this.");
        }
    }

    /** The case as the engine gives it to a read-only supervisor acting for the window. */
    private CaseView readAsWindow(String trackingNumber, Actor clerk) {
        clerk(clerk);
        known(trackingNumber);
        return cases.staffView(trackingNumber, new Actor("window:" + clerk.name(), Set.of(), true));
    }

    private WindowCaseEntity known(String trackingNumber) {
        WindowCaseEntity c = trackingNumber == null ? null
                : jpa.txExpr(TransactionType.Supports, em -> em.find(WindowCaseEntity.class, trackingNumber));
        if (c == null) {
            throw new WindowRefusal(Reason.UNKNOWN_CASE, "The window knows no case " + trackingNumber + ".");
        }
        return c;
    }

    private static WindowCaseEntity locked(EntityManager em, String trackingNumber) {
        WindowCaseEntity c = em.find(WindowCaseEntity.class, trackingNumber, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new WindowRefusal(Reason.UNKNOWN_CASE, "The window knows no case " + trackingNumber + ".");
        }
        return c;
    }

    private WindowItem item(WindowCaseEntity c) {
        LocalizedText group = registry.functionGroups().stream().filter(g -> g.group().id().equals(c.group)).findFirst()
                .map(g -> g.group().name()).orElse(new LocalizedText(c.group, c.group));
        return new WindowItem(c.trackingNumber, group, c.applicantName, c.submittedAt, c.closedAt,
                Rules.phase(c.outcome, c.checkedAt, c.handedAt, c.signedOnPaper, c.confirmedAt));
    }

    private WindowCase view(CaseView view, WindowCaseEntity c) {
        Map<String, CheckEntity> checks = new LinkedHashMap<>();
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select k from CheckEntity k where k.trackingNumber = :t",
                CheckEntity.class).setParameter("t", c.trackingNumber).getResultList()).forEach(k -> checks.put(k.material, k));
        Map<String, LocalizedText> names = new LinkedHashMap<>();
        registry.matters().forEach(m -> m.matter().materials().forEach(x -> names.putIfAbsent(x.id(), x.name())));
        List<DeclaredMaterial> materials = new ArrayList<>();
        for (String id : view.materials()) {
            CheckEntity k = checks.get(id);
            materials.add(new DeclaredMaterial(id, names.getOrDefault(id, new LocalizedText(id, id)),
                    k == null ? null : k.verdict, k == null ? null : k.reason, uploads(view.trackingNumber(), id)));
        }
        List<LocalizedText> certificates = new ArrayList<>();
        if (WindowCaseEntity.COMPLETED.equals(c.outcome)) {
            for (TaskView t : view.tasks()) {
                if (t.state() == TaskState.APPROVED || t.state() == TaskState.REUSED) {
                    registry.matters().stream().filter(m -> m.key().equals(t.matter())).findFirst()
                            .ifPresent(m -> m.matter().certificates().stream().map(Material::name).forEach(certificates::add));
                }
            }
        }
        HandOver handOver = c.handedAt == null ? null : new HandOver(c.receiptNumber, c.recipient, Rules.mask(c.idNumber),
                c.handedAt, c.handedBy, c.signedOnPaper, c.confirmedAt);
        return new WindowCase(item(c), materials, c.checkedAt, c.checkedBy, certificates, handOver);
    }

    private List<String> uploads(String trackingNumber, String material) {
        return uploads.ofCase(trackingNumber).stream().filter(u -> material.equals(u.material())).map(Upload::name)
                .sorted().toList();
    }
}
