package org.tanghulu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;

/**
 * The build's own check that the released API is protected: bnd's {@link Baseline}, which the
 * bnd-baseline-maven-plugin of this module runs too, against the release this module's pom names
 * ({@code tanghulu.baseline.version}) in the tree's repository ({@code released/}). The API as it is
 * matches its release; a copy with an incompatible change and no major version bump does not.
 */
class ReleasedApiBaselineTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String DEPARTMENT = "org/tanghulu/api/Department.java";
    private static final String PACKAGE_INFO = "org/tanghulu/api/package-info.java";

    @TempDir
    Path work;

    @Test
    void theApiAsItIsMatchesItsRelease() throws Exception {
        assertEquals(List.of(), mismatches(bundle(Path.of("target/classes"))),
                "the API changed without the package versions its changes need");
    }

    @Test
    void anIncompatibleChangeWithoutAMajorVersionFails() throws Exception {
        // every vendor's Department would stop compiling: a method without a default in a consumer type
        Path classes = compileChanged(DEPARTMENT, "public interface Department {",
                "public interface Department {\n    String vendor();\n", null);
        List<String> mismatches = mismatches(bundle(classes));
        assertEquals(1, mismatches.size(), mismatches.toString());
        assertTrue(mismatches.get(0).startsWith("org.tanghulu.api: MAJOR change, version " + current()
                + " is not enough, needs 2.0.0"),
                mismatches.get(0));
    }

    @Test
    void theSameChangeWithAMajorVersionPasses() throws Exception {
        Path classes = compileChanged(DEPARTMENT, "public interface Department {",
                "public interface Department {\n    String vendor();\n", "2.0.0");
        assertEquals(List.of(), mismatches(bundle(classes)));
    }

    @Test
    void anAdditionNeedsAMinorVersion() throws Exception {
        // a new default method in a consumer type is compatible, but still a change of the package: at the
        // released version it is refused
        Path classes = compileChanged(DEPARTMENT, "public interface Department {",
                "public interface Department {\n    default String vendor() { return null; }\n", "1.0.0");
        List<String> mismatches = mismatches(bundle(classes));
        assertEquals(1, mismatches.size(), mismatches.toString());
        assertTrue(mismatches.get(0).startsWith("org.tanghulu.api: MINOR change, version 1.0.0 is not enough, needs 1.1.0"),
                mismatches.get(0));
        assertEquals(List.of(), mismatches(bundle(compileChanged(DEPARTMENT, "public interface Department {",
                "public interface Department {\n    default String vendor() { return null; }\n", "1.1.0"))));
    }

    /** @return one line per exported package whose version does not match its change since the release */
    private List<String> mismatches(Jar current) throws Exception {
        String version = System.getProperty("tanghulu.baseline.version");
        Path released = Path.of(System.getProperty("tanghulu.released"), "org/tanghulu/org.tanghulu.api", version,
                "org.tanghulu.api-" + version + ".jar");
        assertTrue(Files.isRegularFile(released), "no release at " + released);
        DiffPluginImpl differ = new DiffPluginImpl();
        differ.setIgnore("Bundle-Version");
        List<String> found = new ArrayList<>();
        try (Processor processor = new Processor(); Jar older = new Jar(released.toFile()); current) {
            for (Baseline.Info info : new Baseline(processor, differ).baseline(current, older, null)) {
                if (info.mismatch) {
                    found.add(info.packageName + ": " + info.packageDiff.getDelta() + " change, version " + info.newerVersion
                            + " is not enough, needs " + info.suggestedVersion);
                }
            }
            assertTrue(processor.getErrors().isEmpty(), processor.getErrors().toString());
        }
        return found;
    }

    /** The bundle bnd makes of these classes, as the build's bnd-maven-plugin does (exports from package-info). */
    private Jar bundle(Path classes) throws Exception {
        File file = Files.createTempFile(work, "bundle", ".jar").toFile();
        try (Builder builder = new Builder()) {
            builder.setProperty("Bundle-SymbolicName", "org.tanghulu.api");
            builder.setProperty("Bundle-Version", "1.0.0");
            builder.setJar(new Jar(classes.toFile()));
            builder.build().write(file);
            assertTrue(builder.getErrors().isEmpty(), builder.getErrors().toString());
        }
        return new Jar(file);
    }

    /** Compiles a copy of the API's sources with one change, and a package version if given. */
    private Path compileChanged(String file, String find, String replace, String packageVersion) throws IOException {
        Path copy = Files.createTempDirectory(work, "copy");
        Path src = copy.resolve("src");
        try (Stream<Path> all = Files.walk(SOURCES)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = src.resolve(SOURCES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        edit(src.resolve(file), find, replace);
        if (packageVersion != null) {
            edit(src.resolve(PACKAGE_INFO), "@Version(\"" + current() + "\")", "@Version(\"" + packageVersion + "\")");
        }
        Path classes = Files.createDirectories(copy.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classpath(), "--release", "17"));
        try (Stream<Path> all = Files.walk(src)) {
            all.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the changed copy did not compile");
        return classes;
    }

    /** @return the version {@code org.tanghulu.api} has in the sources now */
    private static String current() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("@Version\\(\"([^\"]+)\"\\)")
                .matcher(Files.readString(SOURCES.resolve(PACKAGE_INFO)));
        assertTrue(m.find(), "no @Version in " + PACKAGE_INFO);
        return m.group(1);
    }

    private static void edit(Path file, String find, String replace) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(find), file + " no longer contains " + find);
        Files.writeString(file, text.replace(find, replace));
    }

    private static String classpath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, Stream.of(path.split(File.pathSeparator))
                .filter(e -> !e.endsWith("target/classes") && !e.endsWith("target" + File.separator + "classes")).toList());
    }
}
