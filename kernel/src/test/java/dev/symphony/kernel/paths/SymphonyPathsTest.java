package dev.symphony.kernel.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymphonyPathsTest {
    private final Path userHome = Path.of("/home/ada");

    @Test
    void homeOverrideWinsEverywhere() {
        SymphonyPaths paths = SymphonyPaths.resolve(null, Map.of("SYMPHONY_HOME", "/tmp/s"), "Mac OS X", userHome);
        assertEquals(Path.of("/tmp/s/config/settings.json"), paths.userSettingsFile());
        assertEquals(Path.of("/tmp/s/data/audit"), paths.data("audit"));
        assertEquals(Path.of("/tmp/p/config"),
                SymphonyPaths.resolve("/tmp/p", Map.of("SYMPHONY_HOME", "/tmp/s"), "Linux", userHome).configDir());
    }

    @Test
    void osDefaults() {
        assertEquals(Path.of("/x/symphony"), SymphonyPaths.resolve(null, Map.of("XDG_CONFIG_HOME", "/x"), "Linux", userHome).configDir());
        assertEquals(Path.of("/home/ada/.local/share/symphony"), SymphonyPaths.resolve(null, Map.of(), "Linux", userHome).dataDir());
        assertEquals(Path.of("/home/ada/Library/Application Support/Symphony"),
                SymphonyPaths.resolve(null, Map.of(), "Mac OS X", userHome).configDir());
        assertEquals(Path.of("C:/Users/ada/AppData/Roaming/Symphony"),
                SymphonyPaths.resolve(null, Map.of("APPDATA", "C:/Users/ada/AppData/Roaming"), "Windows 11", userHome).configDir());
    }

    @Test
    void testsRunUnderATemporaryHome() {
        String home = System.getenv("SYMPHONY_HOME");
        assertEquals(true, home != null && home.contains("test-home"), "surefire sets SYMPHONY_HOME, got " + home);
    }
}
