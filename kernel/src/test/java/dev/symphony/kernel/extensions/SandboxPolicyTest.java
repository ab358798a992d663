package dev.symphony.kernel.extensions;

import dev.symphony.contract.manifest.ManifestReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Who may run without an OS sandbox: bundled and user-trusted extensions (that version only), with a warning; nobody under {@code require}. */
class SandboxPolicyTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty(Sandbox.FORCE_UNAVAILABLE_PROPERTY);
    }

    Player player(Player.Origin origin, String version) throws Exception {
        Player p = new Player("dev.example.ok", tmp, origin);
        p.manifest = ManifestReader.read(ArchiveInstallerTest.MANIFEST.replace("1.0.0", version).getBytes(StandardCharsets.UTF_8), "test");
        return p;
    }

    @Test
    void withoutASandboxOnlyBundledAndTrustedExtensionsRunAndTheySaySo() throws Exception {
        System.setProperty(Sandbox.FORCE_UNAVAILABLE_PROPERTY, "true");
        ExtensionStore store = new ExtensionStore(tmp.resolve("extensions"));
        SandboxPolicy.Decision bundled = SandboxPolicy.decide(player(Player.Origin.SOURCE, "1.0.0"), Sandbox.Mode.AUTO, store);
        assertEquals(SandboxPolicy.Decision.Kind.NOT_SANDBOXED, bundled.kind());
        assertTrue(bundled.reason().contains("bundled with Symphony") && bundled.reason().contains("full rights"), bundled.reason());
        SandboxPolicy.Decision shipped = SandboxPolicy.decide(player(Player.Origin.BUNDLED, "1.0.0"), Sandbox.Mode.AUTO, store);
        assertEquals(SandboxPolicy.Decision.Kind.NOT_SANDBOXED, shipped.kind(), "shipped in the installed product's bundled folder");

        SandboxPolicy.Decision stranger = SandboxPolicy.decide(player(Player.Origin.INSTALLED, "1.0.0"), Sandbox.Mode.AUTO, store);
        assertTrue(stranger.refused());
        assertTrue(stranger.reason().contains("apt install bubblewrap") && stranger.reason().contains("symphony ext trust dev.example.ok"));

        store.trust("dev.example.ok", "1.0.0");
        assertEquals(SandboxPolicy.Decision.Kind.NOT_SANDBOXED, SandboxPolicy.decide(player(Player.Origin.INSTALLED, "1.0.0"), Sandbox.Mode.AUTO, store).kind());
        assertTrue(SandboxPolicy.decide(player(Player.Origin.INSTALLED, "1.1.0"), Sandbox.Mode.AUTO, store).refused(), "a new version needs trusting again");
        assertTrue(SandboxPolicy.decide(player(Player.Origin.SOURCE, "1.0.0"), Sandbox.Mode.REQUIRE, store).refused(), "require admits no exception");
    }

    @Test
    void offIsAVisibleChoiceNotASilentOne() throws Exception {
        ExtensionStore store = new ExtensionStore(tmp.resolve("extensions"));
        assertTrue(SandboxPolicy.decide(player(Player.Origin.INSTALLED, "1.0.0"), Sandbox.Mode.OFF, store).refused(), "off does not admit untrusted code");
        SandboxPolicy.Decision bundled = SandboxPolicy.decide(player(Player.Origin.SOURCE, "1.0.0"), Sandbox.Mode.OFF, store);
        assertEquals("NOT SANDBOXED", bundled.label());
        assertTrue(bundled.reason().contains("symphony.sandbox=off"), bundled.reason());
    }
}
