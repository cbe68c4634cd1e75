package org.tanghulu.catalog.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.DataElement;
import org.tanghulu.api.definition.DepartmentDefinition;
import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.LegacyForm;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.Matter;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.Checklist;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.RedundancyReport;
import org.tanghulu.catalog.plan.UnifiedForm;

/**
 * Derives the {@code org.tanghulu.catalog.plan} results from definitions: pure functions,
 * the caller passes the definitions present now.
 */
public final class Planner {

    private Planner() {
    }

    /** A matter with its department. */
    private record Entry(MatterKey key, DepartmentDefinition department, Matter matter) {
    }

    /** The heaviest chain of dependencies ending at a matter: its days and the matter before it ({@code null} at the start). */
    private record Chain(int days, MatterKey previous) {
    }

    /**
     * @param group the function group
     * @param departments the departments by id; every matter of the group must be defined there
     * @return the group's flow chart
     * @throws IllegalArgumentException if a matter of the group is not defined, or if its
     *         matters depend on each other in a cycle (written {@code a/x -> b/y -> a/x},
     *         each matter followed by one it waits for)
     */
    public static FlowChart chart(FunctionGroup group, Map<String, DepartmentDefinition> departments) {
        Map<MatterKey, Entry> entries = new LinkedHashMap<>();
        for (String reference : group.matters()) {
            MatterKey key = MatterKey.parse(reference, null);
            entries.put(key, find(departments, key).orElseThrow(() -> new IllegalArgumentException(
                    "function group '" + group.id() + "': matter '" + key + "' is not defined")));
        }
        Map<MatterKey, List<MatterKey>> dependencies = new LinkedHashMap<>();
        entries.values().forEach(e -> dependencies.put(e.key(), dependencies(e, entries.values())));
        List<MatterKey> order = dependenciesFirst(group.id(), dependencies);

        Map<MatterKey, Integer> stepOf = new HashMap<>();
        order.forEach(k -> stepOf.put(k, 1 + dependencies.get(k).stream().mapToInt(stepOf::get).max().orElse(0)));
        Map<Integer, List<Block>> steps = new TreeMap<>();
        for (Entry e : entries.values()) {
            Matter m = e.matter();
            steps.computeIfAbsent(stepOf.get(e.key()), s -> new ArrayList<>()).add(new Block(e.key(), m.name(),
                    e.department().id(), e.department().name(), stepOf.get(e.key()), dependencies.get(e.key()),
                    m.dataElements(), m.outputs(), m.statutoryDays(), m.promisedDays()));
        }

        Map<MatterKey, Chain> promised = chains(order, dependencies, k -> entries.get(k).matter().promisedDays());
        Map<MatterKey, Chain> statutory = chains(order, dependencies, k -> entries.get(k).matter().statutoryDays());
        MatterKey end = null;
        for (MatterKey k : entries.keySet()) {
            if (end == null || promised.get(k).days() > promised.get(end).days()) {
                end = k;
            }
        }
        List<MatterKey> criticalPath = new ArrayList<>();
        for (MatterKey k = end; k != null; k = promised.get(k).previous()) {
            criticalPath.add(0, k);
        }
        return new FlowChart(group.id(), group.version(), group.name(),
                steps.entrySet().stream().map(s -> new FlowChart.Step(s.getKey(), s.getValue())).toList(), criticalPath,
                end == null ? 0 : promised.get(end).days(),
                statutory.values().stream().mapToInt(Chain::days).max().orElse(0),
                entries.values().stream().mapToInt(e -> e.matter().promisedDays()).sum(),
                entries.values().stream().mapToInt(e -> e.matter().statutoryDays()).sum());
    }

    /**
     * @param chart the group's flow chart
     * @param elements the data elements by id: the dictionary and the departments' own
     * @param prefill values the platform holds for the applicant, by element id; may be empty
     * @return the group's unified form
     * @throws IllegalArgumentException if an element a block needs is not in {@code elements}
     */
    public static UnifiedForm form(FlowChart chart, Map<String, DataElement> elements, Map<String, String> prefill) {
        List<Block> blocks = chart.blocks();
        Set<String> placed = new HashSet<>();
        List<UnifiedForm.Section> sections = new ArrayList<>();
        for (Block block : blocks) {
            List<UnifiedForm.Field> fields = new ArrayList<>();
            for (String id : block.dataElements()) {
                if (!placed.add(id)) {
                    continue;
                }
                DataElement element = elements.get(id);
                if (element == null) {
                    throw new IllegalArgumentException("matter '" + block.matter() + "': data element '" + id
                            + "' is not defined");
                }
                MatterKey producer = blocks.stream()
                        .filter(b -> !b.matter().equals(block.matter()) && b.outputs().contains(id))
                        .map(Block::matter).findFirst().orElse(null);
                String value = producer == null ? prefill.get(id) : null;
                fields.add(new UnifiedForm.Field(id, element.type(), element.label(), element.help(),
                        element.validation(),
                        producer == null ? UnifiedForm.Source.APPLICANT : UnifiedForm.Source.STEP_OUTPUT, producer,
                        blocks.stream().filter(b -> b.dataElements().contains(id)).map(Block::matter).toList(),
                        value == null || value.isBlank() ? null : value));
            }
            if (!fields.isEmpty()) {
                sections.add(new UnifiedForm.Section(block.matter(), block.name(), fields));
            }
        }
        return new UnifiedForm(chart.group(), chart.version(), sections);
    }

