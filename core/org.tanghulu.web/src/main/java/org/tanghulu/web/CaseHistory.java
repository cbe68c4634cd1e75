package org.tanghulu.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.events.RecordedCaseEvent;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CaseRejected;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CorrectionAnswered;
import org.tanghulu.core.cases.events.RecordedCaseEvent.CorrectionRequested;
import org.tanghulu.core.cases.events.RecordedCaseEvent.DepartmentCheckFailed;
import org.tanghulu.core.cases.events.RecordedCaseEvent.Rated;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskApproved;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskCancelled;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskClaimed;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskCreated;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskRejected;
import org.tanghulu.core.cases.events.RecordedCaseEvent.TaskReused;
import org.tanghulu.core.cases.events.TaskRef;
import org.tanghulu.kernel.time.PlatformTime;

/**
 * A case's history in plain words in the page's language, for the portal and the desk alike: one
 * sentence per event ({@code web.history.<type>} in {@code org.tanghulu.web.messages}), naming the
 * department and the matter, with the particulars as labelled values (outputs, the fields and materials a
 * correction names, the window's findings) labelled from the data-element dictionary and the materials' names. Never the log's developer text,
 * never JSON.
 *
 * <p>Each row is a map with {@code type}, {@code at} (ISO instant), {@code when} (Beijing time),
 * {@code who}, {@code text}, {@code note} (a person's message, or empty) and {@code values} (a list of
 * {@code label}/{@code value} maps).
 */
public final class CaseHistory {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Function<String, LocalizedText> departments;
    private final Function<MatterKey, LocalizedText> matters;
    private final Function<String, LocalizedText> elements;
    private final Function<String, LocalizedText> materials;

    private CaseHistory(Function<String, LocalizedText> departments, Function<MatterKey, LocalizedText> matters,
            Function<String, LocalizedText> elements, Function<String, LocalizedText> materials) {
        this.departments = departments;
        this.matters = matters;
        this.elements = elements;
        this.materials = materials;
    }

    /**
     * @return a history whose names come from the departments and matters present now and the
     *         data-element dictionary of the active definitions; an unknown id is shown as itself
     */
    public static CaseHistory of(Registry registry, DepartmentGateway gateway) {
        Map<String, DataElement> dictionary = gateway.elements();
        Map<MatterKey, LocalizedText> matterNames = new HashMap<>();
        Map<String, LocalizedText> materialNames = new HashMap<>();
        registry.matters().forEach(m -> {
            matterNames.put(m.key(), m.matter().name());
            m.matter().materials().forEach(x -> materialNames.putIfAbsent(x.id(), x.name()));
            m.matter().certificates().forEach(x -> materialNames.putIfAbsent(x.id(), x.name()));
        });
        return new CaseHistory(d -> registry.department(d).map(s -> s.name()).orElse(new LocalizedText(d, d)),
                k -> matterNames.getOrDefault(k, new LocalizedText(k.matter(), k.matter())),
                e -> dictionary.containsKey(e) ? dictionary.get(e).label() : new LocalizedText(e, e),
                m -> materialNames.getOrDefault(m, new LocalizedText(m, m)));
    }

    /** @return the data element's label in the dictionary, or the id itself */
    public LocalizedText label(String element) {
        return elements.apply(element);
    }

