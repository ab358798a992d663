package dev.symphony.kernel.extensions;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.kernel.audit.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The file broker between its check and its operation: a folder on the path, or the file itself, is
 * swapped for a link to a secret folder exactly then (the race an attacker runs against the broker,
 * made deterministic by the broker's after-check hook). The operation fails and audits the denial; it
 * never reaches the secret. Before, the real path was checked and the operation then followed the link.
 */
class KernelFilesRaceTest {
    @TempDir
    Path tmp;
    Path workspace;
    Path secret;
    AuditLog audit;
    KernelFiles files;
    Player player;

    @BeforeEach
    void setUp() throws Exception {
        workspace = Files.createDirectories(tmp.resolve("ws"));
        Files.createDirectories(workspace.resolve("allowed/sub"));
        Files.writeString(workspace.resolve("allowed/sub/ok.txt"), "fine");
        secret = Files.createDirectories(tmp.resolve("secret/sub"));
        Files.writeString(secret.resolve("ok.txt"), "SECRET");
        audit = new AuditLog(tmp.resolve("audit"));
        files = new KernelFiles(audit);
        player = new Player("dev.example.files", tmp, Player.Origin.INSTALLED);
        player.manifest = ManifestReader.read(ArchiveInstallerTest.MANIFEST.replace("\"permissions\": {}",
                "\"permissions\": {\"read\": [\"${workspace}/allowed/**\"], \"write\": [\"${workspace}/allowed/**\"]}")
                .getBytes(StandardCharsets.UTF_8), "test");
        player.permissions = new PermissionChecker(player.manifest.permissions(),
                new PermissionChecker.Roots(workspace, tmp.resolve("home"), tmp.resolve("data")));
    }

    /** Replaces {@code victim} by a link to {@code target}, as the racing attacker does. */
    static Consumer<Path> swap(Path victim, Path target) {
        return checked -> {
            try {
                Files.move(victim, victim.resolveSibling(victim.getFileName() + ".moved"));
                Files.createSymbolicLink(victim, target);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };
    }

    void assertRedirectRefused(CallFailedException e) throws IOException {
        assertEquals(ErrorCode.PERMISSION_DENIED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("changed after it was checked"), e.getMessage());
        audit.flush();
        assertTrue(AuditLog.readAll(tmp.resolve("audit")).stream().anyMatch(a -> a.path("decision").asText().equals("denied")
                && a.path("detail").asText().contains("changed after it was checked")), "the refusal is audited");
    }

    @Test
    void untouchedPathsWorkAsBefore() throws Exception {
        assertEquals("fine", files.read(Acting.itself(player), workspace.resolve("allowed/sub/ok.txt").toString()).path("text").asText());
        files.write(Acting.itself(player), workspace.resolve("allowed/new/deeper/n.txt").toString(), "new");
        assertEquals("new", Files.readString(workspace.resolve("allowed/new/deeper/n.txt")));
        assertEquals("[\"deeper\"]", files.list(Acting.itself(player), workspace.resolve("allowed/new").toString()).path("names").toString());
    }

    @Test
    void aFolderSwappedForALinkAfterTheCheckIsNotFollowedByARead() throws Exception {
        files.afterCheck = swap(workspace.resolve("allowed/sub"), secret);
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> files.read(Acting.itself(player), workspace.resolve("allowed/sub/ok.txt").toString()));
        assertFalse(e.getMessage().contains("SECRET"));
        assertRedirectRefused(e);
    }

    @Test
    void theFileSwappedForALinkAfterTheCheckIsNotFollowedByARead() throws Exception {
        files.afterCheck = swap(workspace.resolve("allowed/sub/ok.txt"), secret.resolve("ok.txt"));
        assertRedirectRefused(assertThrows(CallFailedException.class,
                () -> files.read(Acting.itself(player), workspace.resolve("allowed/sub/ok.txt").toString())));
    }

    @Test
    void aWriteIsNotRedirectedOutOfThePermittedFolder() throws Exception {
        files.afterCheck = swap(workspace.resolve("allowed/sub"), secret);
        assertRedirectRefused(assertThrows(CallFailedException.class,
                () -> files.write(Acting.itself(player), workspace.resolve("allowed/sub/ok.txt").toString(), "overwritten")));
        assertEquals("SECRET", Files.readString(secret.resolve("ok.txt")), "the secret folder's file is untouched");
    }

    @Test
    void aListIsNotRedirected() throws Exception {
        files.afterCheck = swap(workspace.resolve("allowed/sub"), secret);
        assertRedirectRefused(assertThrows(CallFailedException.class,
                () -> files.list(Acting.itself(player), workspace.resolve("allowed/sub").toString())));
    }
}
