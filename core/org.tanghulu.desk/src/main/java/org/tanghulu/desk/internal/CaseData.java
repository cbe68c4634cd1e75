package org.tanghulu.desk.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tanghulu.core.progress.CaseProgress;
import org.tanghulu.catalog.DepartmentGateway;
import org.tanghulu.web.CaseHistory;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.Validation;
import org.tanghulu.catalog.validation.TableValue;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.catalog.MatterEntry;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.cases.Actor;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Cases;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.catalog.plan.UnifiedForm;
import org.tanghulu.exchange.DossierEntry;
import org.tanghulu.exchange.Dossiers;
import org.tanghulu.exchange.Exchanges;
import org.tanghulu.exchange.TaskExchange;
import org.tanghulu.exchange.Verification;
import org.tanghulu.web.Exchange;
import org.tanghulu.kernel.time.PlatformTime;

/**
 * What the task page and the supervisors' case page show of a case: its values with their labels,
 * the names of materials and departments, and its events in Beijing time.
 */
final class CaseData {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Cases cases;
    private final Registry registry;
    private final Procedures procedures;
    private final Dossiers dossiers;
    private final Exchanges exchanges;
    private final CaseProgress progress;
    private final DepartmentGateway gateway;

    CaseData(Cases cases, Registry registry, Procedures procedures, Dossiers dossiers, Exchanges exchanges,
            CaseProgress progress, DepartmentGateway gateway) {
        this.progress = progress;
        this.gateway = gateway;
        this.cases = cases;
        this.registry = registry;
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.exchanges = exchanges;
    }

    /** @return the task's exchange with its department's system, if its matter is on DIRECT */
    Optional<TaskExchange> exchange(long task) {
        return exchanges.task(task);
    }

    /** @return the departments with offline media registered (their officers export and import files on the desk) */
    java.util.Set<String> onOfflineMedia() {
        return exchanges.links().stream().filter(l -> l.diskKey() != null).map(org.tanghulu.exchange.LinkStatus::department)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** @return the case's values with their labels, in the unified form's order, unknown ones last by id */
    List<Map<String, Object>> data(Exchange x, CaseView view, Labels labels) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (String id : labels.order(view.values().keySet())) {
            Map<String, Object> d = new HashMap<>(Map.of("id", id, "label", x.texts().pick(labels.label(id)),
                    "value", x.texts().pick(labels.value(id, view.values().get(id)))));
            List<DataElement> columns = labels.columns(id);
            List<Map<String, String>> rows = columns.isEmpty() ? null : TableValue.rowsOrNull(view.values().get(id));
            if (rows != null) { // a TABLE: its rows under its columns' labels, options in words
                d.put("columns", columns.stream().map(c -> x.texts().pick(c.label())).toList());
                d.put("rows", rows.stream().map(r -> columns.stream().map(c -> cell(x, c, r.get(c.id()))).toList()).toList());
            }
            data.add(d);
        }
        return data;
    }

    private static String cell(Exchange x, DataElement column, String value) {
        if (value == null) {
            return "";
        }
        Validation v = column.validation();
        if (column.type() == DataType.CHOICE && v != null && v.options().contains(value)) {
            return x.texts().pick(v.label(value));
        }
        return value;
    }

    /** @return the names of the case's materials in the visitor's language, sorted by id */
    List<String> materials(Exchange x, CaseView view, Labels labels) {
        return view.materials().stream().sorted().map(m -> x.texts().pick(labels.material(m))).toList();
    }

    /** @return the materials the case waits or waited for from its applicant, each with its state (issue 14) */
    List<Map<String, Object>> waits(Exchange x, CaseView view) {
        return view.waits().stream().map(w -> Map.<String, Object>of("id", w.material(), "name", x.texts().pick(w.name()),
                "kind", x.texts().get("desk.waits." + w.kind().name(), String.valueOf(w.due())),
                "state", x.texts().get(!w.pending() ? "desk.waits.supplied" : w.overdue() ? "desk.waits.overdue" : "desk.waits.pending"),
                "overdue", w.overdue(), "pending", w.pending())).toList();
    }

    Optional<Matter> matter(TaskView task) {
        return registry.matters().stream().filter(m -> m.key().equals(task.matter())).map(MatterEntry::matter)
                .findFirst();
    }

    Labels labels(CaseView view) {
        Optional<UnifiedForm> form = procedures.form(view.group(), Map.of());
        return new Labels(form.map(UnifiedForm::fields).orElse(List.of()), registry.matters(),
                CaseHistory.of(registry, gateway));
    }

