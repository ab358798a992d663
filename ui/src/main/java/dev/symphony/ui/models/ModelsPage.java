package dev.symphony.ui.models;

import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.secrets.Passphrase;
import dev.symphony.kernel.secrets.SecretStores;
import dev.symphony.ui.Workbench;
import java.util.concurrent.CompletableFuture;

/** Wires the Models page into a workbench: the command "Preferences: Models" shows it in the side bar. */
public final class ModelsPage {
    public static final String COMMAND = "workbench.action.openModelsSettings";

    private ModelsPage() {
    }

    public static ModelsPageViewModel attach(Workbench workbench, CompletableFuture<Kernel> kernel) {
        var services = workbench.services();
        ModelsPageViewModel model = new ModelsPageViewModel(new KernelModelsBackend(kernel, services.paths(),
                () -> SecretStores.open(services.paths(), Passphrase::fromEnvironment)), services.settings(), services.bridge());
        ModelsPageView[] view = {null};
        workbench.window().command(COMMAND, "Models (providers, keys, model per role)", "Preferences", null, () -> {
            if (view[0] == null) {
                view[0] = new ModelsPageView(model);
            }
            model.refresh();
            workbench.mainView().showInSideBar(view[0]);
        });
        return model;
    }
}
