package dev.symphony.kernel.cli;

import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.kernel.bus.HostClasspath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private void scaffold(String kind) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExtCommand.run(new String[]{"create", "--kind", kind, "--dir", tmp.toString(), "my-" + kind},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), () -> null);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Path dir = tmp.resolve("my-" + kind);
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
