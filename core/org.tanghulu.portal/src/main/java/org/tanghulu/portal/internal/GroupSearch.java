package org.tanghulu.portal.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tanghulu.api.definition.FunctionGroup;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.catalog.FunctionGroupStatus;
import org.tanghulu.catalog.MatterEntry;

/**
 * The catalog's search ({@code /?q=}), ranked. A group is found by its name, its {@link FunctionGroup#keywords}
 * (synonyms), the heading of its need, the names of its matters and their departments, and its description, in
 * both languages. Texts and query are normalised alike: NFKC, lower case; English words without stop words, with
 * British spellings for American ones ("license" is "licence", "-ize" is "-ise") and a light stemmer
 * ("registration" finds "register"); Chinese runs matched as substrings, or, for three characters or more, by most
 * of their bigrams (企业开办 finds 开办企业), after dropping filler words (我要, 办理, 怎么). Every term of the
 * query must match some text of the group; a group scores by where its terms matched (name before synonym before
 * need before matter before department before description) and more when one text holds them all. Each hit says
 * which text matched best. The index is made once per list of groups the registry hands out (the same list until
 * the catalog changes), not on every search (issue 13: 256 groups at Haidian's scale).
 */
final class GroupSearch {

    /** Which text of a group matched, in the order of their weight. */
    enum Kind {
        NAME(10), KEYWORD(9), NEED(7), MATTER(6), DEPARTMENT(3), DESCRIPTION(2);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /**
     * A found group.
     *
     * @param status the group
     * @param score higher is better
     * @param kind which text matched best
     * @param text that text (both languages), or {@code null} for a keyword
     * @param keyword the keyword that matched, for {@link Kind#KEYWORD}
     */
    record Hit(FunctionGroupStatus status, double score, Kind kind, LocalizedText text, String keyword) {
    }

    /** One text of a group, normalised. */
    private record Field(Kind kind, LocalizedText text, String keyword, List<String> words, String cjk) {
    }

    private record Index(List<FunctionGroupStatus> groups, Map<String, List<Field>> fields) {
    }

    private record Query(List<String> words, List<String> cjk) {
        int size() {
            return words.size() + cjk.size();
        }
    }

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "for", "to", "and", "or", "in",
            "on", "at", "by", "with", "from", "as", "is", "are", "be", "i", "me", "my", "we", "our", "you", "your",
            "want", "how", "do", "does", "can", "get", "please", "new");

    /** Chinese words that say how, not what: dropped from the query (not from the texts). */
    private static final List<String> CJK_FILLERS = List.of("我要", "我想", "想要", "怎么", "怎样", "如何", "办理", "申请",
            "需要", "哪里", "的");

    /** American spellings (word starts) and their British forms, the catalog's spelling. */
    private static final Map<String, String> BRITISH = Map.ofEntries(Map.entry("licens", "licenc"),
            Map.entry("defens", "defenc"), Map.entry("labor", "labour"), Map.entry("color", "colour"),
            Map.entry("favor", "favour"), Map.entry("honor", "honour"), Map.entry("behavior", "behaviour"),
            Map.entry("neighbor", "neighbour"), Map.entry("center", "centre"), Map.entry("theater", "theatre"),
            Map.entry("meter", "metre"), Map.entry("fiber", "fibre"), Map.entry("catalog", "catalogue"),
            Map.entry("program", "programme"), Map.entry("enroll", "enrol"), Map.entry("fulfill", "fulfil"));

    private static final Pattern IZE = Pattern.compile("(?<=..)([iy])z(?=(e|es|ed|ing|ation|ations|er|ers)$)");
    private static final Pattern TOKEN = Pattern.compile("[\\p{IsLatin}\\p{Nd}]+|[\\p{IsHan}]+");

    /** Longer queries are cut: nobody types more, and the bigram matching stays cheap. */
    static final int MAX_QUERY = 100;

    private volatile Index index;