    /** @return the events as rows for a page in {@code t}'s language */
    public List<Map<String, Object>> rows(Texts t, List<RecordedCaseEvent> events) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RecordedCaseEvent e : events) {
            Map<String, Object> row = new HashMap<>();
            row.put("type", e.type());
            row.put("at", e.at().toString());
            row.put("when", TIME.format(e.at().atZone(PlatformTime.ZONE)));
            row.put("who", who(t, e.actor()));
            List<Map<String, String>> values = new ArrayList<>();
            String note = "";
            String text;
            if (e instanceof TaskCreated c) {
                text = t.get("web.history.TASK_CREATED", dept(t, c.task()), matter(t, c.task()),
                        c.promisedDue() == null ? "" : c.promisedDue().toString());
            } else if (e instanceof TaskClaimed c) {
                text = t.get("web.history.CLAIMED", dept(t, c.task()), matter(t, c.task()));
            } else if (e instanceof RecordedCaseEvent.TaskReleased r) {
                text = t.get("web.history.RELEASED", dept(t, r.task()), matter(t, r.task()));
            } else if (e instanceof TaskApproved a) {
                text = t.get("web.history.APPROVED", dept(t, a.task()), matter(t, a.task()));
                values(t, a.outputs(), values);
                note = orEmpty(a.message());
            } else if (e instanceof TaskReused r) {
                text = t.get("web.history.REUSED", dept(t, r.task()), matter(t, r.task()));
                values(t, r.outputs(), values);
            } else if (e instanceof TaskRejected r) {
                text = t.get("web.history.REJECTED", dept(t, r.task()), matter(t, r.task()));
                note = orEmpty(r.reason());
            } else if (e instanceof CaseRejected r) {
                text = t.get("web.history.CASE_REJECTED");
                note = orEmpty(r.reason());
            } else if (e instanceof TaskCancelled c) {
                text = t.get("web.history.CANCELLED", dept(t, c.task()), matter(t, c.task()));
            } else if (e instanceof CorrectionRequested q) {
                text = t.get("web.history.CORRECTION_REQUESTED", dept(t, q.task()), matter(t, q.task()));
                if (!q.fields().isEmpty()) {
                    values.add(Map.of("label", t.get("web.history.fields"), "value", labels(t, q.fields())));
                }
                if (!q.materials().isEmpty()) {
                    values.add(Map.of("label", t.get("web.history.materials"), "value", names(t, q.materials())));
                }
                note = orEmpty(q.message());
            } else if (e instanceof CorrectionAnswered a) {
                text = t.get("web.history.CORRECTION_ANSWERED", dept(t, a.task()), matter(t, a.task()),
                        a.promisedDue() == null ? "" : a.promisedDue().toString());
                if (!a.corrected().isEmpty()) {
                    values.add(Map.of("label", t.get("web.history.corrected"), "value", labels(t, a.corrected())));
                }
                if (!a.handedIn().isEmpty()) {
                    values.add(Map.of("label", t.get("web.history.handedIn"), "value", names(t, new java.util.TreeSet<>(a.handedIn()))));
                }
                note = orEmpty(a.note());
            } else if (e instanceof DepartmentCheckFailed f) {
                text = t.get("web.history.DEPARTMENT_CHECK_FAILED", dept(t, f.task()), matter(t, f.task()));
            } else if (e instanceof RecordedCaseEvent.MaterialReminder m) {
                text = t.get("web.history.MATERIAL_REMINDER", t.pick(departments.apply(m.matter().department())),
                        t.pick(matters.apply(m.matter())), m.due() == null ? "" : m.due().toString());
            } else if (e instanceof RecordedCaseEvent.OriginalsChecked o) {
                text = t.get("web.history.ORIGINALS_CHECKED");
                o.mismatched().forEach((m, reason) -> values.add(Map.of("label", t.get("web.history.mismatched",
                        t.pick(materials.apply(m))), "value", orEmpty(reason))));
                if (!o.notPresented().isEmpty()) {
                    values.add(Map.of("label", t.get("web.history.notPresented"), "value", names(t, o.notPresented())));
                }
            } else if (e instanceof RecordedCaseEvent.CertificatesHandedOver h) {
                text = t.get(h.signedOnPaper() ? "web.history.CERTIFICATES_HANDED_OVER.signed" : "web.history.CERTIFICATES_HANDED_OVER",
                        orEmpty(h.receiptNumber()));
                if (h.recipient() != null) {
                    values.add(Map.of("label", t.get("web.history.recipient"), "value", h.recipient()));
                }
            } else if (e instanceof RecordedCaseEvent.ReceiptConfirmed c) {
                text = t.get("web.history.RECEIPT_CONFIRMED", orEmpty(c.receiptNumber()));
            } else if (e instanceof Rated r) {
                text = t.get("web.history.RATED", r.level());
                note = orEmpty(r.comment());
            } else {
                String key = "web.history." + e.type();
                text = t.get(key).startsWith("??") ? t.get("web.history.other") : t.get(key);
            }
            row.put("text", text);
            row.put("note", note);
            row.put("values", values);
            rows.add(row);
        }
        return rows;
    }

    private void values(Texts t, Map<String, String> outputs, List<Map<String, String>> into) {
        outputs.forEach((id, value) -> into.add(Map.of("label", t.pick(elements.apply(id)), "value", value)));
    }

    private String labels(Texts t, Collection<String> ids) {
        return String.join(t.english() ? ", " : "、", ids.stream().map(id -> t.pick(elements.apply(id))).toList());
    }

    private String names(Texts t, Collection<String> materialIds) {
        return String.join(t.english() ? ", " : "、", materialIds.stream().map(id -> t.pick(materials.apply(id))).toList());
    }

    private String dept(Texts t, TaskRef task) {
        return task == null ? "" : t.pick(departments.apply(task.matter().department()));
    }

    private String matter(Texts t, TaskRef task) {
        return task == null ? "" : t.pick(matters.apply(task.matter()));
    }

    private static String who(Texts t, String actor) {
        return "applicant".equals(actor) ? t.get("web.history.who.applicant")
                : "platform".equals(actor) ? t.get("web.history.who.platform") : actor;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}
