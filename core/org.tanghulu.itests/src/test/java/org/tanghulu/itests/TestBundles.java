package org.tanghulu.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        write(jar, "org.tanghulu.itests." + id, "org.tanghulu.api.Department", "department.id", id, implementation,
                "department.json", definitionJson);
    }

    /** A bundle contributing the function groups in {@code groupsJson} (a JSON array). */
    static void functionGroups(Path jar, String name, Class<?> implementation, String groupsJson) throws IOException {
        write(jar, "org.tanghulu.itests." + name, "org.tanghulu.api.FunctionGroupProvider", "group.bundle", name,
                implementation, "function-groups.json", groupsJson);
    }

    private static void write(Path jar, String symbolicName, String service, String property, String value,
            Class<?> implementation, String resource, String json) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.tanghulu.api;version=\"[1.0,2)\",org.tanghulu.api.definition;version=\"[1.0,2)\"");
        a.putValue("Service-Component", "OSGI-INF/component.xml");
        String component = """
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
                  <implementation class="%s"/>
                  <service><provide interface="%s"/></service>
                  <property name="%s" value="%s"/>
                </scr:component>
                """.formatted(implementation.getName(), implementation.getName(), service, property, value);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".part");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp), mf)) {
            add(out, "OSGI-INF/component.xml", component.getBytes(StandardCharsets.UTF_8));
            String classFile = implementation.getName().replace('.', '/') + ".class";
            try (var in = implementation.getClassLoader().getResourceAsStream(classFile)) {
                add(out, classFile, in.readAllBytes());
            }
            if (json != null) {
                add(out, resource, json.getBytes(StandardCharsets.UTF_8));
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
