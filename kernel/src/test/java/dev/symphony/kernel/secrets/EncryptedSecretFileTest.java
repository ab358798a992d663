package dev.symphony.kernel.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** The passphrase-encrypted secret file (a low iteration count here only to keep the test short; the format records it). */
class EncryptedSecretFileTest {
    static final int FAST = 20_000;

    static EncryptedSecretFile open(Path file, String passphrase) {
        return new EncryptedSecretFile(file, () -> Optional.ofNullable(passphrase).map(String::toCharArray), FAST);
    }

    @Test
    void setGetListRemoveAcrossOpens(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("secrets/secrets.enc");
        EncryptedSecretFile s = open(file, "correct horse");
        assertEquals(Set.of(), s.names());
        s.set("OPENAI_API_KEY", "sk-abc-123");
        s.set("other.key", "v2");
        EncryptedSecretFile again = open(file, "correct horse");
        assertEquals(Optional.of("sk-abc-123"), again.get("OPENAI_API_KEY"));
        assertEquals(new TreeSet<>(Set.of("OPENAI_API_KEY", "other.key")), again.names());
        assertTrue(again.remove("other.key"));
        assertFalse(again.remove("other.key"));
        assertEquals(Optional.empty(), open(file, "correct horse").get("other.key"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String onDisk = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertFalse(onDisk.contains("sk-abc-123") || onDisk.contains("OPENAI_API_KEY"), "neither values nor names in clear: " + onDisk);
        assertTrue(onDisk.contains("\"iterations\":" + FAST), onDisk);
    }

    @Test
    void aWrongPassphraseOrAChangedFileIsRefusedByName(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("secrets.enc");
        open(file, "right").set("K", "value");
        SecretStoreException wrong = assertThrows(SecretStoreException.class, () -> open(file, "wrong").get("K"));
        assertTrue(wrong.getMessage().contains("passphrase does not open " + file), wrong.getMessage());
        // the header is authenticated: a lowered iteration count (to speed up guessing) is caught
        Files.writeString(file, Files.readString(file).replace("\"iterations\":" + FAST, "\"iterations\":" + (FAST + 1)));
        assertThrows(SecretStoreException.class, () -> open(file, "right").get("K"));
        Files.writeString(file, "{\"format\":\"symphony-secrets-1\",\"kdf\":\"PBKDF2WithHmacSHA256\",\"iterations\":1000,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"nonce\":\"\",\"data\":\"\"}");
        SecretStoreException weak = assertThrows(SecretStoreException.class, () -> open(file, "right").get("K"));
        assertTrue(weak.getMessage().contains("weak"), weak.getMessage());
    }

    @Test
    void withoutAPassphraseTheStoreIsLockedAndSaysHowToOpenIt(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("secrets.enc");
        open(file, "p").set("K", "v");
        SecretStoreException locked = assertThrows(SecretStoreException.class, () -> open(file, null).names());
        assertTrue(locked.getMessage().contains(Passphrase.ENV), locked.getMessage());
        assertThrows(IllegalArgumentException.class, () -> open(file, "p").set("bad name", "v"));
    }

    @Test
    void theKernelFallsBackToItsEnvironmentForTheWellKnownNamesOnly(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("secrets.enc");
        open(file, "p").set("OPENAI_API_KEY", "from-the-store");
        Map<String, String> env = Map.of("OPENAI_API_KEY", "from-env", "ANTHROPIC_API_KEY", "anthropic-env", "GITHUB_TOKEN", "gh");
        KernelSecrets k = new KernelSecrets(() -> open(file, "p"), env);
        assertEquals(Optional.of("from-the-store"), k.value("OPENAI_API_KEY"), "the store wins");
        assertEquals(Optional.of("anthropic-env"), k.value("ANTHROPIC_API_KEY"));
        assertEquals(Optional.empty(), k.value("GITHUB_TOKEN"), "other environment variables are not secrets");
        KernelSecrets locked = new KernelSecrets(() -> open(file, null), env);
        assertEquals(Optional.of("anthropic-env"), locked.value("ANTHROPIC_API_KEY"), "a locked store still lets the environment answer");
        assertThrows(SecretStoreException.class, () -> locked.value("OTHER"), "a locked store is an error, not an absent secret");
    }

    @Test
    void thePassphraseComesFromTheEnvironmentAndNeverFromANonTerminal() {
        assertArrayEquals("pp".toCharArray(), Passphrase.obtain(Map.of(Passphrase.ENV, "pp"), null, "ask? ").orElseThrow());
        assertTrue(Passphrase.obtain(Map.of(), null, "ask? ").isEmpty());
    }
}