    /**
     * @param groups the groups to search (the registry's list: the index is kept while it is the same list)
     * @param needs the catalog's needs' headings by need id
     * @param matters the active matters by {@code department/matter}
     * @param q the query; blank finds nothing
     * @return the groups found, best first; ties by id
     */
    List<Hit> search(List<FunctionGroupStatus> groups, Supplier<Map<String, LocalizedText>> needs,
            Supplier<Map<String, MatterEntry>> matters, String q) {
        Query query = query(q == null ? "" : q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q);
        if (query.size() == 0) {
            return List.of();
        }
        Map<String, List<Field>> fields = fields(groups, needs, matters);
        List<Hit> hits = new ArrayList<>();
        for (FunctionGroupStatus g : groups) {
            Hit hit = score(g, fields.getOrDefault(g.group().id(), List.of()), query);
            if (hit != null) {
                hits.add(hit);
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.status().group().id()));
        return hits;
    }

    private static Hit score(FunctionGroupStatus g, List<Field> fields, Query q) {
        double total = 0;
        Field bestField = null;
        double bestTerm = 0;
        List<ToDoubleFunction<Field>> terms = new ArrayList<>();
        q.words().forEach(w -> terms.add(f -> word(f, w)));
        q.cjk().forEach(c -> terms.add(f -> cjk(f, c)));
        for (ToDoubleFunction<Field> term : terms) {
            double best = 0;
            for (Field f : fields) {
                double s = f.kind().weight * term.applyAsDouble(f);
                if (s > best) {
                    best = s;
                }
                if (s > bestTerm) {
                    bestTerm = s;
                    bestField = f;
                }
            }
            if (best == 0) {
                return null;
            }
            total += best;
        }
        // one text holding every term counts more: the query is about that text
        Field whole = null;
        double wholeScore = 0;
        for (Field f : fields) {
            double all = 1;
            for (String w : q.words()) {
                all = Math.min(all, word(f, w));
            }
            for (String c : q.cjk()) {
                all = Math.min(all, cjk(f, c));
            }
            double s = f.kind().weight * all * (exact(f, q) ? 2 : 1);
            if (s > wholeScore) {
                wholeScore = s;
                whole = f;
            }
        }
        Field why = whole != null ? whole : bestField;
        return new Hit(g, total / q.size() + wholeScore, why.kind(), why.text(), why.keyword());
    }

    /** @return whether the text is the query and nothing more */
    private static boolean exact(Field f, Query q) {
        return f.words().equals(q.words()) && String.join("", q.cjk()).equals(f.cjk().replace(" ", ""));
    }

    /** @return 1 for the word in the text, 0.8 for a word that starts the other (regist, registr), else 0 */
    private static double word(Field f, String w) {
        double best = 0;
        for (String fw : f.words()) {
            if (fw.equals(w)) {
                return 1;
            }
            if (Math.min(fw.length(), w.length()) >= 4 && (fw.startsWith(w) || w.startsWith(fw))) {
                best = 0.8;
            }
        }
        return best;
    }

    /** @return 1 for the run in the text, up to 0.5 for most of its bigrams there, else 0 */
    private static double cjk(Field f, String c) {
        if (f.cjk().contains(c)) {
            return 1;
        }
        if (c.length() < 3) {
            return 0;
        }
        int found = 0;
        for (int i = 0; i + 2 <= c.length(); i++) {
            if (f.cjk().contains(c.substring(i, i + 2))) {
                found++;
            }
        }
        double share = found / (double) (c.length() - 1);
        return share >= 0.6 ? 0.5 * share : 0;
    }

