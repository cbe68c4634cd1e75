package org.tanghulu.rest.internal;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tanghulu.api.FieldProblem;
import org.tanghulu.api.definition.ApplicantType;
import org.tanghulu.api.definition.DataType;
import org.tanghulu.api.definition.LocalizedText;
import org.tanghulu.api.definition.Material;
import org.tanghulu.api.definition.MatterKey;
import org.tanghulu.api.definition.Validation;
import org.tanghulu.catalog.DepartmentState;
import org.tanghulu.core.cases.CaseEvent;
import org.tanghulu.core.cases.CaseState;
import org.tanghulu.core.cases.CaseView;
import org.tanghulu.core.cases.Decision;
import org.tanghulu.core.cases.Rating;
import org.tanghulu.core.cases.Receipt;
import org.tanghulu.core.cases.TaskState;
import org.tanghulu.core.cases.TaskView;
import org.tanghulu.catalog.plan.Block;
import org.tanghulu.catalog.plan.Checklist;
import org.tanghulu.catalog.plan.FlowChart;
import org.tanghulu.catalog.plan.RedundancyReport;
import org.tanghulu.catalog.plan.UnifiedForm;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Keeps {@code openapi.json} and the resources together: every served endpoint is
 * documented and nothing else is, with the resource methods' parameters and bodies;
 * every {@code $ref} names a schema and every schema is used; and every schema of a
 * record or enum lists exactly what Jackson writes for it (the record's components,
 * with matching types; the enum's constants).
 */
class OpenApiDocumentTest {

    /** The document's record schemas and the records Jackson writes (and reads) for them. */
    private static final Map<String, Class<? extends Record>> RECORDS = Map.ofEntries(
            entry("Submission", CaseResource.SubmissionJson.class),
            entry("HeldResult", CaseResource.HeldJson.class),
            entry("RatingRequest", CaseResource.RatingRequest.class),
            entry("Confirmation", org.tanghulu.core.cases.ResultVerifier.Confirmation.class),
            entry("Receipt", Receipt.class),
            entry("CaseView", CaseView.class),
            entry("Rating", Rating.class),
            entry("MaterialLine", org.tanghulu.catalog.plan.Checklist.MaterialLine.class),
            entry("MaterialWait", org.tanghulu.core.cases.MaterialWait.class),
            entry("TaskView", TaskView.class),
            entry("CaseEvent", CaseEvent.class),
            entry("Decision", Decision.class),
            entry("CorrectionAnswer", CaseResource.CorrectionAnswer.class),
            entry("FlowChart", FlowChart.class),
            entry("Step", FlowChart.Step.class),
            entry("Block", Block.class),
            entry("MatterKey", MatterKey.class),
            entry("UnifiedForm", UnifiedForm.class),
            entry("Section", UnifiedForm.Section.class),
            entry("Field", UnifiedForm.Field.class),
            entry("RedundancyReport", RedundancyReport.class),
            entry("DepartmentForms", RedundancyReport.DepartmentForms.class),
            entry("ElementUse", RedundancyReport.ElementUse.class),
            entry("Checklist", Checklist.class),
            entry("MatterReadiness", Checklist.MatterReadiness.class),
            entry("GroupReadiness", Checklist.GroupReadiness.class),
            entry("Material", Material.class),
            entry("LocalizedText", LocalizedText.class),
            entry("Validation", Validation.class),
            entry("DataElement", org.tanghulu.api.definition.DataElement.class),
            entry("GroupSummary", CatalogResource.GroupSummary.class),
            entry("DepartmentJson", PlatformResource.DepartmentJson.class),
            entry("Health", PlatformResource.Health.class),
            entry("Credentials", StaffResource.Credentials.class),
            entry("StaffLogin", StaffResource.StaffLogin.class),
            entry("Error", ErrorMapper.Error.class),
            entry("FieldProblem", FieldProblem.class));

    /** The document's enum schemas and their enums. */
    private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
            entry("ApplicantType", ApplicantType.class),
            entry("DataType", DataType.class),
            entry("CaseState", CaseState.class),
            entry("TaskState", TaskState.class),
            entry("Supply", org.tanghulu.catalog.plan.Checklist.Supply.class),
            entry("Kind", org.tanghulu.core.cases.MaterialWait.Kind.class),
            entry("DecisionKind", Decision.Kind.class),
            entry("DepartmentState", DepartmentState.class),
            entry("FieldSource", UnifiedForm.Source.class));

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String SCHEMAS = "#/components/schemas/";
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(?::[^}]*)?}");
    private static final String ACCESS_KEY = CaseResource.ACCESS_KEY;

    private static byte[] bytes;
    private static JsonNode document;
    private static List<Class<?>> resources;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertNotNull(in, OpenApiResource.DOCUMENT + " is missing");
            bytes = in.readAllBytes();
        }
        document = new ObjectMapper().readTree(bytes);
        resources = resourceClasses();
    }

    @Test
    void describesTheApiAsOpenApi303WithBothWaysToAuthenticate() {
        assertEquals("3.0.3", document.path("openapi").asText());
        assertEquals("Tanghulu API", document.path("info").path("title").asText());
        assertFalse(document.path("info").path("version").asText().isBlank());
        assertEquals("/api", document.path("servers").path(0).path("url").asText(), "the API's base");
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertEquals("apiKey", schemes.path("accessKey").path("type").asText());
        assertEquals("header", schemes.path("accessKey").path("in").asText());
        assertEquals(ACCESS_KEY, schemes.path("accessKey").path("name").asText());
        assertEquals("http", schemes.path("staff").path("type").asText());
        assertEquals("bearer", schemes.path("staff").path("scheme").asText());

        List<String> failures = new ArrayList<>();
        operations().forEach((key, op) -> {
            if (!op.has("security")) {
                failures.add(key + " says nothing of authentication (give \"security\": [] if none is needed)");
            }
            for (JsonNode requirement : op.path("security")) {
                names(requirement).stream().filter(s -> !schemes.has(s))
                        .forEach(s -> failures.add(key + " names an unknown security scheme " + s));
            }
            if (!op.path("responses").fields().hasNext()) {
                failures.add(key + " has no responses");
            }
            op.path("responses").fields().forEachRemaining(r -> {
                boolean health = key.equals("GET /health") && r.getKey().equals("503");
                if (r.getKey().matches("[45]\\d\\d") && !health
                        && !"Error".equals(refName(r.getValue().path("content").path("application/json").path("schema")))) {
                    failures.add(key + " answers " + r.getKey() + " without the Error schema");
                }
            });
        });
        assertEquals(List.of(), failures);
    }

    /** A new endpoint without documentation, or documentation of a removed one, fails here. */
    @Test
    void documentsEveryServedEndpointAndNothingElse() {
        Set<String> served = new TreeSet<>(resourceMethods().keySet());
        Set<String> documented = new TreeSet<>(operations().keySet());
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        assertTrue(undocumented.isEmpty() && notServed.isEmpty(),
                "served but not in openapi.json: " + undocumented + "; in openapi.json but not served: " + notServed);
        assertFalse(served.isEmpty(), "no resource methods found");
    }

    @Test
    void documentsEachMethodsParametersAndBodies() {
        Map<String, JsonNode> operations = operations();
        List<String> failures = new ArrayList<>();
        resourceMethods().forEach((key, method) -> {
            JsonNode op = operations.get(key);
            if (op == null) {
                return; // documentsEveryServedEndpointAndNothingElse says so
            }
            String where = key + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
            List<JsonNode> params = parameters(key, op);

            Set<String> query = annotated(method, QueryParam.class, QueryParam::value);
            Set<String> documentedQuery = params.stream().filter(p -> p.path("in").asText().equals("query"))
                    .map(p -> p.path("name").asText()).collect(Collectors.toCollection(TreeSet::new));
            if (!query.equals(documentedQuery)) {
                failures.add(where + ": query parameters " + query + " documented as " + documentedQuery);
            }

            Set<String> path = annotated(method, PathParam.class, PathParam::value);
            Set<String> documentedPath = params.stream().filter(p -> p.path("in").asText().equals("path"))
                    .map(p -> p.path("name").asText()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> template = new TreeSet<>();
            Matcher m = TEMPLATE.matcher(documentedPathOf(key));
            while (m.find()) {
                template.add(m.group(1));
            }
            if (!template.equals(documentedPath) || path.size() != template.size()) {
                failures.add(where + ": path parameters " + path + ", documented path " + documentedPathOf(key)
                        + " with parameters " + documentedPath);
            }
            params.stream().filter(p -> p.path("in").asText().equals("path") && !p.path("required").asBoolean())
                    .forEach(p -> failures.add(where + ": path parameter " + p.path("name").asText() + " must be required"));

            Set<String> headers = annotated(method, HeaderParam.class, h -> h.value().toLowerCase(Locale.ROOT));
            Set<String> documentedHeaders = params.stream().filter(p -> p.path("in").asText().equals("header"))
                    .map(p -> p.path("name").asText().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
            Set<String> security = new TreeSet<>();
            op.path("security").forEach(r -> security.addAll(names(r)));
            for (String h : headers) {
                boolean covered = documentedHeaders.contains(h)
                        || h.equalsIgnoreCase(HttpHeaders.AUTHORIZATION) && security.contains("staff")
                        || h.equalsIgnoreCase(ACCESS_KEY) && security.contains("accessKey");
                if (!covered) {
                    failures.add(where + ": header " + h + " is neither a documented parameter nor a security scheme");
                }
            }
            documentedHeaders.stream().filter(h -> !headers.contains(h))
                    .forEach(h -> failures.add(where + ": documents header " + h + " that the method does not read"));
            if (security.contains("staff") && !headers.contains(HttpHeaders.AUTHORIZATION.toLowerCase(Locale.ROOT))) {
                failures.add(where + ": documents staff login but does not read Authorization");
            }
            if (security.contains("accessKey") && !headers.contains(ACCESS_KEY.toLowerCase(Locale.ROOT))) {
                failures.add(where + ": documents the access key but does not read " + ACCESS_KEY);
            }

            List<Parameter> entities = Arrays.stream(method.getParameters()).filter(OpenApiDocumentTest::isEntity).toList();
            JsonNode body = op.path("requestBody");
            if (entities.isEmpty() != body.isMissingNode()) {
                failures.add(where + (entities.isEmpty() ? ": documents a request body it does not read" : ": reads an undocumented request body"));
            } else if (!entities.isEmpty()) {
                checkType(entities.get(0).getParameterizedType(), body.path("content").path("application/json").path("schema"),
                        where + " request body", failures);
            }

            Class<?> returned = method.getReturnType();
            if (returned != Response.class && returned != byte[].class) {
                checkType(method.getGenericReturnType(),
                        op.path("responses").path("200").path("content").path("application/json").path("schema"),
                        where + " 200 answer", failures);
            }
        });
        assertEquals(List.of(), failures);
    }

    @Test
    void everyRefNamesAnExistingSchema() {
        JsonNode schemas = document.path("components").path("schemas");
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertFalse(refs.isEmpty());
        List<String> broken = refs.stream()
                .filter(r -> !r.startsWith(SCHEMAS) || !schemas.has(r.substring(SCHEMAS.length())))
                .distinct().toList();
        assertEquals(List.of(), broken, "$refs that name no schema in components.schemas");
    }

    @Test
    void everySchemaIsUsed() {
        JsonNode schemas = document.path("components").path("schemas");
        List<String> roots = new ArrayList<>();
        collectRefs(document.path("paths"), roots);
        Set<String> used = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String ref = todo.pop();
            String name = ref.substring(SCHEMAS.length());
            if (used.add(name)) {
                List<String> more = new ArrayList<>();
                collectRefs(schemas.path(name), more);
                todo.addAll(more);
            }
        }
        Set<String> unused = new TreeSet<>(names(schemas));
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "schemas no endpoint uses");
    }

    /** A renamed, added, removed or retyped record component fails here. */
    @Test
    void recordSchemasListExactlyTheRecordsComponents() {
        JsonNode schemas = document.path("components").path("schemas");
        List<String> failures = new ArrayList<>();
        schemas.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode schema = e.getValue();
            if (schema.has("enum")) {
                if (!ENUMS.containsKey(name)) {
                    failures.add(name + " is an enum schema without an enum in OpenApiDocumentTest.ENUMS");
                }
                return;
            }
            Class<? extends Record> type = RECORDS.get(name);
            if (type == null) {
                failures.add(name + " is not mapped to a record in OpenApiDocumentTest.RECORDS");
                return;
            }
            if (!"object".equals(schema.path("type").asText())) {
                failures.add(name + " should be an object");
            }
            Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> properties = new TreeSet<>(names(schema.path("properties")));
            if (!components.equals(properties)) {
                failures.add(name + ": properties " + properties + " but " + type.getName() + " has " + components);
            }
            Set<String> written = written(type);
            if (!components.equals(written)) {
                failures.add(name + ": the API's Jackson writes " + written + " for " + type.getName() + ", not its components "
                        + components);
            }
            for (JsonNode required : schema.path("required")) {
                if (!properties.contains(required.asText())) {
                    failures.add(name + ": requires " + required.asText() + ", which it does not list");
                }
            }
            for (RecordComponent c : type.getRecordComponents()) {
                JsonNode property = schema.path("properties").path(c.getName());
                if (!property.isMissingNode()) {
                    checkType(c.getGenericType(), property, name + "." + c.getName(), failures);
                }
            }
        });
        RECORDS.keySet().stream().filter(n -> !schemas.has(n))
                .forEach(n -> failures.add(n + " is mapped in OpenApiDocumentTest.RECORDS but not in the document"));
        assertEquals(List.of(), failures);
    }

    @Test
    void enumSchemasListExactlyTheEnumsConstants() {
        JsonNode schemas = document.path("components").path("schemas");
        Map<String, List<String>> expected = new TreeMap<>();
        Map<String, List<String>> documented = new TreeMap<>();
        ENUMS.forEach((name, type) -> {
            expected.put(name, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            List<String> values = new ArrayList<>();
            schemas.path(name).path("enum").forEach(v -> values.add(v.asText()));
            documented.put(name, values);
            assertEquals("string", schemas.path(name).path("type").asText(), name);
        });
        assertEquals(expected, documented);
    }

    @Test
    void resourceServesTheDocumentAsItIsInTheBundleWithoutIndentation() throws Exception {
        OpenApiResource resource = new OpenApiResource();
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(bytes), json.readTree(resource.document()), "the same document");
        assertTrue(resource.document().length < bytes.length * 0.7, "served without the source's indentation");
        Method get = OpenApiResource.class.getMethod("document");
        assertEquals("application/json", get.getAnnotation(javax.ws.rs.Produces.class).value()[0]);
        assertTrue(resources.contains(OpenApiResource.class));
    }

    /** @return the properties the API's own Jackson configuration writes for {@code type} */
    private static Set<String> written(Class<?> type) {
        ObjectMapper mapper = new JsonProvider().locateMapper(type, MediaType.APPLICATION_JSON_TYPE);
        BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
        return description.findProperties().stream().filter(BeanPropertyDefinition::couldSerialize)
                .map(BeanPropertyDefinition::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- the resources, by reflection ----

    /** Every top-level class of this package with a class-level {@code @Path}. */
    private static List<Class<?>> resourceClasses() throws Exception {
        ClassLoader loader = OpenApiDocumentTest.class.getClassLoader();
        String pkg = OpenApiDocumentTest.class.getPackageName();
        Set<String> names = new TreeSet<>();
        for (URL url : Collections.list(loader.getResources(pkg.replace('.', '/')))) {
            assertEquals("file", url.getProtocol(), "classes are expected in a directory: " + url);
            try (Stream<java.nio.file.Path> files = Files.list(java.nio.file.Path.of(url.toURI()))) {
                files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class") && !f.contains("$"))
                        .forEach(f -> names.add(pkg + "." + f.substring(0, f.length() - ".class".length())));
            }
        }
        List<Class<?>> found = new ArrayList<>();
        for (String name : names) {
            Class<?> c = Class.forName(name, false, loader);
            if (c.isAnnotationPresent(Path.class)) {
                found.add(c);
            }
        }
        assertTrue(found.containsAll(List.of(PlatformResource.class, CatalogResource.class, CaseResource.class,
                TaskResource.class)), "resource classes found: " + found);
        return found;
    }

    /** @return the resource methods by "METHOD /normalised/{}/path" */
    private static Map<String, Method> resourceMethods() {
        Map<String, Method> methods = new TreeMap<>();
        for (Class<?> c : resources) {
            String base = c.getAnnotation(Path.class).value();
            for (Method m : c.getMethods()) {
                List<String> verbs = Arrays.stream(m.getAnnotations())
                        .map(a -> a.annotationType().getAnnotation(HttpMethod.class)).filter(h -> h != null)
                        .map(HttpMethod::value).toList();
                Path path = m.getAnnotation(Path.class);
                if (verbs.isEmpty()) {
                    assertTrue(path == null, c.getSimpleName() + "." + m.getName()
                            + " is a sub-resource locator; teach OpenApiDocumentTest about it");
                    continue;
                }
                for (String verb : verbs) {
                    String key = verb + " " + normalise(base + "/" + (path == null ? "" : path.value()));
                    Method earlier = methods.put(key, m);
                    assertTrue(earlier == null, key + " is served twice: " + earlier + " and " + m);
                }
            }
        }
        return methods;
    }

    private static boolean isEntity(Parameter p) {
        return Arrays.stream(p.getAnnotations()).map(Annotation::annotationType)
                .noneMatch(t -> t.getPackageName().startsWith("javax.ws.rs"));
    }

    private static <A extends Annotation> Set<String> annotated(Method m, Class<A> type,
            java.util.function.Function<A, String> name) {
        return Arrays.stream(m.getParameters()).map(p -> p.getAnnotation(type)).filter(a -> a != null).map(name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- the document ----

    /** Template names replaced by {}, one leading slash, no doubled or trailing slashes. */
    private static String normalise(String path) {
        String p = ("/" + TEMPLATE.matcher(path).replaceAll("{}")).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** @return the document's operations by "METHOD /normalised/{}/path" */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(o -> {
            if (HTTP_METHODS.contains(o.getKey())) {
                String key = o.getKey().toUpperCase(Locale.ROOT) + " " + normalise(p.getKey());
                assertTrue(operations.put(key, o.getValue()) == null, key + " is documented twice");
            }
        }));
        return operations;
    }

    private static String documentedPathOf(String operation) {
        String normalised = operation.substring(operation.indexOf(' ') + 1);
        for (String p : names(document.path("paths"))) {
            if (normalise(p).equals(normalised)) {
                return p;
            }
        }
        throw new AssertionError(operation);
    }

    /** The operation's parameters and its path's, with {@code $ref}s resolved. */
    private static List<JsonNode> parameters(String operation, JsonNode op) {
        List<JsonNode> params = new ArrayList<>();
        Stream.of(document.path("paths").path(documentedPathOf(operation)).path("parameters"), op.path("parameters"))
                .forEach(list -> list.forEach(p -> params.add(p.has("$ref") ? document.at(p.path("$ref").asText().substring(1)) : p)));
        return params;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** @return the schema name a {@code $ref} (possibly wrapped in a one-element allOf) names, or null */
    private static String refName(JsonNode schema) {
        JsonNode s = unwrap(schema);
        String ref = s.path("$ref").asText("");
        return ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : null;
    }

    /** A {@code $ref} with a description is written {@code {"allOf": [{"$ref": ...}], "description": ...}}. */
    private static JsonNode unwrap(JsonNode schema) {
        return schema.path("allOf").size() == 1 ? schema.path("allOf").path(0) : schema;
    }

    /** Checks that {@code schema} describes what Jackson writes for a value of {@code type}. */
    private static void checkType(Type type, JsonNode schema, String where, List<String> failures) {
        Class<?> raw = raw(type);
        if (schema.isMissingNode()) {
            failures.add(where + ": no schema for " + type.getTypeName());
            return;
        }
        String ref = refName(schema);
        if (ref != null || raw.isRecord() || raw.isEnum()) {
            Class<?> documented = ref == null ? null : RECORDS.containsKey(ref) ? RECORDS.get(ref) : ENUMS.get(ref);
            if (documented != raw) {
                failures.add(where + ": " + type.getTypeName() + " documented as " + (ref == null ? schema : ref));
            }
            return;
        }
        String kind = schema.path("type").asText();
        String format = schema.path("format").asText(null);
        if (Collection.class.isAssignableFrom(raw)) {
            if (!kind.equals("array")) {
                failures.add(where + ": " + type.getTypeName() + " documented as " + kind);
                return;
            }
            if (Set.class.isAssignableFrom(raw) != schema.path("uniqueItems").asBoolean(false)) {
                failures.add(where + ": uniqueItems should be " + Set.class.isAssignableFrom(raw));
            }
            checkType(argument(type, 0), schema.path("items"), where + "[]", failures);
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!kind.equals("object") || !schema.path("additionalProperties").isObject()) {
                failures.add(where + ": " + type.getTypeName() + " should be an object with additionalProperties");
                return;
            }
            checkType(argument(type, 1), schema.path("additionalProperties"), where + "{}", failures);
        } else {
            String expected = scalar(raw);
            String actual = kind + (format == null ? "" : "/" + format);
            if (!actual.equals(expected)) {
                failures.add(where + ": " + type.getTypeName() + " documented as " + actual + ", expected " + expected);
            }
        }
    }

    private static String scalar(Class<?> raw) {
        if (raw == String.class) {
            return "string";
        } else if (raw == int.class || raw == Integer.class) {
            return "integer/int32";
        } else if (raw == long.class || raw == Long.class) {
            return "integer/int64";
        } else if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        } else if (raw == BigDecimal.class) {
            return "number";
        } else if (raw == Instant.class) {
            return "string/date-time";
        } else if (raw == LocalDate.class) {
            return "string/date";
        }
        return "(teach OpenApiDocumentTest.scalar about " + raw.getName() + ")";
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new AssertionError("unexpected type " + type);
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new AssertionError(type + " is not parameterized");
    }
}