    /**
     * @param chart the group's flow chart
     * @param departments the departments by id, holding the chart's matters
     * @param form the group's unified form (from {@link #form})
     * @return what the unified form saves against the departments' own forms
     * @throws IllegalArgumentException if a matter of the chart is not defined
     */
    public static RedundancyReport report(FlowChart chart, Map<String, DepartmentDefinition> departments,
            UnifiedForm form) {
        Map<String, RedundancyReport.DepartmentForms> perDepartment = new LinkedHashMap<>();
        Map<String, Integer> timesAsked = new HashMap<>();
        for (Block block : chart.blocks()) {
            Entry entry = find(departments, block.matter()).orElseThrow(() -> new IllegalArgumentException(
                    "matter '" + block.matter() + "' is not defined"));
            List<LegacyForm> forms = entry.matter().forms();
            forms.forEach(f -> f.items().stream().distinct().forEach(id -> timesAsked.merge(id, 1, Integer::sum)));
            int items = forms.stream().mapToInt(f -> f.items().size()).sum();
            perDepartment.merge(entry.department().id(),
                    new RedundancyReport.DepartmentForms(entry.department().id(), entry.department().name(),
                            forms.size(), items),
                    (a, b) -> new RedundancyReport.DepartmentForms(a.department(), a.name(), a.forms() + b.forms(),
                            a.items() + b.items()));
        }
        List<UnifiedForm.Field> fields = form.fields();
        return new RedundancyReport(chart.group(), chart.version(),
                perDepartment.values().stream().mapToInt(RedundancyReport.DepartmentForms::forms).sum(),
                perDepartment.values().stream().mapToInt(RedundancyReport.DepartmentForms::items).sum(),
                form.sections().size(),
                (int) fields.stream().filter(f -> f.source() == UnifiedForm.Source.APPLICANT).count(),
                (int) fields.stream().filter(f -> f.source() == UnifiedForm.Source.STEP_OUTPUT).count(),
                List.copyOf(perDepartment.values()),
                fields.stream().map(f -> new RedundancyReport.ElementUse(f.element(), f.label(),
                        timesAsked.getOrDefault(f.element(), 0),
                        f.usedBy().stream().map(MatterKey::department).distinct().toList(), f.usedBy(),
                        f.source() == UnifiedForm.Source.STEP_OUTPUT)).toList());
    }

    /**
     * @param have the ids of the materials the applicant has
     * @param type the applicant's type; {@code null} for all
     * @param active the active departments by id
     * @param groups the contributed function groups; those with problems are left out
     * @return the matters and groups open to {@code type}, each with what is missing
     */
    public static Checklist checklist(Set<String> have, ApplicantType type, Map<String, DepartmentDefinition> active,
            List<FunctionGroupStatus> groups) {
        List<Checklist.MatterReadiness> matters = new ArrayList<>();
        active.values().stream().sorted(Comparator.comparing(DepartmentDefinition::id)).forEach(d -> d.matters()
                .stream().filter(m -> type == null || m.applicantTypes().contains(type)).forEach(m -> {
                    List<Material> missing = missing(m.materials(), have);
                    matters.add(new Checklist.MatterReadiness(new MatterKey(d.id(), m.id()), m.name(),
                            missing.isEmpty(), missing));
                }));

        List<Checklist.GroupReadiness> readiness = new ArrayList<>();
        groups.stream().filter(s -> s.problems().isEmpty())
                .filter(s -> type == null || s.group().applicantTypes().contains(type))
                .sorted(Comparator.comparing(s -> s.group().id())).forEach(s -> {
                    List<Checklist.MaterialLine> lines = lines(s, active, have);
                    List<Material> missing = lines.stream().filter(l -> l.supply() == Checklist.Supply.MISSING)
                            .map(Checklist.MaterialLine::material).toList();
                    readiness.add(new Checklist.GroupReadiness(s.group().id(), s.group().name(), s.available(),
                            s.available() && missing.isEmpty(), missing, lines));
                });
        return new Checklist(matters, readiness);
    }