    private Map<String, List<Field>> fields(List<FunctionGroupStatus> groups, Supplier<Map<String, LocalizedText>> needs,
            Supplier<Map<String, MatterEntry>> matters) {
        Index known = index;
        if (known == null || known.groups() != groups) {
            Map<String, List<Field>> fields = new HashMap<>();
            Map<String, LocalizedText> needNames = needs.get();
            Map<String, MatterEntry> matterEntries = matters.get();
            for (FunctionGroupStatus s : groups) {
                fields.putIfAbsent(s.group().id(), fields(s.group(), needNames, matterEntries));
            }
            known = new Index(groups, fields);
            index = known;
        }
        return known.fields();
    }

    private static List<Field> fields(FunctionGroup g, Map<String, LocalizedText> needs, Map<String, MatterEntry> matters) {
        List<Field> fields = new ArrayList<>();
        add(fields, Kind.NAME, g.name());
        g.keywords().forEach(k -> fields.add(field(Kind.KEYWORD, null, k, k)));
        if (g.need() != null) {
            add(fields, Kind.NEED, needs.get(g.need()));
        }
        for (String m : g.matters()) {
            MatterEntry e = matters.get(m);
            if (e != null) {
                add(fields, Kind.MATTER, e.matter().name());
                add(fields, Kind.DEPARTMENT, e.department());
            }
        }
        add(fields, Kind.DESCRIPTION, g.description());
        return fields;
    }

    private static void add(List<Field> fields, Kind kind, LocalizedText text) {
        if (text != null) {
            for (String s : new String[] { text.zh(), text.en() }) {
                if (s != null && !s.isBlank()) {
                    fields.add(field(kind, text, null, s));
                }
            }
        }
    }

    private static Field field(Kind kind, LocalizedText text, String keyword, String s) {
        List<String> words = new ArrayList<>();
        StringBuilder cjk = new StringBuilder();
        tokens(s, words, cjk, false);
        return new Field(kind, text, keyword, words, cjk.toString());
    }

    /** @return the query's English words and Chinese runs, normalised as the texts are */
    static Query query(String q) {
        List<String> words = new ArrayList<>();
        StringBuilder runs = new StringBuilder();
        tokens(q, words, runs, true);
        List<String> cjk = new ArrayList<>();
        for (String run : runs.toString().split(" ")) {
            if (!run.isEmpty()) {
                cjk.add(run);
            }
        }
        if (words.isEmpty() && cjk.isEmpty()) {
            // only stop words: search for them as they are
            String plain = normalise(q).strip();
            if (!plain.isEmpty() && TOKEN.matcher(plain).find()) {
                words.add(plain);
            }
        }
        return new Query(words, cjk);
    }

    private static void tokens(String s, List<String> words, StringBuilder cjk, boolean query) {
        Matcher m = TOKEN.matcher(normalise(s));
        while (m.find()) {
            String t = m.group();
            if (Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN) {
                String run = query ? withoutFillers(t) : t;
                if (!run.isEmpty()) {
                    cjk.append(run).append(' ');
                }
            } else if (!STOP_WORDS.contains(t)) {
                words.add(stem(t));
            }
        }
    }

    private static String withoutFillers(String run) {
        String left = run;
        for (String f : CJK_FILLERS) {
            left = left.replace(f, " ");
        }
        return left.isBlank() ? run : left.strip().replaceAll(" +", " ");
    }

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** @return the word in British spelling, without its inflection ("licenses" and "licence" both "licenc") */
    static String stem(String word) {
        String w = word;
        for (Map.Entry<String, String> e : BRITISH.entrySet()) {
            if (w.startsWith(e.getKey()) && !w.startsWith(e.getValue())) {
                w = e.getValue() + w.substring(e.getKey().length());
                break;
            }
        }
        w = IZE.matcher(w).replaceFirst("$1s");
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        for (int pass = 0; pass < 2; pass++) {
            for (String suffix : new String[] { "ations", "ation", "ing", "ed", "ment", "er", "e" }) {
                if (w.endsWith(suffix) && w.length() - suffix.length() >= 4) {
                    w = w.substring(0, w.length() - suffix.length());
                    break;
                }
            }
        }
        return w;
    }
}
