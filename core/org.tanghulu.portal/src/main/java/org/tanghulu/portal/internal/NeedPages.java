package org.tanghulu.portal.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tanghulu.api.definition.CatalogNeed;
import org.tanghulu.api.definition.Choice;
import org.tanghulu.api.definition.Exclusion;
import org.tanghulu.api.definition.Question;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.NeedStatus;
import org.tanghulu.catalog.Registry;
import org.tanghulu.core.Refusal;
import org.tanghulu.web.Exchange;
import org.tanghulu.web.Texts;

/**
 * A need's questions ({@code /needs/{id}}): the applicant answers them and is led to the one group the
 * answers fit, with the answers carried on ({@code ?a.<question>=<choice>}) to prefill the form; a
 * combination no group serves is explained by the need's exclusion or by the groups that come close.
 */
final class NeedPages {

    /** The prefix of an answer's parameter: {@code a.entity-type=limited-company}. */
    static final String ANSWER = "a.";

    private final Registry registry;

    NeedPages(Registry registry) {
        this.registry = registry;
    }

    /** @return the clear need, or NOT_FOUND */
    CatalogNeed need(String id) {
        return registry.needs().stream().filter(n -> n.problems().isEmpty() && n.need().id().equals(id))
                .map(NeedStatus::need).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "no such need"));
    }

    /** {@code GET /needs/{id}}: the questions; with every question answered, the group or why there is none. */
    void page(Exchange x) throws IOException {
        Texts t = x.texts();
        CatalogNeed need = need(x.pathParam("id"));
        Map<String, String> answers = x.params(ANSWER);
        for (Map.Entry<String, String> a : answers.entrySet()) {
            if (choice(need, a.getKey(), a.getValue()) == null) {
                x.error(400, "portal.need.unknownAnswer", a.getKey(), a.getValue());
                return;
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("id", need.id());
        model.put("name", t.pick(need.name()));
        model.put("description", need.description() == null ? "" : t.pick(need.description()));
        model.put("questions", need.questions().stream().map(q -> Map.of("id", q.id(), "name", t.pick(q.name()),
                "help", q.help() == null ? "" : t.pick(q.help()),
                "choices", q.choices().stream().map(c -> Map.of("id", c.id(), "name", t.pick(c.name()),
                        "checked", c.id().equals(answers.get(q.id())))).toList())).toList());
        List<FunctionGroupStatus> groups = groups(need.id());
        boolean complete = need.questions().stream().allMatch(q -> answers.containsKey(q.id()));
        if (complete) {
            List<FunctionGroupStatus> fitting = groups.stream().filter(g -> fits(g, answers)).toList();
            if (fitting.size() == 1) {
                x.redirect("/groups/" + fitting.get(0).group().id() + "?" + query(answers));
                return;
            }
            model.put("answered", true);
            model.put("fitting", fitting.stream().map(g -> Map.of("id", g.group().id(), "name", t.pick(g.group().name()),
                    "query", query(answers))).toList());
            if (fitting.isEmpty()) {
                model.put("reason", need.exclusions().stream().filter(e -> answers.entrySet().containsAll(e.answers().entrySet()))
                        .findFirst().map(Exclusion::reason).map(t::pick)
                        .orElse(t.get("portal.need.noGroup", describe(need, answers, t))));
            }
        }
        model.put("all", groups.stream().map(g -> Map.of("id", g.group().id(), "name", t.pick(g.group().name()))).toList());
        x.render("need.ftlh", model);
    }

    /** @return the clear groups placed under the need */
    private List<FunctionGroupStatus> groups(String need) {
        return registry.functionGroups().stream()
                .filter(g -> g.problems().isEmpty() && need.equals(g.group().need())).toList();
    }

    /** @return whether every answer the group asks for was given */
    private static boolean fits(FunctionGroupStatus g, Map<String, String> answers) {
        return !g.group().answers().isEmpty() && answers.entrySet().containsAll(g.group().answers().entrySet());
    }

    /**
     * @param answers {@code ?a.<question>=<choice>} of the request; unknown ones are ignored
     * @return the form values the answers give, in the need's order of questions (a later one wins)
     */
    Map<String, String> prefill(String needId, Map<String, String> answers) {
        Map<String, String> values = new LinkedHashMap<>();
        registry.needs().stream().filter(n -> n.problems().isEmpty() && n.need().id().equals(needId)).findFirst()
                .ifPresent(n -> n.need().questions().forEach(q -> {
                    Choice c = choice(n.need(), q.id(), answers.get(q.id()));
                    if (c != null) {
                        values.putAll(c.prefill());
                    }
                }));
        return values;
    }

    private static Choice choice(CatalogNeed need, String question, String choice) {
        return need.questions().stream().filter(q -> q.id().equals(question)).flatMap(q -> q.choices().stream())
                .filter(c -> c.id().equals(choice)).findFirst().orElse(null);
    }

    private static String describe(CatalogNeed need, Map<String, String> answers, Texts t) {
        List<String> parts = new ArrayList<>();
        for (Question q : need.questions()) {
            Choice c = choice(need, q.id(), answers.get(q.id()));
            if (c != null) {
                parts.add(t.pick(c.name()));
            }
        }
        return String.join(t.get("portal.need.and"), parts);
    }

    /** @return the answers as a query string, to carry them to the group and its form */
    static String query(Map<String, String> answers) {
        return answers.entrySet().stream().map(a -> encode(ANSWER + a.getKey()) + "=" + encode(a.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