    /**
     * Every material of a group once, in step order (the group's declared order where no chart can be drawn):
     * issued by an earlier matter, asked up front (strictest wins), at its step, or minor.
     */
    private static List<Checklist.MaterialLine> lines(FunctionGroupStatus s, Map<String, DepartmentDefinition> active,
            Set<String> have) {
        Map<MatterKey, Integer> steps = new LinkedHashMap<>();
        try {
            chart(s.group(), active).blocks().forEach(b -> steps.put(b.matter(), b.step()));
        } catch (RuntimeException e) {
            // a group whose departments are not all present: declared order, no steps
        }
        List<Entry> present = s.group().matters().stream().map(r -> find(active, MatterKey.parse(r, null)))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(e -> steps.getOrDefault(e.key(), 0))).toList();
        Map<String, Checklist.MaterialLine> issued = new HashMap<>();
        present.forEach(e -> e.matter().certificates().forEach(c -> issued.putIfAbsent(c.id(),
                new Checklist.MaterialLine(c, e.key(), steps.getOrDefault(e.key(), 0), Checklist.Supply.ISSUED,
                        e.key(), steps.getOrDefault(e.key(), 0)))));
        Map<String, Checklist.MaterialLine> lines = new LinkedHashMap<>();
        for (Entry e : present) {
            int step = steps.getOrDefault(e.key(), 0);
            for (Material m : e.matter().materials()) {
                Checklist.MaterialLine issuer = issued.get(m.id());
                Checklist.MaterialLine line;
                if (issuer != null) {
                    line = new Checklist.MaterialLine(m, e.key(), step, Checklist.Supply.ISSUED, issuer.issuer(),
                            issuer.issuerStep());
                } else {
                    Checklist.Supply supply = have.contains(m.id()) ? Checklist.Supply.AT_HAND
                            : m.atStep() ? Checklist.Supply.AT_STEP : m.minor() ? Checklist.Supply.MINOR
                                    : Checklist.Supply.MISSING;
                    line = new Checklist.MaterialLine(m, e.key(), step, supply, null, 0);
                }
                lines.merge(m.id(), line, Planner::stricter);
            }
        }
        return List.copyOf(lines.values());
    }

    /** Of two needs of one material, the one asking it earliest: up front before minor before at its step. */
    private static Checklist.MaterialLine stricter(Checklist.MaterialLine a, Checklist.MaterialLine b) {
        return rank(b) < rank(a) ? b : a;
    }

    private static int rank(Checklist.MaterialLine l) {
        if (l.supply() == Checklist.Supply.ISSUED || l.supply() == Checklist.Supply.AT_HAND) {
            return 0;
        }
        return l.material().upFront() ? 1 : l.material().minor() ? 2 : 3;
    }

    private static List<Material> missing(List<Material> materials, Set<String> have) {
        return materials.stream().filter(m -> !have.contains(m.id())).toList();
    }

    private static Optional<Entry> find(Map<String, DepartmentDefinition> departments, MatterKey key) {
        DepartmentDefinition department = departments.get(key.department());
        if (department == null) {
            return Optional.empty();
        }
        return department.matters().stream().filter(m -> m.id().equals(key.matter())).findFirst()
                .map(m -> new Entry(key, department, m));
    }

    /** @return the matters of the group {@code entry} waits for: declared predecessors and producers of data it needs */
    private static List<MatterKey> dependencies(Entry entry, Iterable<Entry> group) {
        Set<MatterKey> predecessors = new HashSet<>();
        entry.matter().predecessors().forEach(p -> predecessors.add(MatterKey.parse(p, entry.key().department())));
        List<String> needs = entry.matter().dataElements();
        List<MatterKey> result = new ArrayList<>();
        for (Entry other : group) {
            if (!other.key().equals(entry.key()) && (predecessors.contains(other.key())
                    || other.matter().outputs().stream().anyMatch(needs::contains))) {
                result.add(other.key());
            }
        }
        return result;
    }

    /** @return the matters ordered so that each comes after its dependencies */
    private static List<MatterKey> dependenciesFirst(String group, Map<MatterKey, List<MatterKey>> dependencies) {
        List<MatterKey> order = new ArrayList<>();
        List<MatterKey> path = new ArrayList<>();
        for (MatterKey key : dependencies.keySet()) {
            visit(group, key, dependencies, path, order);
        }
        return order;
    }

    private static void visit(String group, MatterKey key, Map<MatterKey, List<MatterKey>> dependencies,
            List<MatterKey> path, List<MatterKey> order) {
        if (path.contains(key)) {
            List<MatterKey> cycle = new ArrayList<>(path.subList(path.indexOf(key), path.size()));
            cycle.add(key);
            throw new IllegalArgumentException("function group '" + group + "': its matters wait for each other in a cycle: "
                    + String.join(" -> ", cycle.stream().map(MatterKey::toString).toList()));
        }
        if (order.contains(key)) {
            return;
        }
        path.add(key);
        dependencies.get(key).forEach(d -> visit(group, d, dependencies, path, order));
        path.remove(path.size() - 1);
        order.add(key);
    }

    /**
     * @param order the matters, each after its dependencies
     * @return for each matter, the chain ending there with the most days; ties go to the
     *         dependency earlier in the group's order
     */
    private static Map<MatterKey, Chain> chains(List<MatterKey> order, Map<MatterKey, List<MatterKey>> dependencies,
            ToIntFunction<MatterKey> days) {
        Map<MatterKey, Chain> chains = new HashMap<>();
        for (MatterKey key : order) {
            MatterKey previous = null;
            for (MatterKey d : dependencies.get(key)) {
                if (previous == null || chains.get(d).days() > chains.get(previous).days()) {
                    previous = d;
                }
            }
            chains.put(key, new Chain(days.applyAsInt(key) + (previous == null ? 0 : chains.get(previous).days()),
                    previous));
        }
        return chains;
    }
}
