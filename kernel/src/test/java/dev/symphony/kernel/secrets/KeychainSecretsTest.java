package dev.symphony.kernel.secrets;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code symphony secret} with the OS keychain, in real JVMs of their own against a real Secret Service
 * ({@link PrivateSecretService}: gnome-keyring on a private session bus): the value goes to the keychain and
 * comes back, only its name is on disk, and a keychain that cannot be opened says so and what to do instead.
 */
@EnabledOnOs(OS.LINUX)
class KeychainSecretsTest {
    private static final String VALUE = "sk-keychain-0123456789-never-on-disk";

    private static Map<String, String> keychain(PrivateSecretService service) {
        Map<String, String> env = new HashMap<>(service.environment());
        env.put(SecretStores.BACKEND_ENV, "keychain"); // anything but "file": what a user's machine has by default
        return env;
    }

    @Test
    void aSecretGoesToTheKeychainAndOnlyItsNameToDisk(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(PrivateSecretService.available(), "dbus-daemon and gnome-keyring-daemon are not installed");
        Path home = tmp.resolve("symphony");
        try (PrivateSecretService service = new PrivateSecretService(tmp.resolve("session"), "the login password")) {
            Map<String, String> env = keychain(service);
            SecretCommandTest.Run set = SecretCommandTest.secret(home, VALUE + "\n", env, "set", "ANTHROPIC_API_KEY");
            assertEquals(0, set.exit(), set.err());
            assertTrue(set.err().contains("stored secret ANTHROPIC_API_KEY in the OS keychain"), set.err());
            assertEquals("ANTHROPIC_API_KEY\n", SecretCommandTest.secret(home, "", env, "list").out());
            Map<String, String> expecting = new HashMap<>(env);
            expecting.put("EXPECTED_VALUE", VALUE);
            assertEquals("same\n", SecretCommandTest.secret(home, "", expecting, "--matches", "ANTHROPIC_API_KEY").out(),
                    "a new process reads the value back from the keychain");
            assertTrue(Files.isDirectory(service.keyrings()), "gnome-keyring keeps it");
            for (Path folder : List.of(home, service.keyrings())) {
                assertNowhereInClear(folder);
            }
            SecretCommandTest.Run removed = SecretCommandTest.secret(home, "", env, "remove", "ANTHROPIC_API_KEY");
            assertEquals(0, removed.exit(), removed.err());
            assertEquals("", SecretCommandTest.secret(home, "", env, "list").out());
            assertEquals("none\n", SecretCommandTest.secret(home, "", expecting, "--matches", "ANTHROPIC_API_KEY").out());
        }
    }

    @Test
    void aKeychainThatCannotBeOpenedSaysSoAndWhatToDoInstead(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(PrivateSecretService.available(), "dbus-daemon and gnome-keyring-daemon are not installed");
        Path home = tmp.resolve("symphony");
        try (PrivateSecretService service = new PrivateSecretService(tmp.resolve("session"), null)) {
            SecretCommandTest.Run set = SecretCommandTest.secret(home, VALUE + "\n", keychain(service), "set", "ANTHROPIC_API_KEY");
            assertEquals(1, set.exit(), "no keyring is open and none can be unlocked without a display: " + set.err());
            assertTrue(set.err().contains("the OS keychain (service dev.symphony) could not store secret ANTHROPIC_API_KEY"), set.err());
            assertTrue(set.err().contains(SecretStores.BACKEND_ENV + "=file"), "it names the way out: " + set.err());
            assertFalse(set.err().contains(VALUE), set.err());
            assertEquals("", SecretCommandTest.secret(home, "", keychain(service), "list").out(), "nothing is listed as stored");
            assertNowhereInClear(home);
        }
    }

    private static void assertNowhereInClear(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(VALUE), "in clear in " + f);
            }
        }
    }
}
