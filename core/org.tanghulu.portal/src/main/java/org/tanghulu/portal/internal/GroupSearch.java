package org.tanghulu.portal.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.catalog.FunctionGroupStatus;

/**
 * The catalog's search ({@code /?q=}): whether a group's name or description, in either language, contains the query,
 * ignoring case. The lower-cased texts are made once per list of groups the registry hands out (the same list until
 * the catalog changes), not on every search (issue 13: 256 groups at Haidian's scale).
 */
final class GroupSearch {

    /** Between two texts of a group, so that no query matches across them. */
    private static final String SEPARATOR = "\u0000";

    private record Index(List<FunctionGroupStatus> groups, Map<String, String> texts) {
    }

    private volatile Index index;

    /** @return whether the group matches the query; every group matches no query ({@code null}) */
    boolean matches(List<FunctionGroupStatus> groups, FunctionGroup g, String q) {
        if (q == null) {
            return true;
        }
        String needle = q.toLowerCase(Locale.ROOT);
        if (needle.contains(SEPARATOR)) {
            return false;
        }
        String text = texts(groups).get(g.id());
        return (text == null ? text(g) : text).contains(needle);
    }

    private Map<String, String> texts(List<FunctionGroupStatus> groups) {
        Index known = index;
        if (known == null || known.groups() != groups) {
            Map<String, String> texts = new HashMap<>();
            groups.forEach(s -> texts.putIfAbsent(s.group().id(), text(s.group())));
            known = new Index(groups, texts);
            index = known;
        }
        return known.texts();
    }

    private static String text(FunctionGroup g) {
        return Stream.of(g.name(), g.description()).filter(Objects::nonNull)
                .flatMap(l -> Stream.of(l.zh(), l.en())).filter(Objects::nonNull)
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(SEPARATOR));
    }
}
