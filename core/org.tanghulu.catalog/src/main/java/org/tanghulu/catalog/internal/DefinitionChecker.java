package org.tanghulu.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.tanghulu.api.definition.CatalogNeed;
import org.tanghulu.api.definition.Choice;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.Validation;
import org.tanghulu.api.definition.Exclusion;
import org.tanghulu.api.definition.GroupExtension;
import org.tanghulu.api.definition.Question;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.LegacyForm;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;

/**
 * Decides whether definitions are "clear" in the seeds' five-clears sense (五清): every
 * matter states its legal basis, applicant types, materials and known predecessors,
 * the dependencies have no cycle, and every data element used is defined. Each problem
 * is one sentence an admin can act on. Stateless apart from the shared dictionary.
 */
final class DefinitionChecker {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    private final Map<String, DataElement> dictionary;

    /** @param dictionary the shared data elements; must itself be clear (see {@link #checkDictionary}) */
    DefinitionChecker(Collection<DataElement> dictionary) {
        this.dictionary = new HashMap<>();
        dictionary.forEach(e -> this.dictionary.put(e.id(), e));
    }

    /** @return the problems of a dictionary: the same rules as a department's own elements */
    static List<String> checkDictionary(Collection<DataElement> elements) {
        List<String> problems = new ArrayList<>();
        checkElements(elements, Map.of(), "dictionary", problems);
        return problems;
    }

    /**
     * @param department the arriving department
     * @param accepted the departments already accepted (not including this one)
     * @return its problems; empty if it is clear
     */
    List<String> check(DepartmentDefinition department, Collection<DepartmentDefinition> accepted) {
        List<String> problems = new ArrayList<>();
        if (department.id() == null || !ID.matcher(department.id()).matches()) {
            problems.add("department id '" + department.id() + "' is not a lower-case id like 'aic'");
        }
        requireText(department.name(), "department name", problems);
        Map<String, DataElement> elements = new HashMap<>(dictionary);
        checkElements(department.dataElements(), dictionary, "department", problems);
        department.dataElements().forEach(e -> elements.putIfAbsent(e.id(), e));

        if (department.matters().isEmpty()) {
            problems.add("the department defines no matters (事项)");
        }
        Map<String, DepartmentDefinition> others = new HashMap<>();
        accepted.forEach(d -> others.put(d.id(), d));
        Set<String> matterIds = new HashSet<>();
        for (Matter m : department.matters()) {
            String where = "matter '" + m.id() + "'";
            if (m.id() == null || !ID.matcher(m.id()).matches()) {
                problems.add(where + ": id is not a lower-case id like 'business-licence'");
            } else if (!matterIds.add(m.id())) {
                problems.add(where + ": defined twice");
            }
            requireText(m.name(), where + ": name", problems);
            if (m.legalBasis().isEmpty() || m.legalBasis().stream().anyMatch(s -> s == null || s.isBlank())) {
                problems.add(where + ": no legal basis (法律依据) given");
            }
            if (m.applicantTypes().isEmpty()) {
                problems.add(where + ": no applicant types (申请人类型) given");
            }
            if (m.materials().isEmpty()) {
                problems.add(where + ": no required materials (申请材料) given");
            }
            for (Material material : concat(m.materials(), m.certificates())) {
                if (material.id() == null || !ID.matcher(material.id()).matches() || material.name() == null
                        || !material.name().isPresent()) {
                    problems.add(where + ": material '" + material.id() + "' needs a lower-case id and a Chinese name");
                }
            }
            if (m.forms().isEmpty()) {
                problems.add(where + ": no forms (申请表) given: list the department's own form(s) and their items");
            }
            Set<String> formIds = new HashSet<>();
            for (LegacyForm f : m.forms()) {
                String form = where + ": form '" + f.id() + "'";
                if (f.id() == null || !ID.matcher(f.id()).matches() || !formIds.add(f.id())) {
                    problems.add(form + ": id is missing, not a lower-case id, or used twice in the matter");
                }
                requireText(f.name(), form + ": name", problems);
                if (f.items().isEmpty()) {
                    problems.add(form + ": has no items");
                }
                for (String e : f.items()) {
                    if (!elements.containsKey(e)) {
                        problems.add(form + ": data element '" + e + "' is not defined in the dictionary or the department");
                    }
                }
            }
            for (String e : m.outputs()) {
                if (!elements.containsKey(e)) {
                    problems.add(where + ": output '" + e + "' is not defined in the dictionary or the department");
                }
            }
            if (m.statutoryDays() < 0) {
                problems.add(where + ": statutory time limit (法定时限) must be a number of working days, 0 for on the spot");
            }
            if (m.promisedDays() < 0 || m.promisedDays() > Math.max(m.statutoryDays(), 0)) {
                problems.add(where + ": promised time limit (承诺时限) must be 0 (same day, 即办) or more, and not above the"
                        + " statutory " + m.statutoryDays() + " working days");
            }
        }
        for (Matter m : department.matters()) {
            for (String p : m.predecessors()) {
                checkPredecessor(department, m, p, others, problems);
            }
        }
        checkMaterialAttributes(department, others, problems);
        if (problems.isEmpty()) {
            findCycle(department, accepted).ifPresent(problems::add);
        }
        return problems;
    }

