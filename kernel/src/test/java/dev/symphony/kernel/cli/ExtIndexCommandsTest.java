package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.signing.ArchivePacker;
import dev.symphony.kernel.signing.ArchiveSigner;
import dev.symphony.kernel.signing.PublisherKey;
import dev.symphony.kernel.signing.SignedArchives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A publisher's index folder in {@code extensions.indexes}: search, install by id, an update that asks for a new
 * network host (never installed without showing the difference, never on {@code --yes} alone), rollback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtIndexCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ID = "dev.example.indexed";
    Path tmp;
    Path home;
    Path repo;
    Path key;
    String previousHome;

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        tmp = dir;
        home = dir.resolve("home");
        previousHome = System.getProperty("symphony.home");
        System.setProperty("symphony.home", home.toString());
        repo = Files.createDirectories(dir.resolve("repo"));
        key = dir.resolve("me.key");
        assertEquals(0, ext(() -> null, "keygen", "--out", key.toString(), "--publisher", SignedArchives.PUBLISHER).code());
        assertEquals(0, ext(() -> null, "trust", "add", key + ".pub", "--yes").code());
        release("1.0.0", "{}");
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/settings.json"), "{\"extensions.indexes\": [" + JSON.writeValueAsString(repo.toString()) + "]}");
    }

    @AfterAll
    void tearDown() {
        if (previousHome == null) {
            System.clearProperty("symphony.home");
        } else {
            System.setProperty("symphony.home", previousHome);
        }
    }

    void release(String version, String permissions) throws Exception {
        Path dir = SignedArchives.folder(tmp.resolve("src-" + version), ID, version);
        Files.writeString(dir.resolve("symphony-extension.json"), SignedArchives.manifest(ID, version, SignedArchives.PUBLISHER)
                .replace("\"permissions\": {}", "\"permissions\": " + permissions)
                .replace("\"engine\"", "\"description\": \"Counts words in files\", \"categories\": [\"Text\"], \"engine\""));
        Path zip = ArchivePacker.pack(dir, repo.resolve(ID + "-" + version + ".zip")).archive();
        ArchiveSigner.sign(zip, PublisherKey.read(key));
        assertEquals(0, IndexCommand.run(new String[]{"build", repo.toString(), "--key", key.toString()},
                new PrintStream(new ByteArrayOutputStream()), System.err));
    }

    static ExtSigningCommandsTest.Result ext(Supplier<BufferedReader> terminal, String... args) {
        return ExtSigningCommandsTest.ext(terminal, args);
    }

    String installedVersion() throws Exception {
        return JSON.readTree(Files.readString(home.resolve("data/extensions/" + ID + "/symphony-extension.json"))).path("version").asText();
    }

    @Test
    void searchInstallUpdateWithThePermissionDiffAndRollBack() throws Exception {
        ExtSigningCommandsTest.Result search = ext(() -> null, "search", "words", "--category", "text");
        assertEquals(0, search.code(), search.err());
        JsonNode hit = JSON.readTree(search.out());
        assertEquals(ID, hit.path("id").asText());
        assertEquals("1.0.0", hit.path("version").asText());
        assertEquals("", ext(() -> null, "search", "--category", "Images").out());

        ExtSigningCommandsTest.Result install = ext(() -> null, "install", ID, "--yes");
        assertEquals(0, install.code(), install.err());
        assertEquals("1.0.0", installedVersion());

        release("1.1.0", "{\"network\": [\"example.com\"]}");
        ExtSigningCommandsTest.Result blind = ext(() -> null, "update", "--yes");
        assertEquals(1, blind.code());
        assertTrue(blind.err().contains(ID + " 1.0.0 -> 1.1.0 asks for DIFFERENT permissions"), blind.err());
        assertTrue(blind.err().contains("+ network hosts: example.com"), blind.err());
        assertTrue(blind.err().contains("--accept-new-permissions"), blind.err());
        assertEquals("1.0.0", installedVersion(), "--yes alone does not install changed permissions");
        // nor does `install` by id or from the archive: installing over what is installed is an update, with the difference
        for (String what : new String[]{ID, repo.resolve(ID + "-1.1.0.zip").toString()}) {
            ExtSigningCommandsTest.Result sideDoor = ext(() -> null, "install", what, "--yes");
            assertEquals(1, sideDoor.code(), sideDoor.err());
            assertTrue(sideDoor.err().contains(ID + " 1.0.0 -> 1.1.0 asks for DIFFERENT permissions")
                    && sideDoor.err().contains("+ network hosts: example.com") && sideDoor.err().contains("--accept-new-permissions"), sideDoor.err());
            assertEquals("1.0.0", installedVersion(), "install " + what + " --yes does not install changed permissions");
        }

        ExtSigningCommandsTest.Result no = ext(() -> new BufferedReader(new StringReader("n\n")), "update", ID);
        assertEquals(1, no.code());
        assertEquals("1.0.0", installedVersion());

        ExtSigningCommandsTest.Result yes = ext(() -> new BufferedReader(new StringReader("y\n")), "update", ID);
        assertEquals(0, yes.code(), yes.err());
        assertEquals("1.1.0", installedVersion());
        assertTrue(ext(() -> null, "update").err().contains("0 updated"));

        ExtSigningCommandsTest.Result back = ext(() -> new BufferedReader(new StringReader("y\n")), "rollback", ID);
        assertEquals(0, back.code(), back.err());
        assertTrue(back.err().contains("- network hosts: example.com"), back.err());
        assertEquals("1.0.0", installedVersion());
        assertTrue(ext(() -> null, "rollback", ID, "--yes").err().contains("no version of " + ID + " older than 1.0.0"));
    }

    @Test
    void anUnknownIdAndATamperedIndexAreNamed() throws Exception {
        ExtSigningCommandsTest.Result none = ext(() -> null, "install", "dev.example.nowhere", "--yes");
        assertEquals(1, none.code());
        assertTrue(none.err().contains("no index lists dev.example.nowhere"), none.err());
        Path index = repo.resolve("index.json");
        String good = Files.readString(index);
        try {
            Files.writeString(index, good.replace("Counts words", "Counts more words"));
            ExtSigningCommandsTest.Result tampered = ext(() -> null, "search");
            assertTrue(tampered.err().contains("skipping an index: the index at " + repo + " does not match its signature"), tampered.err());
            assertEquals("", tampered.out());
        } finally {
            Files.writeString(index, good);
        }
    }
}
