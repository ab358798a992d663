package dev.symphony.kernel.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.contract.manifest.ExtensionManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code permissions.settingFiles}: the files a user's settings name are given to the host (bound read-only, their
 * sizes added to its memory limit), exactly those, from the user's settings.json only.
 */
class SettingFilesTest {
    private static ExtensionManifest manifest(String permissions) throws Exception {
        return HostToolsTest.manifest(permissions);
    }

    @Test
    void theExistingFilesTheUsersSettingNamesAreGrantedWithTheirSizes(@TempDir Path dir) throws Exception {
        Path a = Files.write(Files.createDirectories(dir.resolve("models")).resolve("a.gguf"), new byte[1000]);
        Path b = Files.write(dir.resolve("models/b.gguf"), new byte[24]);
        Path user = dir.resolve("config/settings.json");
        Files.createDirectories(user.getParent());
        Files.writeString(user, """
                {"dev.example.tools.models": {"a": "%s", "b": "%s/models/../models/b.gguf", "again": "%s", "gone": "%s/none.gguf",
                  "folder": "%s", "relative": "models/a.gguf"},
                 "dev.example.tools.other": {"x": "%s"}}""".formatted(a, dir, a, dir, dir, b));
        SettingFiles.Grant grant = SettingFiles.grant(manifest("{\"settingFiles\": [\"models\"]}"), user);
        assertEquals(List.of(a, b), grant.files(), "each file once, normalized; other settings give nothing");
        assertEquals(1024, grant.bytes());
        assertEquals(3, grant.skipped().size(), grant.skipped().toString());
        assertTrue(grant.skipped().get(0).contains("none.gguf: no such file"), grant.skipped().toString());
        assertTrue(grant.skipped().get(1).endsWith("not a regular file"), grant.skipped().toString());
        assertTrue(grant.skipped().get(2).contains("dev.example.tools.models: models/a.gguf: not an absolute path"), grant.skipped().toString());

        assertEquals(SettingFiles.Grant.NONE, SettingFiles.grant(manifest("{}"), user), "no permission: nothing");
        assertTrue(PermissionSummary.lines(manifest("{\"settingFiles\": [\"models\"]}")).stream()
                .anyMatch(l -> l.meaning().contains("the files you name in its setting models (in your user settings.json only)")));
    }

    @Test
    void onlyTheUsersSettingsCount(@TempDir Path dir) throws Exception {
        Path user = dir.resolve("settings.json");
        assertNull(SettingFiles.userValue(user, "dev.example.tools", "models"), "no user settings file: no value");
        Files.writeString(user, "{\"dev.example.tools.models\": {\"a\": \"/x.gguf\"}}");
        assertEquals("/x.gguf", SettingFiles.userValue(user, "dev.example.tools", "models").path("a").asText());
        assertEquals(List.of("/x.gguf", "/y.gguf"), SettingFiles.paths(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("[\"/x.gguf\", 3, \"/y.gguf\"]")));
    }

    @Test
    void aSandboxBindsEachGrantedFileReadOnlyAtItsOwnPath(@TempDir Path dir) throws Exception {
        Path model = Files.write(dir.resolve("m.gguf"), new byte[8]);
        List<String> cmd = Sandbox.prefix(true, dir.resolve("cp.jar").toString(), dir.resolve("ext"), dir.resolve("bus"),
                dir.resolve("data"), dir.resolve("cds"), List.of(), List.of(model));
        int at = cmd.indexOf(model.toString());
        assertTrue(at > 0 && cmd.get(at - 1).equals("--ro-bind") && cmd.get(at + 1).equals(model.toString()), cmd.toString());
    }
}