    private static void checkPredecessor(DepartmentDefinition department, Matter m, String reference,
            Map<String, DepartmentDefinition> others, List<String> problems) {
        String where = "matter '" + m.id() + "'";
        MatterKey key;
        try {
            key = MatterKey.parse(reference, department.id());
        } catch (IllegalArgumentException e) {
            problems.add(where + ": predecessor " + e.getMessage());
            return;
        }
        if (key.department().equals(department.id())) {
            if (!hasMatter(department, key.matter())) {
                problems.add(where + ": predecessor '" + reference + "' is not a matter of this department");
            }
        } else if (others.containsKey(key.department()) && !hasMatter(others.get(key.department()), key.matter())) {
            problems.add(where + ": predecessor '" + key + "' is unknown: department '" + key.department()
                    + "' has no such matter");
        }
    }

    /** Depth-first search over the predecessor graph of all accepted departments plus this one. */
    /**
     * Minor (容缺) and at-step materials: a deadline of at least one working day for a minor one, never
     * both attributes, never on a certificate, and an at-step material no predecessor issues.
     */
    private static void checkMaterialAttributes(DepartmentDefinition department, Map<String, DepartmentDefinition> others,
            List<String> problems) {
        Map<String, String> issuedBy = new HashMap<>();
        for (DepartmentDefinition d : concat(List.copyOf(others.values()), List.of(department))) {
            d.matters().forEach(m -> m.certificates().forEach(c -> issuedBy.putIfAbsent(c.id(), d.id() + "/" + m.id())));
        }
        for (Matter m : department.matters()) {
            String where = "matter '" + m.id() + "'";
            for (Material c : m.certificates()) {
                if (c.minor() || c.atStep() || c.supplyDays() != 0) {
                    problems.add(where + ": material '" + c.id() + "' is a certificate the matter issues: it cannot be"
                            + " minor, atStep or have supplyDays");
                }
            }
            for (Material x : m.materials()) {
                String material = where + ": material '" + x.id() + "'";
                if (x.minor() && x.atStep()) {
                    problems.add(material + " is both minor (supplied after acceptance) and atStep (asked at its step):"
                            + " choose one");
                }
                if (x.minor() && x.supplyDays() <= 0) {
                    problems.add(material + " is minor (容缺) but gives no supplyDays: the working days after acceptance"
                            + " within which it must be supplied, at least 1");
                } else if (!x.minor() && x.supplyDays() != 0) {
                    problems.add(material + " gives supplyDays but is not minor: mark it \"minor\": true or remove"
                            + " supplyDays");
                }
                String issuer = issuedBy.get(x.id());
                if (issuer != null && x.minor()) {
                    problems.add(material + " is a certificate issued by " + issuer + ": a certificate cannot be minor"
                            + " (容缺); the platform hands it over when that matter is approved");
                }
                if (issuer != null && x.atStep() && predecessorKeys(department, m).contains(issuer)) {
                    problems.add(material + " is atStep but issued by the earlier matter " + issuer
                            + ": remove atStep, the platform hands it over");
                }
            }
        }
    }

    private static Set<String> predecessorKeys(DepartmentDefinition department, Matter m) {
        Set<String> keys = new HashSet<>();
        for (String p : m.predecessors()) {
            try {
                keys.add(MatterKey.parse(p, department.id()).toString());
            } catch (RuntimeException e) {
                // an unreadable reference is reported by checkPredecessor
            }
        }
        return keys;
    }

