package dev.symphony.approvals.ignore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentIgnoreTest {
    @Test
    void envFilesAreKeptByDefault() {
        AgentIgnore ignore = AgentIgnore.of("");
        assertTrue(ignore.ignored(".env", false));
        assertTrue(ignore.ignored("service/.env.production", false));
        assertFalse(ignore.ignored(".env.example", false));
        assertFalse(ignore.ignored("src/env.java", false));
    }

    @Test
    void theFileAddsGitignorePatternsAndCanLetDefaultsThrough(@TempDir Path workspace) throws Exception {
        Files.createDirectories(workspace.resolve(".symphony"));
        Files.writeString(workspace.resolve(AgentIgnore.FILE), "# secrets\nsecrets/\n*.pem\n/build\n!.env\n");
        AgentIgnore ignore = AgentIgnore.load(workspace);
        assertTrue(ignore.ignored("secrets/db/password.txt", false), "a file below an ignored folder");
        assertTrue(ignore.ignored("deploy/keys/server.pem", false));
        assertTrue(ignore.ignored("build/out.jar", false));
        assertFalse(ignore.ignored("src/build/x.java", false), "a pattern with a leading slash is anchored");
        assertFalse(ignore.ignored(".env", false), "a later !.env lets it through");
        assertFalse(ignore.ignored("src/Main.java", false));
    }
}
