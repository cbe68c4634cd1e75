package org.tanghulu.portal.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.CatalogNeed;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.MatterEntry;
import org.tanghulu.catalog.NeedStatus;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.Refusal;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.Checklist;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.Procedures;
import org.tanghulu.web.Exchange;
import org.tanghulu.web.Texts;

/** The catalog: the home page ({@code /}, by need and by applicant type, with search) and a group's page. */
final class CatalogPages {

    private final Registry registry;
    private final Procedures procedures;
    private final GroupSearch search = new GroupSearch();

    CatalogPages(Registry registry, Procedures procedures) {
        this.registry = registry;
        this.procedures = procedures;
    }

    /** {@code GET /}: the catalog; {@code ?q=} searches it ({@link GroupSearch}), best match first. */
    void home(Exchange x) throws IOException {
        Texts t = x.texts();
        String q = x.param("q");
        if (q != null && q.isBlank()) {
            q = null;
        }
        List<FunctionGroupStatus> all = registry.functionGroups();
        List<GroupSearch.Hit> hits = q == null ? List.of()
                : search.search(all, this::needNames, this::matterEntries, q).stream()
                        .filter(h -> h.status().problems().isEmpty()).toList();
        List<FunctionGroupStatus> groups = q != null ? hits.stream().map(GroupSearch.Hit::status).toList()
                : all.stream().filter(g -> g.problems().isEmpty()).sorted(Comparator.comparing(g -> g.group().id()))
                        .toList();
        List<Map<String, Object>> byType = new ArrayList<>();
        for (ApplicantType type : ApplicantType.values()) {
            byType.add(Map.of("id", "type-" + type.name().toLowerCase(Locale.ROOT),
                    "label", t.get("portal.type." + type.name()),
                    "groups", groups.stream().filter(g -> g.group().applicantTypes().contains(type))
                            .map(g -> card(g, t)).toList()));
        }
        List<CatalogNeed> needs = registry.needs().stream().filter(n -> n.problems().isEmpty()).map(NeedStatus::need)
                .toList();
        List<Map<String, Object>> byNeed = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (CatalogNeed need : needs) {
            List<Map<String, Object>> cards = groups.stream().filter(g -> need.id().equals(g.group().need()))
                    .peek(g -> placed.add(g.group().id())).map(g -> card(g, t)).toList();
            if (!cards.isEmpty() || q == null) {
                byNeed.add(Map.of("id", "need-" + need.id(), "need", need.id(), "label", t.pick(need.name()),
                        "description", need.description() == null ? "" : t.pick(need.description()),
                        "asks", !need.questions().isEmpty() && !cards.isEmpty(), "groups", cards));
            }
        }
        List<Map<String, Object>> other = groups.stream().filter(g -> !placed.contains(g.group().id()))
                .map(g -> card(g, t)).toList();
        if (!other.isEmpty()) {
            byNeed.add(Map.of("id", "need-other", "need", "", "label", t.get("portal.need.other"), "description", "",
                    "asks", false, "groups", other));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("byType", byType);
        model.put("byNeed", byNeed);
        model.put("count", groups.size());
        if (q != null) {
            model.put("q", q);
            model.put("results", hits.stream().map(h -> {
                Map<String, Object> card = new HashMap<>(card(h.status(), t));
                String kind = t.get("portal.search.kind." + h.kind().name());
                card.put("kind", h.kind().name());
                card.put("why", h.kind() == GroupSearch.Kind.DESCRIPTION ? t.get("portal.search.whyDescription")
                        : t.get("portal.search.why", kind, h.text() == null ? h.keyword() : t.pick(h.text())));
                return card;
            }).toList());
        }
        x.render("home.ftlh", model);
    }

    private Map<String, LocalizedText> needNames() {
        return registry.needs().stream().filter(n -> n.problems().isEmpty()).map(NeedStatus::need)
                .collect(Collectors.toMap(CatalogNeed::id, CatalogNeed::name, (a, b) -> a));
    }

    private Map<String, MatterEntry> matterEntries() {
        return registry.matters().stream().collect(Collectors.toMap(e -> e.key().toString(), e -> e, (a, b) -> a));
    }

    private static Map<String, Object> card(FunctionGroupStatus g, Texts t) {
        return Map.of("id", g.group().id(), "name", t.pick(g.group().name()),
                "description", t.pick(g.group().description()), "available", g.available());
    }

    /** @return the group, if it is known and sound; else NOT_FOUND */
    FunctionGroupStatus status(String id) {
        return registry.functionGroups().stream().filter(g -> g.group().id().equals(id) && g.problems().isEmpty())
                .findFirst().orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "no such group"));
    }

    /** @return the materials the group needs from the applicant, or, given what they have, those still missing */
    Optional<Checklist.GroupReadiness> readiness(String group, Set<String> have) {
        return procedures.checklist(have, null).groups().stream().filter(g -> g.group().equals(group)).findFirst();
    }

    /** {@code GET /groups/{id}}: flow chart, materials and the checklist ({@code ?check=1&m=…}). */
    void group(Exchange x) throws IOException {
        Texts t = x.texts();
        String id = x.pathParam("id");
        FunctionGroupStatus status = status(id);
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("name", t.pick(status.group().name()));
        model.put("description", t.pick(status.group().description()));
        model.put("available", status.available());
        Map<String, String> answers = x.params(NeedPages.ANSWER);
        if (!answers.isEmpty() && status.group().need() != null) {
            model.put("answers", NeedPages.query(answers));
            model.put("need", status.group().need());
        }
        Optional<FlowChart> chart = procedures.flowChart(id);
        chart.ifPresent(c -> {
            model.put("steps", FlowChartView.steps(c, t::pick, new FlowChartView.Labels(t.get("portal.chart.step"),
                    t.get("portal.chart.days"), t.get("portal.chart.after"))));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (FlowChart.Step s : c.steps()) {
                for (Block b : s.blocks()) {
                    rows.add(Map.of("step", s.number(), "matter", t.pick(b.name()), "department",
                            t.pick(b.departmentName()), "promised", b.promisedDays(), "statutory", b.statutoryDays(),
                            "critical", c.criticalPath().contains(b.matter())));
                }
            }
            model.put("rows", rows);
            model.put("promised", c.promisedDays());
            model.put("statutory", c.statutoryDays());
            model.put("serialPromised", c.serialPromisedDays());
        });
        Set<String> have = new LinkedHashSet<>(values(x, "m"));
        model.put("materials", materialLines(readiness(id, Set.of()), have, Set.of(), chart, t));
        model.put("ticks", have.stream().map(m -> "m=" + java.net.URLEncoder.encode(m, java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        if (x.param("check") != null) {
            readiness(id, have).ifPresent(r -> {
                model.put("ready", r.ready());
                model.put("missing", r.missing().stream().map(m -> t.pick(m.name())).toList());
                model.put("later", r.lines().stream().filter(l -> l.supply() != Checklist.Supply.AT_HAND
                        && l.supply() != Checklist.Supply.MISSING).count());
                model.put("lines", materialLines(Optional.of(r), have, Set.of(), chart, t));
            });
        }
        x.render("group.ftlh", model);
    }

    /**
     * The group's materials, one line each, as the checklist and the form show them: ticked or not, and how
     * the material reaches the case (issued by an earlier step, asked at its step, minor with its deadline).
     */
    static List<Map<String, Object>> materialLines(Optional<Checklist.GroupReadiness> readiness, Set<String> have,
            Set<String> promised, Optional<FlowChart> chart, Texts t) {
        Map<MatterKey, String> names = new HashMap<>();
        chart.ifPresent(c -> c.blocks().forEach(b -> names.put(b.matter(), t.pick(b.name()))));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Checklist.MaterialLine l : readiness.map(Checklist.GroupReadiness::lines).orElse(List.of())) {
            Map<String, Object> line = new HashMap<>();
            Material m = l.material();
            line.put("id", m.id());
            line.put("name", t.pick(m.name()));
            boolean ticked = have.contains(m.id());
            Checklist.Supply supply = l.supply() == Checklist.Supply.ISSUED ? Checklist.Supply.ISSUED
                    : ticked ? Checklist.Supply.AT_HAND : m.atStep() ? Checklist.Supply.AT_STEP
                            : m.minor() ? Checklist.Supply.MINOR : Checklist.Supply.MISSING;
            line.put("supply", supply.name());
            line.put("kind", supply == Checklist.Supply.ISSUED ? "ISSUED" : m.atStep() ? "AT_STEP" : m.minor() ? "MINOR" : "UP_FRONT");
            line.put("checked", ticked);
            line.put("promised", promised.contains(m.id()));
            line.put("step", l.step());
            line.put("issuerStep", l.issuerStep());
            line.put("days", m.supplyDays());
            line.put("note", switch (supply) {
                case ISSUED -> t.get("portal.supply.ISSUED", l.issuerStep(), names.getOrDefault(l.issuer(), String.valueOf(l.issuer())));
                case AT_STEP -> t.get("portal.supply.AT_STEP", l.step());
                case MINOR -> t.get("portal.supply.MINOR", m.supplyDays());
                default -> t.get("portal.supply." + supply.name());
            });
            lines.add(line);
        }
        return lines;
    }

    /** @return the non-blank values of a repeated parameter ({@code m} for materials) */
    static List<String> values(Exchange x, String name) {
        String[] v = x.request().getParameterValues(name);
        return v == null ? List.of() : Arrays.stream(v).filter(s -> !s.isBlank()).toList();
    }
}
