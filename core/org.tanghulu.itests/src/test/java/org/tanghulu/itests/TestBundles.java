package org.tanghulu.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes department and function-group bundles for tests: one compiled fixture class
 * registered by a DS descriptor as a {@code Department} (with the given id) or a
 * {@code FunctionGroupProvider}, and optionally its JSON definition. What a vendor's build
 * would produce, minus the vendor.
 */
final class TestBundles {

    private TestBundles() {
    }

    static void department(Path jar, String id, Class<?> implementation, String definitionJson) throws IOException {
        write(jar, "org.tanghulu.itests." + id, List.of(new Component("org.tanghulu.api.Department", "department.id", id,
                implementation)), definitionJson == null ? Map.of() : Map.of("department.json", definitionJson));
    }

    /** A bundle contributing the function groups in {@code groupsJson} (a JSON array). */
    static void functionGroups(Path jar, String name, Class<?> implementation, String groupsJson) throws IOException {
        write(jar, "org.tanghulu.itests." + name, List.of(new Component("org.tanghulu.api.FunctionGroupProvider",
                "group.bundle", name, implementation)), Map.of("function-groups.json", groupsJson));
    }

    /**
     * A vendor's department bundle that also contributes to the catalog: its department (read from
     * {@code department.json}) and a function-group provider (reading whichever of {@code function-groups.json},
     * {@code catalog-needs.json} and {@code group-extensions.json} are among {@code resources}).
     */
    static void vendor(Path jar, String id, Class<?> department, Class<?> groups, Map<String, String> resources)
            throws IOException {
        write(jar, "org.tanghulu.itests.vendor." + id, List.of(
                new Component("org.tanghulu.api.Department", "department.id", id, department),
                new Component("org.tanghulu.api.FunctionGroupProvider", "group.bundle", id, groups)), resources);
    }

    /** One DS component of a test bundle: its implementation registered as {@code service} with one property. */
    private record Component(String service, String property, String value, Class<?> implementation) {
    }

    private static void write(Path jar, String symbolicName, List<Component> components, Map<String, String> resources)
            throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.tanghulu.api;version=\"[1.0,2)\",org.tanghulu.api.definition;version=\"[1.0,2)\"");
        a.putValue("Service-Component", String.join(",", components.stream()
                .map(c -> "OSGI-INF/" + c.implementation().getSimpleName() + ".xml").toList()));
        Path tmp = jar.resolveSibling(jar.getFileName() + ".part");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp), mf)) {
            for (Component c : components) {
                String component = """
                        <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
                          <implementation class="%s"/>
                          <service><provide interface="%s"/></service>
                          <property name="%s" value="%s"/>
                        </scr:component>
                        """.formatted(c.implementation().getName(), c.implementation().getName(), c.service(),
                        c.property(), c.value());
                add(out, "OSGI-INF/" + c.implementation().getSimpleName() + ".xml", component.getBytes(StandardCharsets.UTF_8));
                String classFile = c.implementation().getName().replace('.', '/') + ".class";
                try (var in = c.implementation().getClassLoader().getResourceAsStream(classFile)) {
                    add(out, classFile, in.readAllBytes());
                }
            }
            for (Map.Entry<String, String> r : resources.entrySet()) {
                add(out, r.getKey(), r.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.move(tmp, jar); // appear whole in deploy/
    }

    private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        ((OutputStream) out).write(content);
        out.closeEntry();
    }
}