    String departmentName(Exchange x, String department) {
        return registry.department(department).map(d -> x.texts().pick(d.name())).orElse(department);
    }

    /** @return the case's events the actor may see, in plain words in the page's language, in Beijing time */
    List<Map<String, Object>> events(Exchange x, String trackingNumber, Actor actor) {
        return CaseHistory.of(registry, gateway).rows(x.texts(), progress.history(trackingNumber, actor));
    }

    /**
     * @return the case's dossier as the actor may read it: whether the whole chain verifies, and the
     *         messages of the actor's departments (a supervisor's: all), in Beijing time
     */
    Map<String, Object> dossier(Exchange x, String trackingNumber, Actor actor) {
        Verification verification = dossiers.verify(trackingNumber);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (DossierEntry e : dossiers.entries(trackingNumber)) {
            if (actor.supervisor() || actor.departments().contains(e.department())) {
                entries.add(Map.of("sequence", e.sequence(), "at", e.at().toString(),
                        "when", TIME.format(e.at().atZone(PlatformTime.ZONE)), "mode", word(x, "desk.dossier.mode." + e.mode(), e.mode()),
                        "kindLabel", word(x, "desk.dossier.kind." + e.kind(), e.kind()),
                        "direction", e.direction().name(), "department", departmentName(x, e.department()), "kind", e.kind(),
                        "payload", e.payload(), "hash", e.hash().substring(0, 12)));
            }
        }
        Map<String, Object> dossier = new HashMap<>();
        dossier.put("entries", entries);
        dossier.put("total", verification.entries());
        dossier.put("intact", verification.intact());
        if (!verification.intact()) {
            dossier.put("problem", verification.problem());
        }
        return dossier;
    }

    /** @return the text of {@code key} in the page's language, or {@code code} itself for a code without one */
    private static String word(Exchange x, String key, String code) {
        String text = x.texts().get(key);
        return text.startsWith("??") ? code : text;
    }

    /** Where the names of data elements and materials come from: the group's unified form and the matters. */
    record Labels(List<UnifiedForm.Field> fields, List<MatterEntry> matters, CaseHistory dictionary) {

        /** @return the label on the group's form, else the data-element dictionary's, else the id */
        LocalizedText label(String element) {
            return fields.stream().filter(f -> f.element().equals(element)).map(UnifiedForm.Field::label).findFirst()
                    .orElseGet(() -> dictionary.label(element));
        }

        /** @return what people read for a value: a CHOICE's option label, any other value as it is */
        LocalizedText value(String element, String value) {
            return fields.stream().filter(f -> f.element().equals(element) && f.type() == DataType.CHOICE
                    && f.validation() != null && f.validation().options().contains(value)).findFirst()
                    .map(f -> f.validation().label(value)).orElse(new LocalizedText(value, value));
        }

        /** @return a TABLE's columns; empty for any other element */
        List<DataElement> columns(String element) {
            return fields.stream().filter(f -> f.element().equals(element) && f.type() == DataType.TABLE
                    && f.validation() != null).findFirst().map(f -> f.validation().columns()).orElse(List.of());
        }

        DataType type(String element) {
            return fields.stream().filter(f -> f.element().equals(element)).map(UnifiedForm.Field::type).findFirst()
                    .orElse(DataType.TEXT);
        }

        LocalizedText material(String id) {
            return matters.stream().flatMap(m -> m.matter().materials().stream()).filter(m -> m.id().equals(id))
                    .map(Material::name).findFirst().orElse(new LocalizedText(id, id));
        }

        /** @return the ids in the form's order, ids the form does not know last, sorted */
        List<String> order(Collection<String> ids) {
            List<String> ordered = new ArrayList<>();
            fields.stream().map(UnifiedForm.Field::element).filter(ids::contains).distinct().forEach(ordered::add);
            ids.stream().filter(id -> !ordered.contains(id)).sorted().forEach(ordered::add);
            return ordered;
        }

        /** @return the fields the applicant filled in that the task's matter needs: what a correction may name */
        List<String> applicantFieldsOf(TaskView task, Optional<Matter> matter) {
            List<String> needed = matter.map(Matter::dataElements).orElse(List.of());
            return fields.stream().filter(f -> f.source() == UnifiedForm.Source.APPLICANT)
                    .map(UnifiedForm.Field::element).filter(needed::contains).distinct().toList();
        }
    }
}