    private static Optional<String> findCycle(DepartmentDefinition department,
            Collection<DepartmentDefinition> accepted) {
        Map<MatterKey, List<MatterKey>> graph = new LinkedHashMap<>();
        List<DepartmentDefinition> all = new ArrayList<>(accepted);
        all.add(department);
        for (DepartmentDefinition d : all) {
            for (Matter m : d.matters()) {
                List<MatterKey> preds = new ArrayList<>();
                m.predecessors().forEach(p -> preds.add(MatterKey.parse(p, d.id())));
                graph.put(new MatterKey(d.id(), m.id()), preds);
            }
        }
        Set<MatterKey> done = new HashSet<>();
        for (Matter m : department.matters()) {
            List<MatterKey> path = new ArrayList<>();
            MatterKey cycleStart = visit(new MatterKey(department.id(), m.id()), graph, path, done);
            if (cycleStart != null) {
                List<MatterKey> cycle = new ArrayList<>(path.subList(path.indexOf(cycleStart), path.size()));
                cycle.add(cycleStart);
                return Optional.of("predecessors form a cycle: " + String.join(" -> ",
                        cycle.stream().map(MatterKey::toString).toList()));
            }
        }
        return Optional.empty();
    }

    private static MatterKey visit(MatterKey key, Map<MatterKey, List<MatterKey>> graph, List<MatterKey> path,
            Set<MatterKey> done) {
        if (path.contains(key)) {
            return key;
        }
        if (done.contains(key) || !graph.containsKey(key)) {
            return null;
        }
        path.add(key);
        for (MatterKey next : graph.get(key)) {
            MatterKey found = visit(next, graph, path, done);
            if (found != null) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        done.add(key);
        return null;
    }

    /** @return the problems of a function group's own definition */
    static List<String> check(FunctionGroup group) {
        List<String> problems = new ArrayList<>();
        String where = "function group '" + group.id() + "'";
        if (group.id() == null || !ID.matcher(group.id()).matches()) {
            problems.add(where + ": id is not a lower-case id like 'enterprise-establishment'");
        }
        if (group.version() <= 0) {
            problems.add(where + ": version must be positive");
        }
        requireText(group.name(), where + ": name", problems);
        if (group.applicantTypes().isEmpty()) {
            problems.add(where + ": no applicant types (申请人类型) given");
        }
        if (group.matters().isEmpty()) {
            problems.add(where + ": no matters given");
        }
        for (String reference : group.matters()) {
            try {
                MatterKey.parse(reference, null);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return problems;
    }

    /** @return the problems of a catalog need as written */
    static List<String> check(CatalogNeed need) {
        List<String> problems = new ArrayList<>();
        String where = "catalog need '" + need.id() + "'";
        if (need.id() == null || !ID.matcher(need.id()).matches()) {
            problems.add(where + ": id is not a lower-case id like 'business-start'");
        }
        requireText(need.name(), where + ": name", problems);
        Map<String, Set<String>> choices = new HashMap<>();
        for (Question q : need.questions()) {
            String question = where + ": question '" + q.id() + "'";
            if (q.id() == null || !ID.matcher(q.id()).matches() || choices.containsKey(q.id())) {
                problems.add(question + ": id is missing, not a lower-case id, or used twice in the need");
            }
            requireText(q.name(), question + ": text", problems);
            if (q.choices().size() < 2) {
                problems.add(question + ": needs at least two choices");
            }
            Set<String> ids = new HashSet<>();
            for (Choice c : q.choices()) {
                if (c.id() == null || !ID.matcher(c.id()).matches() || !ids.add(c.id())) {
                    problems.add(question + ": choice '" + c.id() + "' is missing, not a lower-case id, or used twice");
                }
                requireText(c.name(), question + ": choice '" + c.id() + "': name", problems);
            }
            choices.put(q.id(), ids);
        }
        for (Exclusion x : need.exclusions()) {
            if (x.answers().isEmpty()) {
                problems.add(where + ": an exclusion names no answers");
            }
            x.answers().forEach((q, c) -> {
                if (!choices.getOrDefault(q, Set.of()).contains(c)) {
                    problems.add(where + ": an exclusion names answer '" + q + "=" + c + "', which the need does not ask");
                }
            });
            requireText(x.reason(), where + ": exclusion " + x.answers() + ": reason", problems);
        }
        return problems;
    }

    /** @return the problems of a group extension as written; whether it applies is decided against the catalog */
    static List<String> check(GroupExtension extension) {
        List<String> problems = new ArrayList<>();
        String where = "group extension '" + extension.id() + "'";
        if (extension.id() == null || !ID.matcher(extension.id()).matches()) {
            problems.add(where + ": id is not a lower-case id like 'epb-environmental-check'");
        }
        if (extension.version() <= 0) {
            problems.add(where + ": version must be positive");
        }
        if (extension.group() == null || !ID.matcher(extension.group()).matches()) {
            problems.add(where + ": names no function group to extend");
        }
        if (extension.matters().isEmpty()) {
            problems.add(where + ": adds no matters");
        }
        for (String reference : extension.matters()) {
            try {
                MatterKey.parse(reference, null);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return problems;
    }

    /**
     * @param group a clear function group
     * @param active the accepted departments by id
     * @return why the group cannot take new cases; empty if it can
     */
    static List<String> missing(FunctionGroup group, Map<String, DepartmentDefinition> active) {
        List<String> missing = new ArrayList<>();
        Set<String> reportedDepartments = new HashSet<>();
        for (String reference : group.matters()) {
            MatterKey key = MatterKey.parse(reference, null);
            DepartmentDefinition d = active.get(key.department());
            if (d == null) {
                if (reportedDepartments.add(key.department())) {
                    missing.add("department '" + key.department() + "' is not installed or not active");
                }
            } else if (!hasMatter(d, key.matter())) {
                missing.add("department '" + key.department() + "' has no matter '" + key.matter() + "'");
            }
        }
        return missing;
    }

    private static boolean hasMatter(DepartmentDefinition d, String matter) {
        return d.matters().stream().anyMatch(m -> matter.equals(m.id()));
    }

    private static void checkElements(Collection<DataElement> elements, Map<String, DataElement> shared,
            String owner, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (DataElement e : elements) {
            String where = "data element '" + e.id() + "'";
            if (e.id() == null || !ID.matcher(e.id()).matches()) {
                problems.add(where + ": id is not a lower-case id like 'enterprise-name'");
            } else if (shared.containsKey(e.id())) {
                problems.add(where + ": already defined in the shared dictionary; reference it instead of redefining it");
            } else if (!seen.add(e.id())) {
                problems.add(where + ": defined twice in the " + owner);
            }
            checkElement(e, where, problems);
        }
    }

    /** The rules every element and every column of a table obey. */
    private static void checkElement(DataElement e, String where, List<String> problems) {
        if (e.type() == null) {
            problems.add(where + ": no type given");
        }
        requireText(e.label(), where + ": label", problems);
        requireText(e.help(), where + ": help text", problems);
        if (e.type() == DataType.TABLE) {
            checkColumns(e, where, problems);
        }
        if (e.validation() != null) {
            if (e.type() == DataType.CHOICE && e.validation().options().isEmpty()) {
                problems.add(where + ": a CHOICE needs options");
            }
            e.validation().optionLabels().keySet().stream().filter(o -> !e.validation().options().contains(o))
                    .sorted().forEach(o -> problems.add(where + ": a label for \"" + o + "\", which is not an option"));
            if (e.validation().pattern() != null) {
                try {
                    Pattern.compile(e.validation().pattern());
                } catch (PatternSyntaxException x) {
                    problems.add(where + ": pattern is not a valid regular expression: " + x.getDescription());
                }
            }
        } else if (e.type() == DataType.CHOICE) {
            problems.add(where + ": a CHOICE needs options");
        }
    }

    /** A TABLE needs columns with distinct ids, none a table itself, each a clear element; sensible row limits. */
    private static void checkColumns(DataElement table, String where, List<String> problems) {
        Validation v = table.validation();
        if (v == null || v.columns().isEmpty()) {
            problems.add(where + ": a TABLE needs columns");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (DataElement c : v.columns()) {
            String column = where + ", column '" + c.id() + "'";
            if (c.id() == null || !ID.matcher(c.id()).matches()) {
                problems.add(column + ": id is not a lower-case id like 'id-number'");
            } else if (!ids.add(c.id())) {
                problems.add(column + ": defined twice in the table");
            }
            if (c.type() == DataType.TABLE) {
                problems.add(column + ": a column cannot be a TABLE (tables do not nest)");
            } else {
                checkElement(c, column, problems);
            }
        }
        if (v.minRows() != null && v.minRows() < 0 || v.maxRows() != null && v.maxRows() < 1
                || v.minRows() != null && v.maxRows() != null && v.minRows() > v.maxRows()) {
            problems.add(where + ": minRows and maxRows must satisfy 0 <= minRows <= maxRows, maxRows >= 1");
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void requireText(LocalizedText text, String what, List<String> problems) {
        if (text == null || !text.isPresent()) {
            problems.add(what + " is missing (Chinese text required)");
        }
    }
}
