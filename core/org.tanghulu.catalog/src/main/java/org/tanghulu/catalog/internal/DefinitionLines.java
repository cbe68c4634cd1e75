package org.tanghulu.catalog.internal;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where things stand in a definition file: the line of every property and array element by its JSON
 * pointer ({@code /matters/2/legalBasis}), so that every unknown property is reported at its own line in
 * one pass, and every problem the checker finds is prefixed with the line of the key at fault.
 */
final class DefinitionLines {

    /** A problem sentence's subject and, after it, the property it is about. */
    private static final Pattern SUBJECT = Pattern.compile(
            "^(matter|data element|function group|catalog need|group extension) '([^']*)'(?::\\s*(.*))?");
    /** A problem about one material of a matter: located at that material's own line. */
    private static final Pattern MATERIAL = Pattern.compile("material '([^']*)'");
    /** Phrases of the checker's sentences and the property they are about. */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("id is", "id"), Map.entry("name is missing", "name"), Map.entry("no legal basis", "legalBasis"),
            Map.entry("no applicant types", "applicantTypes"), Map.entry("no required materials", "materials"),
            Map.entry("material '", "materials"), Map.entry("no forms", "forms"), Map.entry("form '", "forms"),
            Map.entry("output '", "outputs"), Map.entry("statutory time limit", "statutoryDays"),
            Map.entry("promised time limit", "promisedDays"), Map.entry("predecessor", "predecessors"),
            Map.entry("label is missing", "label"), Map.entry("help text is missing", "help"),
            Map.entry("no type given", "type"), Map.entry("a CHOICE needs options", "validation"),
            Map.entry("pattern", "validation"), Map.entry("version must", "version"),
            Map.entry("no matters given", "matters"), Map.entry("question '", "questions"),
            Map.entry("a TABLE needs columns", "validation"), Map.entry("minRows", "validation"));
    /** The array each subject's objects are listed in. */
    private static final Map<String, String> ARRAYS = Map.of("matter", "matters", "data element", "dataElements");

    private final String file;
    private final Map<String, Integer> lines;
    /** The file's whole tree; where this view is of one element, {@link #base} points to it. */
    private final JsonNode root;
    private final String base;
    private final JsonNode tree;

    private DefinitionLines(String file, Map<String, Integer> lines, JsonNode root, String base) {
        this.file = file;
        this.lines = lines;
        this.root = root;
        this.base = base;
        this.tree = base.isEmpty() ? root : root.at(base);
    }

    /** @return the view of the element at {@code index} of the file's top-level array */
    DefinitionLines element(int index) {
        return new DefinitionLines(file, lines, root, base + "/" + index);
    }

    /** @return the lines of a definition file's properties and array elements */
    static DefinitionLines of(String file, byte[] json, JsonNode tree) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> indexes = new ArrayDeque<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                if (t == JsonToken.FIELD_NAME) {
                    String parent = path.isEmpty() ? "" : path.peek();
                    lines.putIfAbsent(parent + "/" + p.currentName(), line);
                    continue;
                }
                String here = pointer(p, t, path, indexes);
                if (t.isStructStart()) {
                    lines.putIfAbsent(here, line);
                    path.push(here);
                    indexes.push(new int[] {0});
                } else if (t.isStructEnd()) {
                    path.pop();
                    indexes.pop();
                } else {
                    lines.putIfAbsent(here, line);
                }
            }
        }
        return new DefinitionLines(file, lines, tree, "");
    }

    /** @return the pointer of the value the parser is at, counting it if it is an array element */
    private static String pointer(JsonParser p, JsonToken t, Deque<String> path, Deque<int[]> indexes)
            throws IOException {
        String parent = path.isEmpty() ? "" : path.peek();
        var enclosing = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
        if (enclosing != null && enclosing.inArray()) {
            return parent + "/" + indexes.peek()[0]++;
        }
        return p.currentName() == null || t.isStructEnd() ? parent : parent + "/" + p.currentName();
    }

    /**
     * @param type the record (or array of records) the file is read as
     * @return every property the type does not know, each at its line, naming the properties it knows
     */
    List<String> unknownProperties(Type type) {
        List<String> found = new ArrayList<>();
        walk(tree, type, base, found);
        return found;
    }

    /** @return the unknown properties of the element at {@code index} of the file's top-level array */
    List<String> unknownProperties(Type arrayType, int index) {
        return element(index).unknownProperties(raw(arrayType).getComponentType());
    }

    private void walk(JsonNode node, Type type, String pointer, List<String> found) {
        Class<?> raw = raw(type);
        if (node == null || raw == null) {
            return;
        }
        if (node.isArray()) {
            Type element = raw.isArray() ? raw.getComponentType() : Collection.class.isAssignableFrom(raw) ? argument(type, 0) : null;
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), element, pointer + "/" + i, found);
            }
        } else if (node.isObject() && raw.isRecord()) {
            Map<String, Type> known = new HashMap<>();
            Arrays.stream(raw.getRecordComponents()).forEach(c -> known.put(c.getName(), c.getGenericType()));
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = pointer + "/" + field.getKey();
                if (known.containsKey(field.getKey())) {
                    walk(field.getValue(), known.get(field.getKey()), at, found);
                } else {
                    found.add(where(at) + ": unknown property \"" + field.getKey() + "\" in " + raw.getSimpleName()
                            + " (known: " + String.join(", ", Arrays.stream(raw.getRecordComponents())
                                    .map(RecordComponent::getName).toList()) + ")");
                }
            }
        } else if (node.isObject() && Map.class.isAssignableFrom(raw)) {
            node.fields().forEachRemaining(f -> walk(f.getValue(), argument(type, 1), pointer + "/" + f.getKey(), found));
        }
    }

    /**
     * @param problems the checker's sentences about the definition read from this file
     * @return the same, each prefixed with the file and the line of the key at fault where it can be found
     */
    List<String> locate(List<String> problems) {
        return problems.stream().map(this::locate).toList();
    }

    private String locate(String problem) {
        if (problem.startsWith(file + " line ") || problem.startsWith(file + ":")) {
            return problem; // located already (a misspelt key)
        }
        Matcher m = SUBJECT.matcher(problem);
        String object = null;
        if (m.find()) {
            object = ARRAYS.containsKey(m.group(1)) ? find(ARRAYS.get(m.group(1)), m.group(2)) : find(null, m.group(2));
        }
        if (object == null) {
            return file + ": " + problem;
        }
        String rest = m.group(3) == null ? "" : m.group(3);
        Matcher material = MATERIAL.matcher(rest);
        if (material.lookingAt()) {
            for (String array : List.of("materials", "certificates")) {
                JsonNode list = tree.at(object + "/" + array);
                for (int i = 0; list.isArray() && i < list.size(); i++) {
                    if (material.group(1).equals(list.get(i).path("id").asText(null))) {
                        return where(base + object + "/" + array + "/" + i) + ": " + problem;
                    }
                }
            }
        }
        String property = PROPERTIES.entrySet().stream().filter(e -> rest.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        Integer line = property == null ? null : lines.get(base + object + "/" + property);
        return where(base + (line != null ? object + "/" + property : object)) + ": " + problem;
    }

    /** @return the pointer of the object with this id in the array (the top level if {@code array} is null) */
    private String find(String array, String id) {
        JsonNode list = array == null ? tree : tree.path(array);
        String prefix = array == null ? "" : "/" + array;
        if (!list.isArray()) {
            return tree.isObject() && id.equals(tree.path("id").asText(null)) ? "" : null;
        }
        for (int i = 0; i < list.size(); i++) {
            if (id.equals(list.get(i).path("id").asText(null))) {
                return prefix + "/" + i;
            }
        }
        return null;
    }

    private String where(String pointer) {
        Integer line = lines.get(pointer);
        return line == null ? file : file + " line " + line;
    }

    private static Class<?> raw(Type type) {
        return type instanceof Class<?> c ? c : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : null;
    }
}
