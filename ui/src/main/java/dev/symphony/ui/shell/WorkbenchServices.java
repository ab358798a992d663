package dev.symphony.ui.shell;

import dev.symphony.kernel.commands.CommandRegistry;
import dev.symphony.kernel.keys.KeybindingService;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.settings.SettingsSchema;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.FxBridge;
import java.io.IOException;

/** The UI-free services one workbench window uses, created together and closed together. */
public record WorkbenchServices(SymphonyPaths paths, SettingsService settings, CommandRegistry commands,
                                KeybindingService keybindings, FxBridge bridge) implements AutoCloseable {

    public static WorkbenchServices start(SymphonyPaths paths) throws IOException {
        SettingsService settings = new SettingsService(SettingsSchema.core(), paths.userSettingsFile(), null);
        settings.startWatching();
        return new WorkbenchServices(paths, settings, new CommandRegistry(),
                new KeybindingService(paths.keybindingsFile()), new FxBridge());
    }

    @Override
    public void close() throws IOException {
        settings.close();
        bridge.close();
    }
}
