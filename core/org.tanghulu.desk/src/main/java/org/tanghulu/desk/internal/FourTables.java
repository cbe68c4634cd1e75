package org.tanghulu.desk.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.Planner;
import org.tanghulu.web.Texts;

/**
 * The four tables of Haidian's business sorting (五清四表), computed from the definitions present now for one
 * department or one function group: applicant types per matter, each matter's scope (legal basis, materials,
 * certificates, time limits), which matters wait for which (with the data and certificates passed and the groups
 * they meet in), and each group's steps with their time limits. Cells are text, or whole numbers for days.
 */
final class FourTables {

    /** The four tables, by the name their URLs and files use. */
    enum Kind {
        APPLICANT_TYPES("applicant-types"), MATTER_SCOPE("matter-scope"), COLLABORATION("collaboration"),
        PROCESS("process");

        final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        static Optional<Kind> of(String slug) {
            return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
        }
    }

    /** What a table covers: a department's matters, or a function group's. */
    record Scope(boolean group, String id) {
    }

    /** One table: its title, its column headings and its rows. */
    record Table(Kind kind, String title, List<String> columns, List<List<Object>> rows) {
    }

    /** One matter that waits for another ({@code to} waits for {@code from}), and why, in which groups. */
    private record Link(MatterKey from, MatterKey to, boolean declared, boolean data, Set<String> groups) {
    }

    private final Map<String, DepartmentDefinition> departments;
    private final List<FunctionGroup> groups;
    private final Map<String, DataElement> elements;
    private final Texts texts;
    private final Map<String, FlowChart> charts = new LinkedHashMap<>();

    /**
     * @param departments the active departments by id
     * @param groups the clear function groups
     * @param elements the data elements by id, for their names
     * @param texts the reader's language
     */
    FourTables(Map<String, DepartmentDefinition> departments, List<FunctionGroup> groups,
            Map<String, DataElement> elements, Texts texts) {
        this.departments = departments;
        this.groups = groups;
        this.elements = elements;
        this.texts = texts;
        for (FunctionGroup g : groups) {
            try {
                charts.put(g.id(), Planner.chart(g, departments));
            } catch (IllegalArgumentException notChartable) {
                // a department of the group is missing: the group has no steps now
            }
        }
    }

    /** @return the table of this kind for the scope, whose department or group must be present */
    Table table(Kind kind, Scope scope) {
        String title = texts.get("desk.tables." + kind.slug);
        return switch (kind) {
            case APPLICANT_TYPES -> applicantTypes(title, scope);
            case MATTER_SCOPE -> matterScope(title, scope);
            case COLLABORATION -> collaboration(title, scope);
            case PROCESS -> process(title, scope);
        };
    }

