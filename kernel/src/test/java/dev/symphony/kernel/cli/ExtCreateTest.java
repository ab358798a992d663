package dev.symphony.kernel.cli;

import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.kernel.bus.HostClasspath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each kind {@code ext create} scaffolds: a valid manifest, a pom naming the SDK's jars, and sources (the entry class
 * and its harness test) that compile against the SDK. The Operator's whole Maven build and real host are in
 * {@link ExtAuthorEndToEndTest}.
 */
class ExtCreateTest {
    @TempDir
    Path tmp;

    @Test
    void eachKindHasAValidManifestAndCompilesAgainstTheSdk() throws Exception {
        for (String kind : List.of("operator", "instrument", "addon")) {
            scaffold(kind);
        }
    }

    private Path create(String kind) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExtCommand.run(new String[]{"create", "--kind", kind, "--dir", tmp.toString(), "my-" + kind},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), () -> null);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return tmp.resolve("my-" + kind);
    }

    private void scaffold(String kind) throws Exception {
        Path dir = create(kind);
        var manifest = ManifestReader.read(Files.readAllBytes(dir.resolve("symphony-extension.json")), "scaffold");
        assertEquals(kind, manifest.kind().name().toLowerCase(java.util.Locale.ROOT));
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertFalse(pom.contains("@"), "every placeholder filled: " + pom);
        assertTrue(pom.contains("<scope>system</scope>") && pom.contains("extensions-sdk"), pom);

        List<String> sources = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir.resolve("src"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        assertEquals(2, sources.size());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", tmp.resolve("out-" + kind).toString(), "-proc:none",
                "-cp", HostClasspath.resolve() + File.pathSeparator + System.getProperty("java.class.path")));
        args.addAll(sources);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        assertEquals(0, javac.run(null, null, diagnostics, args.toArray(String[]::new)), diagnostics.toString(StandardCharsets.UTF_8));
    }

    /**
     * {@code ext test} builds offline ({@code mvn -o}): on a fresh clone the local Maven repository holds only what a plain
     * {@code mvn verify} of this build resolved, so every dependency and plugin the scaffold names (the SDK aside, which
     * is a system path) must be one this build itself declares, in its root pom (the versions are that pom's properties,
     * filtered into scaffold.properties). JUnit's {@code junit-jupiter} aggregator, for one, is not.
     */
    @Test
    void theScaffoldNeedsOnlyArtifactsAPlainBuildOfSymphonyHasDownloaded() throws Exception {
        Document build = xml(HostClasspath.RepositoryRoot.find().orElseThrow().resolve("pom.xml"));
        Set<String> buildDependencies = coordinates(build, "/project/dependencies/dependency");
        Set<String> buildPlugins = coordinates(build, "/project/build/pluginManagement/plugins/plugin | /project/build/plugins/plugin");
        Document scaffold = xml(create("operator").resolve("pom.xml"));
        Set<String> dependencies = coordinates(scaffold, "/project/dependencies/dependency[not(scope='system')]");
        Set<String> plugins = coordinates(scaffold, "/project/build/plugins/plugin");
        assertFalse(dependencies.isEmpty() || plugins.isEmpty());
        for (String d : dependencies) {
            assertTrue(buildDependencies.contains(d), d + " is not a dependency of Symphony's own build " + buildDependencies);
        }
        for (String p : plugins) {
            assertTrue(buildPlugins.contains(p), p + " is not a plugin of Symphony's own build");
        }
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** {@code groupId:artifactId} of every node {@code path} selects (a plugin's group defaults as Maven's does). */
    private static Set<String> coordinates(Document doc, String path) throws Exception {
        XPath x = XPathFactory.newInstance().newXPath();
        NodeList nodes = (NodeList) x.evaluate(path, doc, XPathConstants.NODESET);
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            String group = x.evaluate("groupId", nodes.item(i));
            out.add((group.isEmpty() ? "org.apache.maven.plugins" : group) + ":" + x.evaluate("artifactId", nodes.item(i)));
        }
        return out;
    }

    @Test
    void aBadNameOrAnExistingFolderIsRefused() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream());
        assertEquals(2, ExtCommand.run(new String[]{"create", "--kind", "widget", "x"}, o, e, () -> null));
        assertEquals(2, ExtCommand.run(new String[]{"create", "--kind", "operator", "Bad Name"}, o, e, () -> null));
        Files.createDirectories(tmp.resolve("taken"));
        assertEquals(1, ExtCommand.run(new String[]{"create", "--kind", "operator", "--dir", tmp.toString(), "taken"}, o, e, () -> null));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("exists"), err.toString(StandardCharsets.UTF_8));
    }
}