    private Table applicantTypes(String title, Scope scope) {
        List<String> columns = new ArrayList<>(headings("department", "code", "matter"));
        for (ApplicantType type : ApplicantType.values()) {
            columns.add(texts.get("desk.tables.applicant." + type));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (MatterKey key : matters(scope)) {
            Matter m = matter(key);
            List<Object> row = new ArrayList<>(List.of(departmentName(key), key.toString(), texts.pick(m.name())));
            for (ApplicantType type : ApplicantType.values()) {
                row.add(m.applicantTypes().contains(type) ? "✓" : "");
            }
            rows.add(row);
        }
        return new Table(Kind.APPLICANT_TYPES, title, columns, rows);
    }

    private Table matterScope(String title, Scope scope) {
        List<List<Object>> rows = new ArrayList<>();
        for (MatterKey key : matters(scope)) {
            Matter m = matter(key);
            rows.add(List.of(departmentName(key), key.toString(), texts.pick(m.name()), join(m.legalBasis()),
                    join(m.materials().stream().map(x -> texts.pick(x.name())).toList()),
                    join(m.certificates().stream().map(x -> texts.pick(x.name())).toList()),
                    join(m.outputs().stream().map(this::elementName).toList()), m.statutoryDays(), m.promisedDays()));
        }
        return new Table(Kind.MATTER_SCOPE, title, headings("department", "code", "matter", "legalBasis", "materials",
                "certificates", "outputs", "statutoryDays", "promisedDays"), rows);
    }

    private Table collaboration(String title, Scope scope) {
        Set<MatterKey> inScope = new LinkedHashSet<>(matters(scope));
        Predicate<Link> shown = scope.group() ? l -> inScope.contains(l.from()) && inScope.contains(l.to())
                : l -> inScope.contains(l.from()) || inScope.contains(l.to());
        List<List<Object>> rows = new ArrayList<>();
        for (Link link : links()) {
            if (!shown.test(link)) {
                continue;
            }
            Matter from = matter(link.from());
            Matter to = matter(link.to());
            Set<String> needed = new LinkedHashSet<>(to.dataElements());
            Set<String> materials = new LinkedHashSet<>(to.materials().stream().map(Material::id).toList());
            List<String> why = new ArrayList<>();
            if (link.declared()) {
                why.add(texts.get("desk.tables.why.declared"));
            }
            if (link.data()) {
                why.add(texts.get("desk.tables.why.data"));
            }
            rows.add(List.of(departmentName(link.from()), link.from().toString(), texts.pick(from.name()),
                    departmentName(link.to()), link.to().toString(), texts.pick(to.name()),
                    join(from.outputs().stream().filter(needed::contains).map(this::elementName).toList()),
                    join(from.certificates().stream().filter(c -> materials.contains(c.id()))
                            .map(c -> texts.pick(c.name())).toList()),
                    join(why), join(List.copyOf(link.groups()))));
        }
        return new Table(Kind.COLLABORATION, title, headings("fromDepartment", "fromCode", "fromMatter",
                "toDepartment", "toCode", "toMatter", "data", "certificatesPassed", "why", "groups"), rows);
    }

    private Table process(String title, Scope scope) {
        List<List<Object>> rows = new ArrayList<>();
        for (FunctionGroup g : groups) {
            FlowChart chart = charts.get(g.id());
            boolean shown = scope.group() ? g.id().equals(scope.id())
                    : chart != null && chart.blocks().stream().anyMatch(b -> b.department().equals(scope.id()));
            if (!shown || chart == null) {
                continue;
            }
            String group = texts.pick(g.name());
            for (Block b : chart.blocks()) {
                rows.add(List.of(group, b.step(), texts.pick(b.departmentName()), b.matter().toString(),
                        texts.pick(b.name()), join(b.dependsOn().stream().map(k -> texts.pick(matter(k).name())).toList()),
                        b.statutoryDays(), b.promisedDays(),
                        chart.criticalPath().contains(b.matter()) ? "✓" : ""));
            }
            rows.add(List.of(group, texts.get("desk.tables.total"), "", "", texts.get("desk.tables.wholeProcess"), "",
                    chart.statutoryDays(), chart.promisedDays(),
                    texts.get("desk.tables.serial", chart.serialPromisedDays(), chart.serialStatutoryDays())));
        }
        return new Table(Kind.PROCESS, title, headings("group", "step", "department", "code", "matter", "waitsFor",
                "statutoryDays", "promisedDays", "criticalPath"), rows);
    }

    /** @return every pair of matters where one waits for the other: declared predecessors and the groups' charts */
    private List<Link> links() {
        Map<List<MatterKey>, Link> links = new LinkedHashMap<>();
        for (DepartmentDefinition d : departments.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            for (Matter m : d.matters()) {
                MatterKey to = new MatterKey(d.id(), m.id());
                for (String p : m.predecessors()) {
                    MatterKey from = MatterKey.parse(p, d.id());
                    if (find(from).isPresent()) {
                        links.put(List.of(from, to), new Link(from, to, true, false, new LinkedHashSet<>()));
                    }
                }
            }
        }
        for (FunctionGroup g : groups) {
            FlowChart chart = charts.get(g.id());
            if (chart == null) {
                continue;
            }
            for (Block b : chart.blocks()) {
                for (MatterKey from : b.dependsOn()) {
                    Matter needing = matter(b.matter());
                    boolean data = matter(from).outputs().stream().anyMatch(needing.dataElements()::contains);
                    Link old = links.get(List.of(from, b.matter()));
                    Link link = old == null ? new Link(from, b.matter(), false, data, new LinkedHashSet<>())
                            : new Link(from, b.matter(), old.declared(), old.data() || data, old.groups());
                    link.groups().add(texts.pick(g.name()));
                    links.put(List.of(from, b.matter()), link);
                }
            }
        }
        return links.values().stream().sorted((a, b) -> (a.from() + " " + a.to()).compareTo(b.from() + " " + b.to()))
                .toList();
    }

    /** @return the scope's matters: a department's in its order, a group's present ones in the group's order */
    private List<MatterKey> matters(Scope scope) {
        if (scope.group()) {
            return groups.stream().filter(g -> g.id().equals(scope.id())).flatMap(g -> g.matters().stream())
                    .map(r -> MatterKey.parse(r, null)).filter(k -> find(k).isPresent()).toList();
        }
        DepartmentDefinition d = departments.get(scope.id());
        return d == null ? List.of() : d.matters().stream().map(m -> new MatterKey(d.id(), m.id())).toList();
    }

    private Optional<Matter> find(MatterKey key) {
        DepartmentDefinition d = departments.get(key.department());
        return d == null ? Optional.empty() : d.matters().stream().filter(m -> m.id().equals(key.matter())).findFirst();
    }

    private Matter matter(MatterKey key) {
        return find(key).orElseThrow(() -> new IllegalStateException("matter " + key + " is not defined"));
    }

    private String departmentName(MatterKey key) {
        DepartmentDefinition d = departments.get(key.department());
        return d == null ? key.department() : texts.pick(d.name());
    }

    private String elementName(String id) {
        DataElement e = elements.get(id);
        return e == null ? id : texts.pick(e.label());
    }

    private List<String> headings(String... columns) {
        return Arrays.stream(columns).map(c -> texts.get("desk.tables.col." + c)).toList();
    }

    private String join(List<String> parts) {
        return String.join(texts.english() ? "; " : "；", parts);
    }
}
